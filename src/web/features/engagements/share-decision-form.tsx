import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api, call } from "../../api.ts";
import { SelectField } from "../../ui/field.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { decisionsQuery } from "../decisions/decisions-api.ts";
import {
  type E,
  engagementParam,
  preloadSchemas,
  schemas,
  useEngagementUpdate,
} from "./engagement-steps.tsx";

type Journal = { decisions: { id: string; dilemma: string }[] };

/** The mentee picks a decision of their journal the mentor may read; those already shared are left out. */
export function ShareDecisionForm({ engagement }: { engagement: E }) {
  const journal = useQuery(decisionsQuery);
  return (
    <QueryState
      query={journal}
      loading="Loading your decisions…"
      failed="Your decisions"
      isEmpty={(data) => data.decisions.length === 0}
      empty={
        <p className="small">
          Your decision journal is empty. <Link to="/decisions/new">Record a decision</Link>, then share it
          here.
        </p>
      }
    >
      {(data) => <ShareChoice engagement={engagement} journal={data} />}
    </QueryState>
  );
}

function ShareChoice({ engagement, journal }: { engagement: E; journal: Journal }) {
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm(
    { decisionId: "" },
    { schema: () => schemas().then((m) => m.shareDecisionInput) },
  );
  const sharedIds = new Set(engagement.decisions.map((d) => d.decisionId));
  const choices = journal.decisions.filter((d) => !sharedIds.has(d.id));
  if (choices.length === 0)
    return <p className="muted small">Every decision in your journal is shared here.</p>;
  return (
    <ValidatedForm
      form={form}
      onFocus={preloadSchemas}
      onSave={async (input) => {
        const updated = await call(
          api.engagements[":id"].decisions.$post({ param: engagementParam(engagement), json: input }),
        );
        form.setValues({ decisionId: "" });
        applied(updated, `Shared with ${engagement.mentor.name}, read-only`);
      }}
      aria-label="Share a decision"
    >
      <SelectField
        label="A decision from your journal"
        {...form.field("decisionId")}
        options={[
          { value: "", label: "Pick a decision" },
          ...choices.map((d) => ({ value: d.id, label: d.dilemma })),
        ]}
      />
      <SubmitButton variant="secondary">Share with {engagement.mentor.name}</SubmitButton>
    </ValidatedForm>
  );
}
