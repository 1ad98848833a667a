import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type PublishMode, publishModeLabels, publishModes } from "../../../shared/programs.ts";
import { api, call } from "../../api.ts";
import { SelectField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { param, programQuery } from "./programs-api.ts";

/**
 * The programs pages' forms, on react-hook-form and the shared schemas (loaded on the first submit).
 * Each page loads this file after its first paint.
 */

const schemas = () => import("../../../shared/programs.ts");
const modeOptions = publishModes.map((value) => ({ value, label: publishModeLabels[value] }));

export function StartProgramForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useSchemaForm(
    { name: "", publishMode: "introduction" as PublishMode },
    {
      schema: () => schemas().then((m) => m.programInput),
      toInput: (values) => ({ ...values, description: "" }),
    },
  );
  const create = useMutation({
    mutationFn: (json: { name: string; description: string; publishMode: PublishMode }) =>
      call(api.programs.$post({ json })),
  });
  return (
    <ValidatedForm
      form={form}
      aria-label="Start a program"
      onSave={async (input) => {
        const program = await create.mutateAsync(input);
        await queryClient.invalidateQueries({ queryKey: ["programs"] });
        await navigate({ to: "/programs/$programId", params: { programId: program.id } });
      }}
    >
      <TextField label="Program name" {...form.field("name")} maxLength={120} />
      <SelectField
        label="What a published pair becomes"
        value={form.values.publishMode}
        onValueChange={(v) => form.set("publishMode", v as PublishMode)}
        options={modeOptions}
        error={form.errors.publishMode}
      />
      <FormActions>
        <SubmitButton>Start the program</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}

const emptyCohort = { name: "", startsOn: "", endsOn: "" };

export function AddCohortForm({ programId }: { programId: string }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useSchemaForm(emptyCohort, { schema: () => schemas().then((m) => m.cohortInput) });
  const add = useMutation({
    mutationFn: (json: typeof emptyCohort) =>
      call(api.programs[":id"].cohorts.$post({ param: param(programId), json })),
  });
  return (
    <ValidatedForm
      form={form}
      aria-label="Add a cohort"
      onSave={async (input) => {
        await add.mutateAsync(input);
        await queryClient.invalidateQueries({ queryKey: ["programs", programId] });
        form.setValues(emptyCohort);
        toast({ title: "Cohort added" });
      }}
    >
      <TextField label="Cohort name" {...form.field("name")} maxLength={120} />
      <TextField label="First day" type="date" {...form.field("startsOn")} />
      <TextField label="Last day" type="date" {...form.field("endsOn")} />
      <FormActions>
        <SubmitButton>Add the cohort</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}

export function AddAdminForm({ programId }: { programId: string }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useSchemaForm({ email: "" }, { schema: () => schemas().then((m) => m.programAdminInput) });
  const grant = useMutation({
    mutationFn: (json: { email: string }) =>
      call(api.programs[":id"].admins.$post({ param: param(programId), json })),
  });
  return (
    <ValidatedForm
      form={form}
      aria-label="Add a program admin"
      onSave={async (input) => {
        const data = await grant.mutateAsync(input);
        queryClient.setQueryData(programQuery(programId).queryKey, data);
        form.setValues({ email: "" });
        toast({ title: "Program admin added" });
      }}
    >
      <TextField label="Member's email" type="email" {...form.field("email")} />
      <FormActions>
        <SubmitButton variant="secondary">Make program admin</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
