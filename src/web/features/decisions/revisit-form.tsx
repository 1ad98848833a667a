import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Decision, DecisionRevisitInput } from "../../../shared/decisions.ts";
import { api, call } from "../../api.ts";
import { useMe, useMemberToday } from "../../session.ts";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { refreshDecisionLists } from "./decisions-api.ts";

const schemas = () => import("../../../shared/decisions.ts");
/** Fetches the schema when focus first enters the form, so its first submit need not wait for it. */
const preload = () => void schemas();

/** Looking back on a decision: how it turned out, and when to look again. Kept as a draft until saved. */
export function RevisitForm({ decision }: { decision: Decision }) {
  const { user } = useMe();
  const today = useMemberToday();
  const toast = useToast();
  const queryClient = useQueryClient();
  const initial = { revisitedOn: today, outcome: "", nextRevisitOn: "" };
  const form = useSchemaForm(initial, {
    schema: () => schemas().then((m) => m.decisionRevisitInput),
    toInput: (values) => ({ ...values, nextRevisitOn: values.nextRevisitOn || null }),
    draftKey: `sidecar:draft:${user.id}:revisit:${decision.id}`,
    version: decision.version,
  });
  const save = useMutation({
    mutationFn: (input: DecisionRevisitInput) =>
      call(
        api.decisions[":id"].revisit.$post({
          param: { id: encodeURIComponent(decision.id) },
          json: { ...input, version: form.version },
        }),
      ),
  });

  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Record a revisit"
      className="revisit-form"
      onSave={async (input) => {
        const saved = await save.mutateAsync(input);
        form.clearDraft();
        form.setValues(initial);
        form.markSaved(saved.version);
        queryClient.setQueryData(["decisions", saved.id], saved);
        await refreshDecisionLists(queryClient);
        toast({ title: "Revisit saved" });
      }}
    >
      <ConflictNotice
        form={form}
        labels={{ revisitedOn: "Date", outcome: "How it turned out", nextRevisitOn: "Look again on" }}
        loadLatest={async () => {
          const latest = await call(
            api.decisions[":id"].$get({ param: { id: encodeURIComponent(decision.id) } }),
          );
          queryClient.setQueryData(["decisions", latest.id], latest);
          return { values: form.values, version: latest.version };
        }}
      />
      <TextAreaField
        label="How it turned out"
        {...form.field("outcome")}
        hint="What happened, and would you decide the same way again?"
        maxLength={2100}
      />
      <div className="form-grid">
        <TextField label="Looked back on" type="date" {...form.field("revisitedOn")} />
        <TextField
          label="Look again on"
          type="date"
          {...form.field("nextRevisitOn")}
          hint="Leave empty if this is settled."
          optional
        />
      </div>
      <FormActions>
        <SubmitButton>Save revisit</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
