import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ChartNoAxesCombined, History, Radar as RadarIcon } from "lucide-react";
import {
  type LaneAssessment,
  type LaneAssessmentInput,
  type LaneId,
  laneIds,
  lanes,
  ratingValues,
} from "../../../shared/lanes.ts";
import { api, call } from "../../api.ts";
import { useMe, useMomentFormat } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { feedbackRequestsQuery, feedbackResultsQuery } from "../feedback/feedback-api.ts";
import { Term } from "../glossary/term.tsx";
import { GuideBanner } from "../home/first-run-guide.tsx";
import { laneAssessmentsQuery } from "./lanes-api.ts";
import { LanesRadar, type RadarSeries } from "./lanes-radar.tsx";

type Values = Record<string, string>;

function toValues(latest: LaneAssessment | undefined): Values {
  const values: Values = {
    domainName: latest?.domainName ?? "",
    worldClassLane: latest?.worldClassLane ?? "",
  };
  for (const lane of laneIds) {
    values[`ratings_${lane}`] = latest ? String(latest.ratings[lane]) : "";
    values[`evidence_${lane}`] = latest?.evidence[lane] ?? "";
  }
  return values;
}

const worldClassOptions = [
  { value: "", label: "Not chosen yet" },
  ...laneIds.map((lane) => ({ value: lane, label: lanes[lane].label })),
];

export function ratingsSummary(assessment: LaneAssessment): string {
  return laneIds.map((lane) => `${lanes[lane].label} ${assessment.ratings[lane]}`).join(" · ");
}

