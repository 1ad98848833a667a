import { type ComponentType, type LazyExoticComponent, Suspense, useEffect, useState } from "react";

/** False for the page's first frame, true once it has been painted. */
function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  return painted;
}

/**
 * A heavy part (a chart) fetched only after the page around it is on screen, so it never delays the
 * first picture. Its box is sized by the caller's CSS, so nothing moves when it arrives.
 */
export function AfterPaint<P extends object>({
  component: Component,
  props,
}: {
  component: LazyExoticComponent<ComponentType<P>>;
  props: P;
}) {
  const painted = usePainted();
  // React 18's lazy type maps props through ref handling TypeScript cannot follow for a generic P.
  const Part = Component as unknown as ComponentType<P>;
  if (!painted) return null;
  return (
    <Suspense fallback={null}>
      <Part {...props} />
    </Suspense>
  );
}
