import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, Building2, Plus, Scale, SearchX, Trash2 } from "lucide-react";
import { useState } from "react";
import {
  formatMoney,
  type HealthCheck,
  type HealthCheckInput,
  type HealthSign,
  healthSignKeys,
  healthSigns,
} from "../../../shared/health-check.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { decisionsQuery } from "../decisions/decisions-api.ts";
import { RadioGroup } from "./radio-group.tsx";
import "./diagnostics.css";

const listKey = ["health-checks"] as const;

type Values = {
  company: string;
  subject: string;
  signs: Record<HealthSign, string>;
  signNotes: string;
  withEquity: boolean;
  shares: string;
  strikePrice: string;
  fullyDilutedShares: string;
  preferences: string;
  exitValues: string;
  roleElsewhere: boolean;
  loyalty: boolean;
  fearOfSearch: boolean;
  reasonNotes: string;
  decisionId: string;
};

const labels: Partial<Record<keyof Values, string>> = {
  company: "Company",
  subject: "Employer or offer",
  signNotes: "Notes on the signs",
  decisionId: "Decision",
};

function toValues(check: HealthCheck | undefined): Values {
  const equity = check?.equity;
  return {
    company: check?.company ?? "",
    subject: check?.subject ?? "employer",
    signs: Object.fromEntries(healthSignKeys.map((key) => [key, check?.signs[key] ?? "unknown"])) as Record<
      HealthSign,
      string
    >,
    signNotes: check?.signNotes ?? "",
    withEquity: Boolean(equity),
    shares: equity ? String(equity.shares) : "",
    strikePrice: equity ? String(equity.strikePrice) : "",
    fullyDilutedShares: equity ? String(equity.fullyDilutedShares) : "",
    preferences: equity ? equity.preferences.map((p) => `${p.name}: ${p.amount}`).join("\n") : "",
    exitValues: equity ? equity.exitValues.join(", ") : "",
    roleElsewhere: check?.reasons.roleElsewhere ?? false,
    loyalty: check?.reasons.loyalty ?? false,
    fearOfSearch: check?.reasons.fearOfSearch ?? false,
    reasonNotes: check?.reasons.notes ?? "",
    decisionId: check?.decision?.id ?? "",
  };
}

const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.replace(/[,_\s$]/g, "")));

function toInput(values: Values) {
  return {
    company: values.company,
    subject: values.subject,
    signs: values.signs,
    signNotes: values.signNotes,
    equity: values.withEquity
      ? {
          shares: number(values.shares),
          strikePrice: values.strikePrice.trim() === "" ? 0 : number(values.strikePrice),
          fullyDilutedShares: number(values.fullyDilutedShares),
          preferences: values.preferences
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) => {
              const at = line.lastIndexOf(":");
              return {
                name: at > 0 ? line.slice(0, at).trim() : line,
                amount: number(at > 0 ? line.slice(at + 1) : ""),
              };
            }),
          exitValues: values.exitValues
            .split(/[;,\n]/)
            .map((part) => part.trim())
            .filter(Boolean)
            .map(number),
        }
      : null,
    reasons: {
      roleElsewhere: values.roleElsewhere,
      loyalty: values.loyalty,
      fearOfSearch: values.fearOfSearch,
      notes: values.reasonNotes,
    },
    decisionId: values.decisionId || null,
  };
}