function RatingGroup({
  lane,
  value,
  error,
  onChange,
}: {
  lane: LaneId;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const { label, description, levels } = lanes[lane];
  const errorId = `lane-${lane}-error`;
  return (
    <div
      role="radiogroup"
      className="lane-rating"
      aria-labelledby={`lane-${lane}-label`}
      aria-describedby={[`lane-${lane}-description`, error ? errorId : null].filter(Boolean).join(" ")}
      aria-invalid={error ? true : undefined}
      aria-required="true"
      tabIndex={-1}
    >
      <div className="lane-rating-head">
        <h3 id={`lane-${lane}-label`}>{label}</h3>
        <p id={`lane-${lane}-description`} className="muted small">
          {description}
        </p>
      </div>
      <div className="lane-rating-options">
        {ratingValues.map((rating) => {
          const id = `lane-${lane}-${rating}`;
          return (
            <label key={rating} htmlFor={id} className="lane-option">
              <input
                id={id}
                type="radio"
                name={`ratings.${lane}`}
                value={rating}
                checked={value === String(rating)}
                onChange={() => onChange(String(rating))}
              />
              <span className="lane-option-number">{rating}</span>
              <span className="lane-option-text">{levels[rating - 1]}</span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

function AssessmentForm({ latest }: { latest: LaneAssessment | undefined }) {
  const { user } = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useSchemaForm(toValues(latest), {
    schema: () => import("../../../shared/lanes.ts").then((m) => m.laneAssessmentInput),
    draftKey: `sidecar:draft:${user.id}:lanes`,
    toInput: (values) => ({
      ratings: Object.fromEntries(
        laneIds.map((lane) => [
          lane,
          values[`ratings_${lane}`] ? Number(values[`ratings_${lane}`]) : undefined,
        ]),
      ),
      evidence: Object.fromEntries(laneIds.map((lane) => [lane, values[`evidence_${lane}`] ?? ""])),
      domainName: values.domainName ?? "",
      worldClassLane: values.worldClassLane || null,
    }),
    serverFields: () => [
      "domainName",
      "worldClassLane",
      ...laneIds.flatMap((lane) => [`ratings.${lane}`, `evidence.${lane}`]),
    ],
  });

  const save = useMutation({
    mutationFn: (input: LaneAssessmentInput) => call(api.lanes.assessments.$post({ json: input })),
    onSuccess: async (saved) => {
      form.clearDraft();
      form.setValues(toValues(saved));
      queryClient.setQueryData(laneAssessmentsQuery.queryKey, (current) => ({
        assessments: [saved, ...(current?.assessments ?? [])],
      }));
      toast({ title: "Assessment saved" });
      await queryClient.invalidateQueries({ queryKey: ["lanes"] });
    },
  });

  return (
    <Card
      id="lanes-form"
      title={latest ? "Take a new assessment" : "Take your first assessment"}
      icon={<ChartNoAxesCombined size={18} />}
      description={
        latest
          ? "We filled in your latest answers. Change what has moved; saving adds a new entry and keeps the old ones."
          : "Rate yourself from 1 to 5 in each lane. Be honest: this is private to you, and it is a starting point, not a grade."
      }
    >
      <ValidatedForm
        form={form}
        onSave={(input) => save.mutateAsync(input)}
        aria-labelledby="lanes-form-title"
      >
        {form.draftRestored ? (
          <Alert tone="info">We kept the answers you had not saved yet. Check them, then save.</Alert>
        ) : null}
        {laneIds.map((lane) => (
          <div key={lane} className="lane-block">
            <RatingGroup
              lane={lane}
              value={form.values[`ratings_${lane}`] ?? ""}
              error={form.errors[`ratings.${lane}`]}
              onChange={(value) => form.set(`ratings_${lane}`, value)}
            />
            {lane === "domain" ? (
              <TextField
                label="Which domain"
                name="domainName"
                value={form.values.domainName ?? ""}
                onValueChange={(value) => form.set("domainName", value)}
                error={form.errors.domainName}
                hint="Such as ML, hardware, payments or healthcare."
                optional
                maxLength={100}
              />
            ) : null}
            <TextAreaField
              label={`Evidence for ${lanes[lane].label}`}
              name={`evidence.${lane}`}
              value={form.values[`evidence_${lane}`] ?? ""}
              onValueChange={(value) => form.set(`evidence_${lane}`, value)}
              error={form.errors[`evidence.${lane}`]}
              hint="What you did that shows this level: projects, outcomes, feedback you received."
              optional
              maxLength={2200}
            />
          </div>
        ))}
        <SelectField
          label="The lane to become world-class in"
          name="worldClassLane"
          options={worldClassOptions}
          value={form.values.worldClassLane ?? ""}
          onValueChange={(value) => form.set("worldClassLane", value)}
          error={form.errors.worldClassLane}
          hint="Great product leaders are world-class in one lane and good enough in the rest."
        />
        <FormActions>
          <SubmitButton>Save assessment</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}

export function HistoryList({
  assessments,
  description = "Every assessment you saved, newest first.",
}: {
  assessments: LaneAssessment[];
  description?: string;
}) {
  const format = useMomentFormat();
  return (
    <Card id="lanes-history" title="History" icon={<History size={18} />} description={description}>
      <ol className="lanes-history">
        {assessments.map((assessment, index) => (
          <li key={assessment.id} className="lanes-history-item">
            <div className="row-between">
              <span className="lanes-history-date">{format.moment(assessment.createdAt)}</span>
              {index === 0 ? <span className="badge badge-accent">Latest</span> : null}
            </div>
            <p className="small">{ratingsSummary(assessment)}</p>
            {assessment.worldClassLane ? (
              <p className="small muted">World-class lane: {lanes[assessment.worldClassLane].label}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** What givers said in the latest feedback whose results are open, for lanes enough of them rated. */
function useGiversSeries(): { series?: RadarSeries; purpose?: string; requestId?: string } {
  const requests = useQuery(feedbackRequestsQuery);
  const open = requests.data?.requests.find((request) => request.resultsOpen);
  const results = useQuery({ ...feedbackResultsQuery(open?.id ?? ""), enabled: Boolean(open) });
  const shown = results.data?.lanes.filter((lane) => lane.shown && lane.median !== null) ?? [];
  if (!open || shown.length === 0) return {};
  return {
    series: {
      name: "Feedback givers (median)",
      ratings: Object.fromEntries(shown.map((lane) => [lane.lane, lane.median])),
    },
    purpose: open.purpose,
    requestId: open.id,
  };
}

export function LanesPage() {
  useTitle("Lanes");
  const query = useQuery(laneAssessmentsQuery);
  const assessments = query.data?.assessments ?? [];
  const [latest, previous] = assessments;
  const givers = useGiversSeries();

  return (
    <>
      <PageHeader
        title="Lanes"
        description={
          <>
            Six <Term id="lanes">lanes of product ambiguity</Term>: crafting, market, organizational, domain,
            team and growth. Rate where you are, pick the lane to{" "}
            <Term id="world-class-lane">become world-class in</Term>, and watch it change over time. Private
            unless you share it.
          </>
        }
      />
      <GuideBanner step="lanes" />
      {query.isPending ? (
        <LoadingState label="Loading your assessments…" />
      ) : query.isError ? (
        <LoadFailed what="Your assessments" error={query.error} retry={() => void query.refetch()} />
      ) : (
        <div className="stack-lg">
          {latest ? (
            <Card
              id="lanes-picture"
              title="Your lanes"
              icon={<RadarIcon size={18} />}
              description={
                latest.worldClassLane
                  ? `Becoming world-class in ${lanes[latest.worldClassLane].label}${
                      latest.worldClassLane === "domain" && latest.domainName ? ` (${latest.domainName})` : ""
                    }.`
                  : "You have not picked a lane to become world-class in yet."
              }
            >
              <LanesRadar latest={latest} previous={previous} extra={givers.series} />
              {givers.requestId ? (
                <p className="small muted">
                  Givers' ratings come from your feedback request “{givers.purpose}”.{" "}
                  <Link to="/feedback/$requestId" params={{ requestId: givers.requestId }}>
                    Read the feedback
                  </Link>
                </p>
              ) : (
                <p className="small muted">
                  <Link to="/feedback">Ask for feedback</Link> to see how others rate you, laid over your own
                  picture.
                </p>
              )}
            </Card>
          ) : (
            <Card>
              <EmptyState icon={<RadarIcon size={24} />} title="No assessment yet">
                Rate yourself in the six lanes below and save. Sidecar draws your picture, and each later
                assessment is laid over the one before so you can see what moved.
              </EmptyState>
            </Card>
          )}
          <AssessmentForm key={latest?.id ?? "first"} latest={latest} />
          {assessments.length > 0 ? <HistoryList assessments={assessments} /> : null}
        </div>
      )}
    </>
  );
}
