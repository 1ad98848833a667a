import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ClipboardCheck, History, Stethoscope } from "lucide-react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import {
  type AnswerValue,
  causeLabels,
  type Diagnosis,
  type DiagnosisContext,
  type DiagnosisInput,
  type DiagnosisQuestionId,
  type diagnosisInput,
  diagnosisQuestions,
  type MoveKind,
  promotionCauses,
  verdictLabels,
} from "../../../shared/promotion-diagnosis.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { RadioGroup } from "./radio-group.tsx";
import "./diagnostics.css";

const diagnosesKey = ["promotion-diagnoses"] as const;
const answerOptions = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "unsure", label: "Not sure" },
] as const;
const verdictBadge = {
  likely: "badge badge-warning",
  possible: "badge",
  unlikely: "badge badge-success",
} as const;

type Values = {
  answers: Partial<Record<DiagnosisQuestionId, AnswerValue>>;
  monthsAtLevel: string;
  developmentArea: string;
  notes: string;
};

function Evidence({ context }: { context: DiagnosisContext }) {
  return (
    <Card
      title="What your own records say"
      icon={<ClipboardCheck size={18} />}
      description="Drawn from your feedback, superpowers, lanes, portfolio, tours and next-level plan."
    >
      <ul className="cause-list">
        {promotionCauses.map((cause) => (
          <li key={cause} className="cause-item">
            <h3>{causeLabels[cause]}</h3>
            {context.evidence[cause].length ? (
              <ul>
                {context.evidence[cause].map((item) => (
                  <li key={item.text} className="small">
                    {item.text}{" "}
                    {item.link ? (
                      <a href={item.link}>
                        See it<span className="visually-hidden">: {item.text}</span>
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="small muted">Nothing recorded here yet: your answers decide.</p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function DiagnosisResult({ diagnosis, latest }: { diagnosis: Diagnosis; latest: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const move = useMutation({
    mutationFn: (kind: MoveKind) =>
      call(
        api["promotion-diagnoses"][":id"].moves.$post({
          param: { id: encodeURIComponent(diagnosis.id) },
          json: { kind },
        }),
      ),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: diagnosesKey });
      const made = updated.created.at(-1);
      toast({
        title: made?.kind === "tour" ? "Tour of duty created" : "Feedback request created",
        description: made?.label,
      });
    },
    onError: (error) => {
      toast({ title: "That could not be created", description: error.message, tone: "error" });
    },
  });
  return (
    <div className="stack">
      <p className="verdict-headline">{diagnosis.summary}</p>
      <ul className="cause-list">
        {diagnosis.causes.map((cause) => (
          <li key={cause.cause} className="cause-item">
            <h3>
              {cause.label}{" "}
              <span className={verdictBadge[cause.verdict]}>{verdictLabels[cause.verdict]}</span>
            </h3>
            <ul>
              {cause.reasons.map((reason) => (
                <li key={reason} className="small">
                  {reason}
                </li>
              ))}
            </ul>
            <p className="small">
              <strong>Moves</strong>
            </p>
            <ul>
              {cause.moves.map((m) => (
                <li key={m.text} className="small">
                  {m.text}{" "}
                  {m.kind && latest && diagnosis.developmentArea ? (
                    <Button
                      variant="secondary"
                      size="small"
                      pending={move.isPending && move.variables === m.kind}
                      onClick={() => move.mutate(m.kind as MoveKind)}
                    >
                      {m.kind === "tour" ? "Create the tour" : "Create the feedback request"}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {diagnosis.created.length ? (
        <Alert tone="success" title="Made from this check">
          <ul>
            {diagnosis.created.map((made) => (
              <li key={made.id}>
                {made.kind === "tour" ? (
                  <Link to="/tours/$tourId" params={{ tourId: made.id }}>
                    Tour of duty: {made.label}
                  </Link>
                ) : (
                  <Link to="/feedback/$requestId" params={{ requestId: made.id }}>
                    Feedback request: {made.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}

function CheckForm({ context, last }: { context: DiagnosisContext; last: Diagnosis | undefined }) {
  const queryClient = useQueryClient();
  const form = useSchemaForm<Values, typeof diagnosisInput>(
    {
      answers: Object.fromEntries((last?.answers ?? []).map((a) => [a.question, a.answer])),
      monthsAtLevel: String(last?.monthsAtLevel ?? context.monthsAtLevel ?? ""),
      developmentArea: last?.developmentArea ?? "",
      notes: "",
    },
    {
      schema: () => import("../../../shared/promotion-diagnosis.ts").then((m) => m.diagnosisInput),
      toInput: (values) => ({
        answers: values.answers,
        monthsAtLevel: values.monthsAtLevel === "" ? null : Number(values.monthsAtLevel),
        developmentArea: values.developmentArea,
        notes: values.notes,
      }),
    },
  );
  const run = useMutation({
    mutationFn: (input: DiagnosisInput) => call(api["promotion-diagnoses"].$post({ json: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: diagnosesKey });
      document.getElementById("latest-result")?.scrollIntoView({ block: "start" });
    },
  });
  return (
    <Card
      id="diagnosis-form"
      title={last ? "Run the check again" : "Run the check"}
      icon={<Stethoscope size={18} />}
      description="Answer honestly: nobody else sees this."
    >
      <ValidatedForm
        form={form}
        onSave={(input) => run.mutateAsync(input)}
        aria-labelledby="diagnosis-form-title"
      >
        {promotionCauses.map((cause) => (
          <section key={cause} className="stack" aria-label={causeLabels[cause]}>
            <h3 className="small">{causeLabels[cause]}</h3>
            {diagnosisQuestions
              .filter((q) => q.cause === cause)
              .map((q) => (
                <RadioGroup
                  key={q.id}
                  legend={q.text}
                  name={q.id}
                  options={answerOptions}
                  value={form.values.answers[q.id]}
                  onChange={(value) => form.set("answers", { ...form.values.answers, [q.id]: value })}
                />
              ))}
            {cause === "impatience" ? (
              <TextField
                label="Months at your current level"
                name="monthsAtLevel"
                type="number"
                inputMode="numeric"
                min={0}
                max={600}
                value={form.values.monthsAtLevel}
                onValueChange={(value) => form.set("monthsAtLevel", value)}
                error={form.errors.monthsAtLevel}
                hint={
                  context.monthsAtLevel !== null ? `Your portfolio says ${context.monthsAtLevel}.` : undefined
                }
                optional
              />
            ) : null}
            {cause === "development_area" ? (
              <>
                <TextField
                  label="The area feedback keeps naming"
                  name="developmentArea"
                  list="suggested-areas"
                  value={form.values.developmentArea}
                  onValueChange={(value) => form.set("developmentArea", value)}
                  error={form.errors.developmentArea}
                  hint={
                    context.suggestedAreas.length
                      ? `From your records: ${context.suggestedAreas.join("; ")}.`
                      : "Such as “influencing executives” or “detail in specs”."
                  }
                  optional
                  maxLength={210}
                />
                <datalist id="suggested-areas">
                  {context.suggestedAreas.map((area) => (
                    <option key={area} value={area} />
                  ))}
                </datalist>
              </>
            ) : null}
          </section>
        ))}
        <TextAreaField label="Notes" {...form.field("notes")} optional rows={2} maxLength={2100} />
        <FormActions>
          <SubmitButton>See the verdict</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}

export function PromotionDiagnosisPage() {
  useTitle("Promotion blockers");
  const query = useQuery({ queryKey: diagnosesKey, queryFn: () => call(api["promotion-diagnoses"].$get()) });
  const [latest, ...earlier] = query.data?.history ?? [];
  return (
    <>
      <PageHeader
        title="Why isn't the promotion coming?"
        description="A guided check of the four usual causes: nobody advocates for your magic, the next role does not exist, impatience, or a development area nobody has said out loud (about half of the cases). Each is weighed with your own records, and each has its moves."
      />
      <QueryState query={query} loading="Reading your records…" failed="The check">
        {(data) => (
          <div className="stack-lg">
            {latest ? (
              <Card
                id="latest-result"
                title={`Your verdict, ${formatCalendarDate(latest.takenOn)}`}
                icon={<Stethoscope size={18} />}
              >
                <DiagnosisResult diagnosis={latest} latest />
              </Card>
            ) : null}
            <Evidence context={data.context} />
            <CheckForm key={latest?.id ?? "first"} context={data.context} last={latest} />
            {earlier.length ? (
              <Card title="Earlier checks" icon={<History size={18} />}>
                <ul className="history-list">
                  {earlier.map((run) => (
                    <li key={run.id}>
                      <details>
                        <summary>
                          {formatCalendarDate(run.takenOn)}: {run.summary}
                        </summary>
                        <DiagnosisResult diagnosis={run} latest={false} />
                      </details>
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
          </div>
        )}
      </QueryState>
    </>
  );
}
