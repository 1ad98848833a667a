import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, Check, ListChecks, MessageSquare, NotebookPen, X } from "lucide-react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { CheckIn } from "../../../shared/managers.ts";
import { api, call } from "../../api.ts";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState, RecordNotFound } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { CheckInForm } from "./check-in-form.tsx";
import { checkInQuery } from "./managers-api.ts";
import "./managers.css";

const route = getRouteApi("/app/check-ins/$checkInId");

function useSetCheckIn(id: string) {
  const queryClient = useQueryClient();
  return (checkIn: CheckIn) => queryClient.setQueryData(checkInQuery(id).queryKey, checkIn);
}

function HelpWith({ checkIn }: { checkIn: CheckIn }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const setCheckIn = useSetCheckIn(checkIn.id);
  if (checkIn.side === "manager" || !checkIn.open) {
    return (
      <Card id="help-with" title="What can I help you with?" icon={<NotebookPen size={18} />}>
        <p className="check-in-text">
          {checkIn.helpWith || <span className="muted">Nothing written yet.</span>}
        </p>
      </Card>
    );
  }
  return (
    <Card id="help-with" title="What can I help you with?" icon={<NotebookPen size={18} />}>
      <CheckInForm
        initial={{ heldOn: checkIn.heldOn, helpWith: checkIn.helpWith }}
        version={checkIn.version}
        submitLabel="Save"
        labelledBy="help-with-title"
        onSave={async (input, version) => {
          const saved = await call(
            api["check-ins"][":id"].$put({
              param: { id: encodeURIComponent(checkIn.id) },
              json: { ...input, version },
            }),
          );
          setCheckIn(saved);
          toast({ title: "Saved" });
          return { values: { heldOn: saved.heldOn, helpWith: saved.helpWith }, version: saved.version };
        }}
        loadLatest={async () => {
          const latest = await queryClient.fetchQuery({ ...checkInQuery(checkIn.id), staleTime: 0 });
          return { values: { heldOn: latest.heldOn, helpWith: latest.helpWith }, version: latest.version };
        }}
      />
    </Card>
  );
}

