import { lazy } from "react";
import { AfterPaint } from "../../ui/after-paint.tsx";

const RepeatBackForm = lazy(() => import("./repeat-back-form.tsx"));

/** "What I heard", loaded after the results are on screen into a slot that keeps its height. */
export function RepeatBack(props: {
  requestId: string;
  item: { key: string; heard: string; readOn: string | null; version: number };
  label: string;
}) {
  return (
    <div className="repeat-back-slot">
      <AfterPaint component={RepeatBackForm} props={props} />
    </div>
  );
}
