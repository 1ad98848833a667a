import { useState } from "react";
import { api, call } from "../../api.ts";
import { Button } from "../../ui/button.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import {
  type E,
  latestEngagement,
  preloadSchemas,
  schemas,
  useEngagementUpdate,
} from "./engagement-steps.tsx";
import type { Shared } from "./shared-decision.tsx";

type Comment = Shared["comments"][number];

/** A comment on a shared decision; its writer changes it at the version read. */
export function CommentItem({ engagement, comment }: { engagement: E; comment: Comment }) {
  const [editing, setEditing] = useState(false);
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm(
    { body: comment.body },
    { schema: () => schemas().then((m) => m.decisionCommentInput), version: comment.version },
  );
  return (
    <li>
      {editing ? (
        <ValidatedForm
          form={form}
          onFocus={preloadSchemas}
          onSave={async (input) => {
            const updated = await call(
              api["engagement-decision-comments"][":id"].$put({
                param: { id: encodeURIComponent(comment.id) },
                json: { ...input, version: form.version },
              }),
            );
            setEditing(false);
            applied(updated, "Comment changed");
          }}
          aria-label="Change your comment"
        >
          <ConflictNotice
            form={form}
            labels={{ body: "Your comment" }}
            loadLatest={async () => {
              const latest = (await latestEngagement(engagement.id)).decisions
                .flatMap((d) => d.comments)
                .find((c) => c.id === comment.id);
              if (!latest) throw new Error("This comment is no longer shared.");
              return { values: { body: latest.body }, version: latest.version };
            }}
          />
          <TextAreaField label="Your comment" {...form.field("body")} rows={2} maxLength={4000} />
          <div className="engagement-actions">
            <SubmitButton size="small">Save</SubmitButton>
            <Button variant="ghost" size="small" onClick={() => setEditing(false)}>
              Keep it as it was
            </Button>
          </div>
        </ValidatedForm>
      ) : (
        <>
          <p className="engagement-note">{comment.body}</p>
          <p className="muted small">
            {comment.mine ? "You" : comment.authorName}
            {comment.version > 1 ? " (edited)" : ""}
            {comment.mine ? (
              <>
                {" · "}
                <Button variant="ghost" size="small" onClick={() => setEditing(true)}>
                  Edit
                </Button>
              </>
            ) : null}
          </p>
        </>
      )}
    </li>
  );
}
