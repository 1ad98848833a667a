import { lazy, Suspense, useState } from "react";
import type { DialogProps } from "./dialog-frame.tsx";

// The dialog's parts load the first time it opens, not with every page that could open one.
const DialogFrame = lazy(() => import("./dialog-frame.tsx"));

export function Dialog(props: DialogProps) {
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <DialogFrame {...props} />
    </Suspense>
  );
}
