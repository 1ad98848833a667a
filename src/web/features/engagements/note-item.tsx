import { api, call } from "../../api.ts";
import { Button } from "../../ui/button.tsx";
import { type E, schemas } from "./engagement-steps.tsx";
import { useRowChange } from "./row-change.tsx";

type Note = E["notes"][number];

/** One note; its writer shares it or makes it private again. */
export function NoteItem({ engagement, note }: { engagement: E; note: Note }) {
  const { change, pending, notice } = useRowChange({
    engagement,
    item: note,
    initial: { shared: note.shared },
    schema: () => schemas().then((m) => m.noteUpdateInput.omit({ version: true })),
    toInput: (values) => ({ body: note.body, shared: values.shared }),
    send: (input, version) =>
      call(
        api["engagement-notes"][":id"].$put({
          param: { id: encodeURIComponent(note.id) },
          json: { ...input, version },
        }),
      ),
    find: (latest) => latest.notes.find((n) => n.id === note.id),
  });
  return (
    <li className="engagement-item">
      <div>
        <p className="engagement-note">{note.body}</p>
        <p className="muted small">
          {note.mine ? "You" : note.authorName} · {note.shared ? "Shared" : "Private to you"}
        </p>
      </div>
      {note.mine ? (
        <Button
          variant="ghost"
          size="small"
          pending={pending}
          onClick={() => change({ shared: !note.shared })}
        >
          {note.shared ? "Make private" : "Share"}
        </Button>
      ) : null}
      <div className="engagement-item-wide">{notice}</div>
    </li>
  );
}