function Agenda({ checkIn }: { checkIn: CheckIn }) {
  const toast = useToast();
  const setCheckIn = useSetCheckIn(checkIn.id);
  const form = useSchemaForm(
    { text: "" },
    { schema: () => import("../../../shared/managers.ts").then((m) => m.agendaInput) },
  );
  const add = async (input: { text: string }) => {
    const saved = await call(
      api["check-ins"][":id"].agenda.$post({ param: { id: encodeURIComponent(checkIn.id) }, json: input }),
    );
    setCheckIn(saved);
    form.setValues({ text: "" });
  };
  const decide = useMutation({
    mutationFn: ({
      id,
      version,
      decision,
    }: {
      id: string;
      version: number;
      decision: "accepted" | "declined";
    }) =>
      call(
        api["agenda-topics"][":id"].decision.$post({
          param: { id: encodeURIComponent(id) },
          json: { decision, version },
        }),
      ),
    onSuccess: (saved) => setCheckIn(saved),
    onError: (error) =>
      toast({ title: "The topic was not changed", description: error.message, tone: "error" }),
  });
  const isReport = checkIn.side === "report";
  return (
    <Card
      id="agenda"
      title="Agenda"
      icon={<ListChecks size={18} />}
      description={
        isReport
          ? "Your agenda: your topics go on it; your manager's suggestions wait for you to accept or decline."
          : "The report owns the agenda: your topics are suggestions they accept or decline."
      }
    >
      <div className="stack">
        {checkIn.agenda.length === 0 ? (
          <EmptyState icon={<ListChecks size={24} />} title="No topics yet" headingLevel={3}>
            {isReport ? "Add what you want to talk about." : "Suggest a topic below; they decide."}
          </EmptyState>
        ) : (
          <ul className="managers-list">
            {checkIn.agenda.map((item) => (
              <li key={item.id} className="managers-person">
                <span>
                  <span className="check-in-text">{item.text}</span>{" "}
                  {item.state === "suggested" ? (
                    <span className="badge badge-warning">Suggested by the manager</span>
                  ) : item.state === "declined" ? (
                    <span className="badge">Declined</span>
                  ) : item.suggestedBy === "manager" ? (
                    <span className="badge badge-success">Accepted</span>
                  ) : null}
                </span>
                {isReport && checkIn.open && item.state !== "accepted" ? (
                  <span className="managers-actions">
                    <Button
                      size="small"
                      variant="secondary"
                      icon={<Check size={16} aria-hidden="true" />}
                      onClick={() =>
                        decide.mutate({ id: item.id, version: item.version, decision: "accepted" })
                      }
                    >
                      Accept<span className="visually-hidden"> {item.text}</span>
                    </Button>
                    {item.state === "suggested" ? (
                      <Button
                        size="small"
                        variant="ghost"
                        icon={<X size={16} aria-hidden="true" />}
                        onClick={() =>
                          decide.mutate({ id: item.id, version: item.version, decision: "declined" })
                        }
                      >
                        Decline<span className="visually-hidden"> {item.text}</span>
                      </Button>
                    ) : null}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {checkIn.open ? (
          <ValidatedForm
            form={form}
            onSave={add}
            aria-label={isReport ? "Add a topic to the agenda" : "Suggest a topic for the agenda"}
          >
            <TextField label={isReport ? "Add a topic" : "Suggest a topic"} {...form.field("text")} />
            <FormActions>
              <SubmitButton variant="secondary">{isReport ? "Add" : "Suggest"}</SubmitButton>
            </FormActions>
          </ValidatedForm>
        ) : null}
      </div>
    </Card>
  );
}

function ManagerPlan({ checkIn }: { checkIn: CheckIn }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const setCheckIn = useSetCheckIn(checkIn.id);
  const form = useSchemaForm(
    { managerPlan: checkIn.managerPlan },
    {
      schema: () =>
        import("../../../shared/managers.ts").then((m) => m.managerPlanInput.omit({ version: true })),
      version: checkIn.version,
    },
  );
  const save = async (input: { managerPlan: string }) => {
    const saved = await call(
      api["check-ins"][":id"]["manager-plan"].$put({
        param: { id: encodeURIComponent(checkIn.id) },
        json: { ...input, version: form.version },
      }),
    );
    setCheckIn(saved);
    form.markSaved(saved.version, { managerPlan: saved.managerPlan });
    toast({ title: "Saved", description: `${checkIn.report.name} can read it now.` });
  };
  const title = checkIn.side === "manager" ? "What I will do" : `What ${checkIn.manager.name} will do`;
  if (checkIn.side === "report" || !checkIn.open) {
    return (
      <Card id="manager-plan" title={title} icon={<NotebookPen size={18} />}>
        <p className="check-in-text">
          {checkIn.managerPlan || <span className="muted">Nothing recorded yet.</span>}
        </p>
      </Card>
    );
  }
  return (
    <Card id="manager-plan" title={title} icon={<NotebookPen size={18} />}>
      <ValidatedForm form={form} onSave={save} aria-labelledby="manager-plan-title">
        <ConflictNotice
          form={form}
          labels={{ managerPlan: "What I will do" }}
          loadLatest={async () => {
            const latest = await queryClient.fetchQuery({ ...checkInQuery(checkIn.id), staleTime: 0 });
            return { values: { managerPlan: latest.managerPlan }, version: latest.version };
          }}
        />
        <TextAreaField
          label="What I will do"
          rows={4}
          hint="Your report reads this on the check-in."
          {...form.field("managerPlan")}
        />
        <FormActions>
          <SubmitButton>Save</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}

function Comments({ checkIn }: { checkIn: CheckIn }) {
  const setCheckIn = useSetCheckIn(checkIn.id);
  const form = useSchemaForm(
    { body: "" },
    { schema: () => import("../../../shared/managers.ts").then((m) => m.commentInput) },
  );
  const add = async (input: { body: string }) => {
    const saved = await call(
      api["check-ins"][":id"].comments.$post({
        param: { id: encodeURIComponent(checkIn.id) },
        json: input,
      }),
    );
    setCheckIn(saved);
    form.setValues({ body: "" });
  };
  const nameOf = (author: "manager" | "report") =>
    author === checkIn.side ? "You" : author === "manager" ? checkIn.manager.name : checkIn.report.name;
  return (
    <Card id="comments" title="Comments" icon={<MessageSquare size={18} />}>
      <div className="stack">
        {checkIn.comments.length === 0 ? (
          <p className="muted">No comments yet.</p>
        ) : (
          <ol className="check-in-thread">
            {checkIn.comments.map((comment) => (
              <li key={comment.id} className="check-in-comment">
                <p className="small muted">{nameOf(comment.author)}</p>
                <p>{comment.body}</p>
              </li>
            ))}
          </ol>
        )}
        {checkIn.open ? (
          <ValidatedForm form={form} onSave={add} aria-label="Comment">
            <TextAreaField label="Your comment" rows={3} {...form.field("body")} />
            <FormActions>
              <SubmitButton variant="secondary">Comment</SubmitButton>
            </FormActions>
          </ValidatedForm>
        ) : null}
      </div>
    </Card>
  );
}

export function CheckInPage() {
  const { checkInId } = route.useParams();
  const query = useQuery(checkInQuery(checkInId));
  const checkIn = query.data;
  useTitle(checkIn ? `Check-in of ${formatCalendarDate(checkIn.heldOn)}` : "Check-in");
  return (
    <QueryState
      query={query}
      loading="Loading the check-in…"
      failed="The check-in"
      notFound={<RecordNotFound thing="check-in" back={<Link to="/managers">Back to Managers</Link>} />}
    >
      {(data) => (
        <>
          <PageHeader
            before={
              <Link to="/managers/$linkId" params={{ linkId: data.linkId }} className="breadcrumb">
                <ArrowLeft size={16} aria-hidden="true" />
                Check-ins with {data.side === "manager" ? data.report.name : data.manager.name}
              </Link>
            }
            title={`Check-in of ${formatCalendarDate(data.heldOn)}`}
            description={`${data.report.name} with ${data.manager.name}`}
          />
          <div className="stack-lg">
            <HelpWith key={`help-${data.id}`} checkIn={data} />
            <Agenda checkIn={data} />
            <ManagerPlan key={`plan-${data.id}`} checkIn={data} />
            <Comments checkIn={data} />
          </div>
        </>
      )}
    </QueryState>
  );
}
