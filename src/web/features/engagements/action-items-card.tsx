import { ListChecks } from "lucide-react";
import { api, call } from "../../api.ts";
import { Card } from "../../ui/card.tsx";
import { TextField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { ActionItemRow } from "./action-item-row.tsx";
import {
  type E,
  engagementParam,
  preloadSchemas,
  schemas,
  useEngagementUpdate,
} from "./engagement-steps.tsx";

const emptyAction = { text: "", dueOn: "" };

/** The mentee's actions: the mentor suggests, the mentee commits and says how it went. */
export function ActionItemsCard({ engagement }: { engagement: E }) {
  const mentee = engagement.side === "mentee";
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm(emptyAction, {
    schema: () => schemas().then((m) => m.actionItemInput),
    toInput: (values) => ({ ...values, dueOn: values.dueOn || null }),
  });
  return (
    <Card
      id="actions"
      title="Action items"
      icon={<ListChecks size={18} />}
      description="The mentee's to own: the mentor can suggest, only the mentee commits. A reminder comes on the due day."
    >
      {engagement.state === "active" ? (
        <ValidatedForm
          form={form}
          onFocus={preloadSchemas}
          onSave={async (input) => {
            const updated = await call(
              api.engagements[":id"]["action-items"].$post({
                param: engagementParam(engagement),
                json: input,
              }),
            );
            form.setValues(emptyAction);
            applied(updated, mentee ? "Action committed" : "Action suggested");
          }}
          aria-label="New action"
        >
          <div className="engagement-row">
            <TextField
              label={mentee ? "Action" : "Suggest an action"}
              {...form.field("text")}
              maxLength={500}
            />
            <TextField label="Due" type="date" {...form.field("dueOn")} optional />
          </div>
          <SubmitButton>{mentee ? "Commit to it" : "Suggest it"}</SubmitButton>
        </ValidatedForm>
      ) : null}
      {engagement.actionItems.length === 0 ? (
        <p className="muted small">No actions yet.</p>
      ) : (
        <ul className="engagement-list" aria-label="Actions">
          {engagement.actionItems.map((item) => (
            <ActionItemRow key={item.id} engagement={engagement} item={item} />
          ))}
        </ul>
      )}
    </Card>
  );
}