function Checkbox({
  label,
  checked,
  onChange,
  name,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  name: string;
}) {
  return (
    <label className="checkbox-option">
      <input
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

function HealthCheckForm({ check }: { check?: HealthCheck }) {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const decisions = useQuery(decisionsQuery);
  const form = useSchemaForm(toValues(check), {
    schema: () => import("../../../shared/health-check.ts").then((m) => m.healthCheckInput),
    toInput,
    serverFields: (values) => [
      ...Object.keys(values),
      "equity",
      "equity.shares",
      "equity.fullyDilutedShares",
      "equity.exitValues",
    ],
    version: check?.version,
  });
  const save = useMutation({
    mutationFn: (input: HealthCheckInput) =>
      check
        ? call(
            api["health-checks"][":id"].$put({
              param: { id: encodeURIComponent(check.id) },
              json: { ...input, version: form.version },
            }),
          )
        : call(api["health-checks"].$post({ json: input })),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...listKey, saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: listKey, exact: true });
      form.markSaved(saved.version, toValues(saved));
      toast({ title: check ? "Check updated" : "Check saved", description: saved.verdict.headline });
      if (!check) await navigate({ to: "/diagnostics/company/$id", params: { id: saved.id } });
    },
  });
  const equityError = Object.entries(form.errors).find(
    ([key, message]) => key.startsWith("equity") && message,
  )?.[1];
  return (
    <Card
      id="health-form"
      title={check ? "Change the check" : "A new health check"}
      icon={<Building2 size={18} />}
    >
      <ValidatedForm
        form={form}
        onSave={(input) => save.mutateAsync(input)}
        aria-labelledby="health-form-title"
      >
        {check ? (
          <ConflictNotice
            form={form}
            labels={labels}
            loadLatest={async () => {
              const latest = await call(
                api["health-checks"][":id"].$get({ param: { id: encodeURIComponent(check.id) } }),
              );
              return { values: toValues(latest), version: latest.version };
            }}
          />
        ) : null}
        <div className="form-grid">
          <TextField label="Company" {...form.field("company")} maxLength={130} />
          <SelectField
            label="This is"
            name="subject"
            value={form.values.subject}
            onValueChange={(value) => form.set("subject", value)}
            options={[
              { value: "employer", label: "My employer" },
              { value: "offer", label: "An offer" },
            ]}
            error={form.errors.subject}
          />
        </div>
        <h3 className="small">The ex-growth signs</h3>
        {healthSignKeys.map((key) => (
          <RadioGroup
            key={key}
            legend={healthSigns[key].label}
            name={`sign-${key}`}
            options={Object.entries(healthSigns[key].options).map(([value, label]) => ({ value, label }))}
            value={form.values.signs[key]}
            onChange={(value) => form.set("signs", { ...form.values.signs, [key]: value })}
          />
        ))}
        <TextAreaField
          label="Notes on the signs"
          name="signNotes"
          value={form.values.signNotes}
          onValueChange={(value) => form.set("signNotes", value)}
          optional
          rows={2}
          maxLength={2100}
        />
        <h3 className="small">Your equity</h3>
        <Checkbox
          name="withEquity"
          label="I have (or am offered) equity"
          checked={form.values.withEquity}
          onChange={(v) => form.set("withEquity", v)}
        />
        {form.values.withEquity ? (
          <>
            {equityError ? <Alert tone="error">{equityError}</Alert> : null}
            <div className="form-grid">
              <TextField
                label="Shares or options in the grant"
                name="shares"
                inputMode="numeric"
                value={form.values.shares}
                onValueChange={(v) => form.set("shares", v)}
              />
              <TextField
                label="Strike price per share ($)"
                name="strikePrice"
                inputMode="decimal"
                value={form.values.strikePrice}
                onValueChange={(v) => form.set("strikePrice", v)}
                optional
              />
            </div>
            <TextField
              label="Fully diluted shares of the company"
              name="fullyDilutedShares"
              inputMode="numeric"
              value={form.values.fullyDilutedShares}
              onValueChange={(v) => form.set("fullyDilutedShares", v)}
            />
            <TextAreaField
              label="Preference stack"
              name="preferences"
              value={form.values.preferences}
              onValueChange={(v) => form.set("preferences", v)}
              hint="One round a line, with its total liquidation preference in dollars, such as “Series B: 80000000”. Leave empty if you don't know."
              optional
              rows={3}
            />
            <TextField
              label="Exit values to try ($)"
              name="exitValues"
              value={form.values.exitValues}
              onValueChange={(v) => form.set("exitValues", v)}
              hint="Up to five, separated by commas, such as “50000000, 200000000, 1000000000”."
            />
          </>
        ) : null}
        <h3 className="small">Reasons to stay, weighed honestly</h3>
        <Checkbox
          name="roleElsewhere"
          label="My role here is one I could not get elsewhere"
          checked={form.values.roleElsewhere}
          onChange={(v) => form.set("roleElsewhere", v)}
        />
        <Checkbox
          name="loyalty"
          label="Loyalty to my team"
          checked={form.values.loyalty}
          onChange={(v) => form.set("loyalty", v)}
        />
        <Checkbox
          name="fearOfSearch"
          label="Honestly: fear of not finding another job"
          checked={form.values.fearOfSearch}
          onChange={(v) => form.set("fearOfSearch", v)}
        />
        <TextAreaField
          label="Anything else that keeps you"
          name="reasonNotes"
          value={form.values.reasonNotes}
          onValueChange={(value) => form.set("reasonNotes", value)}
          optional
          rows={2}
          maxLength={2100}
        />
        <SelectField
          label="Linked decision in your journal"
          name="decisionId"
          value={form.values.decisionId}
          onValueChange={(value) => form.set("decisionId", value)}
          options={[
            { value: "", label: "None" },
            ...(decisions.data?.decisions ?? []).map((d) => ({ value: d.id, label: d.dilemma })),
          ]}
          error={form.errors.decisionId}
          hint="Such as “Grit it out or move on?”: the verdict is one input to it."
          optional
        />
        <FormActions>
          <SubmitButton>{check ? "Save changes" : "See the verdict"}</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}

