import { api, call } from "../../api.ts";
import { TextAreaField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { type E, preloadSchemas, schemas, useEngagementUpdate } from "./engagement-steps.tsx";
import type { Shared } from "./shared-decision.tsx";

/** The mentor's comment on a decision the mentee shares: a question or a view, never a change. */
export function CommentForm({ engagement, decision }: { engagement: E; decision: Shared }) {
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm({ body: "" }, { schema: () => schemas().then((m) => m.decisionCommentInput) });
  return (
    <ValidatedForm
      form={form}
      onFocus={preloadSchemas}
      onSave={async (input) => {
        const updated = await call(
          api["engagement-decisions"][":id"].comments.$post({
            param: { id: encodeURIComponent(decision.shareId) },
            json: input,
          }),
        );
        form.setValues({ body: "" });
        applied(updated, `Comment sent to ${engagement.mentee.name}`);
      }}
      aria-label={`Comment on “${decision.dilemma}”`}
    >
      <TextAreaField
        label="Your comment"
        {...form.field("body")}
        hint="A question or a view; the decision stays theirs."
        rows={2}
        maxLength={4000}
      />
      <SubmitButton size="small">Comment</SubmitButton>
    </ValidatedForm>
  );
}
