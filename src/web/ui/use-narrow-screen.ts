import { useEffect, useState } from "react";

const narrowQuery = "(max-width: 640px)";

/** Whether the screen is phone-sized (the same breakpoint as the style sheets), kept up to date. */
export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(narrowQuery).matches);
  useEffect(() => {
    const query = window.matchMedia(narrowQuery);
    const update = () => setNarrow(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return narrow;
}