export function Verdict({ check }: { check: HealthCheck }) {
  return (
    <Card title={`Verdict on ${check.company}`} icon={<Scale size={18} />}>
      <div className="stack">
        <p className="verdict-headline">{check.verdict.headline}</p>
        <p className="small muted">
          {check.verdict.exGrowthSigns} of {check.verdict.knownSigns} known signs point to an ex-growth
          company.
        </p>
        <ul>
          {check.verdict.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {check.scenarios.length ? (
          <section
            className="table-scroll"
            aria-label="Equity scenarios; scroll sideways on a small screen"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard, so the table can be scrolled sideways on a phone.
            tabIndex={0}
          >
            <table className="scenario-table">
              <caption className="visually-hidden">What your grant is worth at each exit value</caption>
              <thead>
                <tr>
                  <th scope="col">Exit value</th>
                  <th scope="col">Preferences paid first</th>
                  <th scope="col">Left for common</th>
                  <th scope="col">Your grant</th>
                </tr>
              </thead>
              <tbody>
                {check.scenarios.map((s) => (
                  <tr key={s.exitValue}>
                    <td>{formatMoney(s.exitValue)}</td>
                    <td>{formatMoney(s.preferences)}</td>
                    <td>{formatMoney(s.toCommon)}</td>
                    <td>{formatMoney(s.grantValue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {check.decision ? (
          <p className="small">
            Linked to your decision{" "}
            <Link to="/decisions/$id" params={{ id: check.decision.id }}>
              {check.decision.dilemma}
            </Link>
            .
          </p>
        ) : null}
      </div>
    </Card>
  );
}

export function HealthChecksPage() {
  useTitle("Company health");
  const query = useQuery({ queryKey: listKey, queryFn: () => call(api["health-checks"].$get()) });
  const [adding, setAdding] = useState(false);
  const checks = query.data?.checks ?? [];
  return (
    <>
      <PageHeader
        title="Company health check"
        description="Is your employer, or an offer, an ex-growth company? Weigh the signs, what your equity is worth after the preference stack, and your reasons to stay against fear. You get a plain verdict with its reasons."
        actions={
          checks.length && !adding ? (
            <Button onClick={() => setAdding(true)}>
              <Plus size={18} aria-hidden="true" />
              Check a company
            </Button>
          ) : undefined
        }
      />
      <QueryState query={query} loading="Loading your checks…" failed="Your checks">
        {() => (
          <div className="stack-lg">
            {checks.length === 0 || adding ? <HealthCheckForm /> : null}
            {checks.length ? (
              <ul className="history-list">
                {checks.map((check) => (
                  <li key={check.id}>
                    <Card
                      title={
                        <Link to="/diagnostics/company/$id" params={{ id: check.id }}>
                          {check.company} ({check.subject === "offer" ? "offer" : "employer"})
                        </Link>
                      }
                    >
                      <p>{check.verdict.headline}</p>
                    </Card>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        )}
      </QueryState>
    </>
  );
}

const oneRoute = getRouteApi("/app/diagnostics/company/$id");
export function HealthCheckPage() {
  const { id } = oneRoute.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: [...listKey, id],
    queryFn: () => call(api["health-checks"][":id"].$get({ param: { id: encodeURIComponent(id) } })),
  });
  useTitle(query.data ? `Health check: ${query.data.company}` : "Health check");
  const remove = useMutation({
    mutationFn: () => call(api["health-checks"][":id"].$delete({ param: { id: encodeURIComponent(id) } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: listKey });
      await navigate({ to: "/diagnostics/company" });
    },
  });
  return (
    <>
      <PageHeader
        before={
          <Link to="/diagnostics/company" className="breadcrumb">
            <ArrowLeft size={16} aria-hidden="true" />
            Company health
          </Link>
        }
        title={query.data ? `${query.data.company}: health check` : "Health check"}
        actions={
          query.data ? (
            <Button
              variant="ghost"
              pending={remove.isPending}
              onClick={() => {
                if (window.confirm("Delete this health check? This cannot be undone.")) remove.mutate();
              }}
            >
              <Trash2 size={16} aria-hidden="true" />
              Delete
            </Button>
          ) : undefined
        }
      />
      <QueryState
        query={query}
        loading="Loading the check…"
        failed="The health check"
        notFound={
          <Card>
            <EmptyState
              icon={<SearchX size={22} />}
              title="This health check doesn't exist"
              action={<Link to="/diagnostics/company">Back to Company health</Link>}
            >
              It may have been deleted, or the link may be mistyped or no longer yours to open.
            </EmptyState>
          </Card>
        }
      >
        {(check) => (
          <div className="stack-lg">
            <Verdict check={check} />
            <HealthCheckForm key={check.version} check={check} />
          </div>
        )}
      </QueryState>
    </>
  );
}
