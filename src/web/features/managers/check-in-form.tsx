import type { ReactNode } from "react";
import type { CheckInInput } from "../../../shared/managers.ts";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";

export type CheckInValues = { heldOn: string; helpWith: string };

/**
 * "What can I help you with?" and the date: the one check-in form, for starting a check-in from the
 * link page and for editing it on the check-in page (where a stale version shows the ConflictNotice).
 */
export function CheckInForm({
  initial,
  version,
  hint,
  submitLabel,
  onSave,
  loadLatest,
  labelledBy,
}: {
  initial: CheckInValues;
  /** The check-in's version when editing one; a start has none. */
  version?: number;
  hint?: ReactNode;
  submitLabel: string;
  /** Saves the checked input; returns what the check-in now holds when it stays on the page. */
  onSave: (
    input: CheckInInput,
    version: number,
  ) => Promise<{ values: CheckInValues; version: number } | undefined>;
  loadLatest?: () => Promise<{ values: CheckInValues; version: number }>;
  labelledBy: string;
}) {
  const form = useSchemaForm(initial, {
    schema: () => import("../../../shared/managers.ts").then((m) => m.checkInInput),
    version,
  });
  return (
    <ValidatedForm
      form={form}
      onSave={async (input) => {
        const saved = await onSave(input, form.version);
        if (saved) form.markSaved(saved.version, saved.values);
      }}
      aria-labelledby={labelledBy}
    >
      {loadLatest ? (
        <ConflictNotice
          form={form}
          labels={{ heldOn: "Date", helpWith: "What I would like help with" }}
          loadLatest={loadLatest}
        />
      ) : null}
      <div className="form-grid">
        <TextField label="Date of the check-in" type="date" {...form.field("heldOn")} />
      </div>
      <TextAreaField label="What I would like help with" rows={4} hint={hint} {...form.field("helpWith")} />
      <FormActions>
        <SubmitButton>{submitLabel}</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
