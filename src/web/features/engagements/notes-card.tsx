import { NotebookPen } from "lucide-react";
import { api, call } from "../../api.ts";
import { Card } from "../../ui/card.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import {
  type E,
  engagementParam,
  preloadSchemas,
  schemas,
  useEngagementUpdate,
} from "./engagement-steps.tsx";
import { NoteItem } from "./note-item.tsx";

const emptyNote = { body: "", shared: false };

/** Session notes: each private to its writer unless shared, and a form for a new one. */
export function NotesCard({ engagement }: { engagement: E }) {
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm(emptyNote, {
    schema: () => schemas().then((m) => m.noteInput),
    toInput: (values) => ({ ...values, sessionId: null }),
  });
  const open = engagement.state === "active" || engagement.state === "closing";
  const other = engagement.side === "mentee" ? engagement.mentor.name : engagement.mentee.name;
  return (
    <Card
      id="notes"
      title="Session notes"
      icon={<NotebookPen size={18} />}
      description="Each note is private to you unless you share it; you can change that any time. A private note is seen by nobody else."
    >
      {open ? (
        <ValidatedForm
          form={form}
          onFocus={preloadSchemas}
          onSave={async (input) => {
            const updated = await call(
              api.engagements[":id"].notes.$post({ param: engagementParam(engagement), json: input }),
            );
            form.setValues(emptyNote);
            applied(updated, "Note saved");
          }}
          aria-label="New note"
        >
          <TextAreaField label="Note" {...form.field("body")} rows={3} maxLength={20000} />
          <label className="checkbox-option">
            <input
              type="checkbox"
              name="shared"
              checked={form.values.shared}
              onChange={(e) => form.set("shared", e.target.checked)}
            />
            Share this note with {other}
          </label>
          <SubmitButton>Save note</SubmitButton>
        </ValidatedForm>
      ) : null}
      {engagement.notes.length === 0 ? (
        <p className="muted small">No notes yet.</p>
      ) : (
        <ul className="engagement-list" aria-label="Notes">
          {engagement.notes.map((n) => (
            <NoteItem key={n.id} engagement={engagement} note={n} />
          ))}
        </ul>
      )}
    </Card>
  );
}
