import { type ActionItemState, actionItemStateLabels } from "../../../shared/engagement-words.ts";
import { api, call } from "../../api.ts";
import { Button } from "../../ui/button.tsx";
import { type E, schemas } from "./engagement-steps.tsx";
import { useRowChange } from "./row-change.tsx";

type Item = E["actionItems"][number];

/** One action; the mentee commits to a suggestion or declines it, then marks it done or not done. */
export function ActionItemRow({ engagement, item }: { engagement: E; item: Item }) {
  const { change, pending, values, notice } = useRowChange({
    engagement,
    item,
    initial: { state: item.state as ActionItemState },
    schema: () => schemas().then((m) => m.actionItemUpdateInput.omit({ version: true })),
    toInput: (next) => ({ text: item.text, dueOn: item.dueOn, state: next.state }),
    send: (input, version) =>
      call(
        api["engagement-action-items"][":id"].$put({
          param: { id: encodeURIComponent(item.id) },
          json: { ...input, version },
        }),
      ),
    find: (latest) => latest.actionItems.find((i) => i.id === item.id),
  });
  const step = (state: ActionItemState, label: string, variant?: "ghost") => (
    <Button
      size="small"
      variant={variant}
      pending={pending && values.state === state}
      disabled={pending}
      onClick={() => change({ state })}
    >
      {label}
    </Button>
  );
  return (
    <li className="engagement-item">
      <div>
        <strong>{item.text}</strong>
        <p className="muted small">
          {actionItemStateLabels[item.state]}
          {item.dueOn ? ` · due ${item.dueOn}` : ""}
        </p>
      </div>
      {engagement.side === "mentee" ? (
        <div className="engagement-actions">
          {item.state === "suggested" ? (
            <>
              {step("committed", "Commit")}
              {step("declined", "Not for me", "ghost")}
            </>
          ) : item.state === "committed" ? (
            <>
              {step("done", "Done")}
              {step("not_done", "Not done", "ghost")}
            </>
          ) : null}
        </div>
      ) : null}
      <div className="engagement-item-wide">{notice}</div>
    </li>
  );
}
