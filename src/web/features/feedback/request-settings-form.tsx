import { useMutation } from "@tanstack/react-query";
import { addDays } from "../../../shared/calendar-date.ts";
import type { FeedbackRequest, FeedbackRequestUpdate } from "../../../shared/feedback.ts";
import { maxClosingDays } from "../../../shared/feedback-words.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useRequestUpdate } from "./use-request-update.ts";

const kChoices = Array.from({ length: 8 }, (_, i) => ({ value: String(i + 3), label: String(i + 3) }));

const toValues = (r: FeedbackRequest) => ({ closesOn: r.closesOn, minResponses: String(r.minResponses) });

/** A request's closing date and responses needed: loaded once the page is on screen, with its schema. */
export default function RequestSettingsForm({ request }: { request: FeedbackRequest }) {
  const toast = useToast();
  const today = useMemberToday();
  const update = useRequestUpdate(request.id);
  const form = useSchemaForm(toValues(request), {
    schema: () =>
      import("../../../shared/feedback.ts").then((m) =>
        m.feedbackRequestUpdate.superRefine(m.closingDateRule(today)),
      ),
    toInput: (values) => ({
      closesOn: values.closesOn,
      ...(request.minResponsesLocked ? {} : { minResponses: Number(values.minResponses) }),
    }),
    version: request.version,
  });
  const save = useMutation({
    mutationFn: (input: FeedbackRequestUpdate) =>
      call(
        api.feedback.requests[":id"].$patch({
          param: { id: encodeURIComponent(request.id) },
          json: { ...input, version: form.version },
        }),
      ),
    onSuccess: (updated) => {
      update(updated);
      form.markSaved(updated.version, toValues(updated));
      toast({ title: "Request updated" });
    },
  });
  return (
    <ValidatedForm form={form} onSave={(input) => save.mutateAsync(input)} aria-label="Request settings">
      <ConflictNotice
        form={form}
        labels={{ closesOn: "Closing date", minResponses: "Responses needed" }}
        loadLatest={async () => {
          const latest = await call(
            api.feedback.requests[":id"].$get({ param: { id: encodeURIComponent(request.id) } }),
          );
          update(latest);
          return { values: toValues(latest), version: latest.version };
        }}
      />
      <div className="form-grid">
        <TextField
          label="Closing date"
          type="date"
          min={today}
          max={addDays(today, maxClosingDays)}
          {...form.field("closesOn")}
          hint="Links work until the end of this day."
        />
        <SelectField
          label="Responses needed"
          options={kChoices}
          {...form.field("minResponses")}
          disabled={request.minResponsesLocked}
          hint={
            request.minResponsesLocked
              ? "Fixed: the first answer is in, and a smaller number could single someone out."
              : "From 3 to 10."
          }
        />
      </div>
      <FormActions>
        <SubmitButton variant="secondary">Save changes</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
