import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  companyStageLabels,
  companyStages,
  marketLabels,
  markets,
  vantageLabels,
  vantages,
  type WorkKind,
  workKindLabels,
  workKinds,
} from "../../../shared/experience.ts";
import type { PortfolioRole, PortfolioRoleInput } from "../../../shared/portfolio.ts";
import { api, call } from "../../api.ts";
import { useMe } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { describedBy, SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";

type Values = {
  company: string;
  title: string;
  startsOn: string;
  endsOn: string;
  stage: string;
  market: string;
  vantage: string;
  work: WorkKind[];
  peopleManaged: string;
  wellKnownLogo: boolean;
  notes: string;
};

function toValues(role: PortfolioRole | undefined): Values {
  return {
    company: role?.company ?? "",
    title: role?.title ?? "",
    startsOn: role?.startsOn ?? "",
    endsOn: role?.endsOn ?? "",
    stage: role?.stage ?? "",
    market: role?.market ?? "",
    vantage: role?.vantage ?? "",
    work: role?.work ?? [],
    peopleManaged: role ? String(role.peopleManaged) : "0",
    wellKnownLogo: role?.wellKnownLogo ?? false,
    notes: role?.notes ?? "",
  };
}

const choose = { value: "", label: "Choose…" };
const stageOptions = [choose, ...companyStages.map((value) => ({ value, label: companyStageLabels[value] }))];
const marketOptions = [choose, ...markets.map((value) => ({ value, label: marketLabels[value] }))];
const vantageOptions = [choose, ...vantages.map((value) => ({ value, label: vantageLabels[value] }))];

const workHints: Record<WorkKind, string> = {
  feature: "Building new capabilities for users",
  growth: "Acquisition, activation, retention, monetisation",
  scaling: "Making the product and team work at a larger size",
};

const roleLabels: Partial<Record<keyof Values, string>> = {
  company: "Company",
  title: "Title",
  startsOn: "Started",
  endsOn: "Ended",
  stage: "Company stage",
  market: "Market",
  vantage: "Vantage point",
  work: "Kind of work",
  peopleManaged: "People managed",
  wellKnownLogo: "Well-known logo",
  notes: "Notes",
};

/** Where a role form keeps what was typed until it is saved or the dialog is closed. */
export function roleDraftKey(userId: string, roleId?: string): string {
  return `sidecar:draft:${userId}:portfolio-role:${roleId ?? "new"}`;
}

export function RoleForm({ role, onDone }: { role?: PortfolioRole; onDone: () => void }) {
  const { user } = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useSchemaForm(toValues(role), {
    schema: () => import("../../../shared/portfolio.ts").then((m) => m.portfolioRoleInput),
    draftKey: roleDraftKey(user.id, role?.id),
    toInput: (values) => {
      const people = values.peopleManaged.trim();
      return {
        ...values,
        endsOn: values.endsOn || null,
        stage: values.stage || undefined,
        market: values.market || undefined,
        vantage: values.vantage || undefined,
        peopleManaged: people === "" ? undefined : Number(people),
      };
    },
    version: role?.version,
  });

  const save = useMutation({
    mutationFn: (input: PortfolioRoleInput) =>
      role
        ? call(
            api.portfolio.roles[":id"].$put({
              param: { id: encodeURIComponent(role.id) },
              json: { ...input, version: form.version },
            }),
          )
        : call(api.portfolio.roles.$post({ json: input })),
    onSuccess: async (saved) => {
      form.clearDraft();
      toast({ title: role ? "Role saved" : "Role added", description: `${saved.title} at ${saved.company}` });
      await queryClient.invalidateQueries({ queryKey: ["portfolio"] });
      onDone();
    },
  });

  function toggleWork(kind: WorkKind, on: boolean) {
    const next = on ? [...form.values.work, kind] : form.values.work.filter((k) => k !== kind);
    form.set(
      "work",
      workKinds.filter((k) => next.includes(k)),
    );
  }

  const workError = form.errors.work ?? form.errors["work.0"];
  return (
    <ValidatedForm
      form={form}
      onSave={(input) => save.mutateAsync(input)}
      aria-label={role ? "Edit role" : "Add a role"}
    >
      {role ? (
        <ConflictNotice
          form={form}
          labels={roleLabels}
          loadLatest={async () => {
            const latest = await call(
              api.portfolio.roles[":id"].$get({ param: { id: encodeURIComponent(role.id) } }),
            );
            return { values: toValues(latest), version: latest.version };
          }}
        />
      ) : null}
      {form.draftRestored ? (
        <Alert tone="info">We kept what you had typed and not saved yet. Check it, then save.</Alert>
      ) : null}
      <div className="form-grid">
        <TextField
          label="Company"
          name="company"
          autoComplete="organization"
          value={form.values.company}
          onValueChange={(value) => form.set("company", value)}
          error={form.errors.company}
          maxLength={140}
          required
        />
        <TextField
          label="Title"
          name="title"
          autoComplete="organization-title"
          value={form.values.title}
          onValueChange={(value) => form.set("title", value)}
          error={form.errors.title}
          maxLength={140}
          required
        />
        <TextField
          label="Started"
          name="startsOn"
          type="date"
          value={form.values.startsOn}
          onValueChange={(value) => form.set("startsOn", value)}
          error={form.errors.startsOn}
          required
        />
        <TextField
          label="Ended"
          name="endsOn"
          type="date"
          value={form.values.endsOn}
          onValueChange={(value) => form.set("endsOn", value)}
          error={form.errors.endsOn}
          hint="Leave empty if this is your current role."
          optional
        />
        <SelectField
          label="Company stage"
          name="stage"
          options={stageOptions}
          value={form.values.stage}
          onValueChange={(value) => form.set("stage", value)}
          error={form.errors.stage}
          hint="Searching for fit, growing fast, or making a leader great."
          required
        />
        <SelectField
          label="Market"
          name="market"
          options={marketOptions}
          value={form.values.market}
          onValueChange={(value) => form.set("market", value)}
          error={form.errors.market}
          required
        />
        <SelectField
          label="Vantage point"
          name="vantage"
          options={vantageOptions}
          value={form.values.vantage}
          onValueChange={(value) => form.set("vantage", value)}
          error={form.errors.vantage}
          hint="Inside: platform, internal or operations products. Outside: products customers see."
          required
        />
        <TextField
          label="People managed"
          name="peopleManaged"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={form.values.peopleManaged}
          onValueChange={(value) => form.set("peopleManaged", value)}
          error={form.errors.peopleManaged}
          hint="Direct reports at the largest point; 0 if none."
          required
        />
      </div>
      <fieldset
        className="choice-group"
        aria-describedby={describedBy("role-work", true, workError)}
        aria-invalid={workError ? true : undefined}
        tabIndex={-1}
      >
        <legend className="field-label">Kind of work</legend>
        <p id="role-work-hint" className="field-hint">
          Pick every kind you did in this role.
        </p>
        <div className="choice-options">
          {workKinds.map((kind) => (
            <label key={kind} className="choice">
              <input
                type="checkbox"
                name="work"
                value={kind}
                checked={form.values.work.includes(kind)}
                onChange={(event) => toggleWork(kind, event.target.checked)}
              />
              <span>
                <span className="choice-label">{workKindLabels[kind]}</span>
                <span className="choice-hint">{workHints[kind]}</span>
              </span>
            </label>
          ))}
        </div>
        {workError ? (
          <p id="role-work-error" className="field-error">
            <span>{workError}</span>
          </p>
        ) : null}
      </fieldset>
      <label className="choice choice-single">
        <input
          type="checkbox"
          name="wellKnownLogo"
          checked={form.values.wellKnownLogo}
          onChange={(event) => form.set("wellKnownLogo", event.target.checked)}
        />
        <span>
          <span className="choice-label">A well-known logo</span>
          <span className="choice-hint">Most people in your field would recognise the company's name.</span>
        </span>
      </label>
      <TextAreaField
        label="Notes"
        name="notes"
        value={form.values.notes}
        onValueChange={(value) => form.set("notes", value)}
        error={form.errors.notes}
        hint="What you owned, what you learned. Only you see this."
        optional
        maxLength={2200}
      />
      <FormActions>
        <SubmitButton>{role ? "Save role" : "Add role"}</SubmitButton>
        <Button
          variant="secondary"
          onClick={() => {
            form.clearDraft();
            onDone();
          }}
        >
          Cancel
        </Button>
      </FormActions>
    </ValidatedForm>
  );
}
