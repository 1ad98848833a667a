import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "@tanstack/react-router";
import {
  Copy,
  Download,
  Heart,
  Lock,
  Mail,
  MessageSquareQuote,
  Radar as RadarIcon,
  Users,
} from "lucide-react";
import { useState } from "react";
import { addDays, formatCalendarDate } from "../../../shared/calendar-date.ts";
import {
  closingDateRule,
  type FeedbackRequest,
  type FeedbackRequestUpdate,
  type FeedbackResults,
  feedbackRequestUpdate,
  type InvitationInput,
  invitationInput,
  type LaneResult,
  maxClosingDays,
  type QuestionResult,
  splitEmails,
  type ThankYouInput,
  thankYouInput,
} from "../../../shared/feedback.ts";
import { lanes } from "../../../shared/lane-words.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { DeleteButton } from "../../ui/delete-button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { Form, FormActions, isStaleVersion, useFormState } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { isNotFound, LoadFailed, RecordNotFound } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { laneAssessmentsQuery } from "../lanes/lanes-api.ts";
import { LanesRadar } from "../lanes/lanes-radar.tsx";
import { giversRatings } from "../lanes/radar-corners.ts";
import { feedbackRequestQuery, feedbackResultsQuery, responseCountText } from "./feedback-api.ts";
import "./feedback.css";

function useRequestUpdate(id: string) {
  const queryClient = useQueryClient();
  return (updated: FeedbackRequest) => {
    queryClient.setQueryData(feedbackRequestQuery(id).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: ["feedback", "requests"], exact: true });
  };
}

function StatusCard({ request }: { request: FeedbackRequest }) {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useRequestUpdate(request.id);
  const [confirm, setConfirm] = useState<"close" | "delete" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = request.status === "open";

  const act = useMutation({
    mutationFn: async (action: "close" | "remind" | "delete") => {
      const param = { id: encodeURIComponent(request.id) };
      if (action === "delete") return call(api.feedback.requests[":id"].$delete({ param }));
      if (action === "close") return call(api.feedback.requests[":id"].close.$post({ param }));
      return call(api.feedback.requests[":id"].reminder.$post({ param }));
    },
    onSuccess: async (result, action) => {
      setError(null);
      setConfirm(null);
      if (action === "delete") {
        queryClient.removeQueries({ queryKey: ["feedback", "requests", request.id] });
        await queryClient.invalidateQueries({ queryKey: ["feedback"] });
        toast({ title: "Request deleted", description: "Its invitations and answers are gone for good." });
        await navigate({ to: "/feedback" });
        return;
      }
      if ("deleted" in result) return;
      update(result);
      toast({ title: action === "close" ? "Request closed" : "Reminder sent" });
    },
    onError: (e) => {
      setConfirm(null);
      setError(e.message);
    },
  });

  return (
    <Card
      id="request-status"
      title={responseCountText(request.responses, request.minResponses)}
      icon={<Users size={18} />}
      description={
        request.resultsOpen
          ? `Results opened on ${formatCalendarDate(request.openedOn ?? request.createdOn)}. To protect givers, the count now moves only in steps of ${request.minResponses}.`
          : open
            ? `Nothing is shown until ${request.minResponses} people have answered. You see a count, never who answered.`
            : `Fewer than ${request.minResponses} people answered before the request closed, so nothing can be shown without singling someone out.`
      }
      actions={
        <div className="row feedback-actions">
          {open ? (
            <>
              <Button
                variant="secondary"
                size="small"
                icon={<Mail size={16} aria-hidden="true" />}
                disabled={request.reminderSentOn !== null || request.invitations.emails.length === 0}
                pending={act.isPending && act.variables === "remind"}
                onClick={() => act.mutate("remind")}
              >
                {request.reminderSentOn
                  ? `Reminder sent ${formatCalendarDate(request.reminderSentOn)}`
                  : "Send the one reminder"}
              </Button>
              <Button variant="secondary" size="small" onClick={() => setConfirm("close")}>
                Close early
              </Button>
            </>
          ) : null}
          {request.resultsOpen ? (
            <a
              className="button button-secondary button-small"
              href={`/api/feedback/requests/${request.id}/export`}
              download
            >
              <Download size={16} aria-hidden="true" />
              Export results
            </a>
          ) : null}
          <DeleteButton size="small" onClick={() => setConfirm("delete")} what="this request" />
        </div>
      }
    >
      <dl className="feedback-facts small">
        <div>
          <dt>Status</dt>
          <dd>
            {open
              ? `Open until ${formatCalendarDate(request.closesOn)}`
              : `Closed ${formatCalendarDate(request.closedOn ?? request.closesOn)}`}
          </dd>
        </div>
        <div>
          <dt>Responses needed</dt>
          <dd>{request.minResponses}, per question too</dd>
        </div>
        <div>
          <dt>Invited</dt>
          <dd>
            {request.invitations.emails.length} by email, {request.invitations.links} by copied link
          </dd>
        </div>
      </dl>
      {open ? <SettingsForm request={request} /> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Dialog
        open={confirm !== null}
        onOpenChange={(next) => setConfirm(next ? confirm : null)}
        title={confirm === "delete" ? "Delete this request?" : "Close this request early?"}
        description={
          confirm === "delete"
            ? "Its invitations and every answer are deleted for good, and its links stop working. This cannot be undone."
            : "Links stop taking answers now. Answers that have not reached you yet stay hidden for good if fewer than k people gave them."
        }
      >
        <FormActions>
          <Button
            variant={confirm === "delete" ? "danger" : "primary"}
            pending={act.isPending}
            onClick={() => confirm && act.mutate(confirm)}
          >
            {confirm === "delete" ? "Delete request" : "Close request"}
          </Button>
          <Button variant="ghost" onClick={() => setConfirm(null)}>
            Cancel
          </Button>
        </FormActions>
      </Dialog>
    </Card>
  );
}

const kChoices = Array.from({ length: 8 }, (_, i) => ({ value: String(i + 3), label: String(i + 3) }));

function SettingsForm({ request }: { request: FeedbackRequest }) {
  const toast = useToast();
  const today = useMemberToday();
  const update = useRequestUpdate(request.id);
  const toValues = (r: FeedbackRequest) => ({ closesOn: r.closesOn, minResponses: String(r.minResponses) });
  const form = useFormState(toValues(request), { version: request.version });
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
    onError: (error) => form.showApiError(error),
  });
  return (
    <details className="request-settings">
      <summary>Change the closing date{request.minResponsesLocked ? "" : " or the responses needed"}</summary>
      <Form
        onSubmit={() => {
          const input = form.validate(feedbackRequestUpdate.superRefine(closingDateRule(today)), {
            closesOn: form.values.closesOn,
            ...(request.minResponsesLocked ? {} : { minResponses: Number(form.values.minResponses) }),
          });
          if (input) save.mutate(input);
        }}
        formRef={form.formRef}
        error={form.formError}
        aria-label="Request settings"
      >
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
            value={form.values.closesOn}
            onValueChange={(value) => form.set("closesOn", value)}
            error={form.errors.closesOn}
            hint="Links work until the end of this day."
          />
          <SelectField
            label="Responses needed"
            options={kChoices}
            value={form.values.minResponses}
            onValueChange={(value) => form.set("minResponses", value)}
            error={form.errors.minResponses}
            disabled={request.minResponsesLocked}
            hint={
              request.minResponsesLocked
                ? "Fixed: the first answer is in, and a smaller number could single someone out."
                : "From 3 to 10."
            }
          />
        </div>
        <FormActions>
          <Button type="submit" variant="secondary" pending={save.isPending}>
            Save changes
          </Button>
        </FormActions>
      </Form>
    </details>
  );
}

function CopyLink({ link, index }: { link: string; index: number }) {
  const [copied, setCopied] = useState(false);
  return (
    <li className="copy-link">
      <input className="input" readOnly value={link} aria-label={`Link ${index + 1}`} />
      <Button
        variant="secondary"
        size="small"
        icon={<Copy size={16} aria-hidden="true" />}
        onClick={async () => {
          await navigator.clipboard?.writeText(link).catch(() => {});
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy"}
        <span className="visually-hidden"> link {index + 1}</span>
      </Button>
    </li>
  );
}

function InviteCard({ request }: { request: FeedbackRequest }) {
  const toast = useToast();
  const update = useRequestUpdate(request.id);
  const form = useFormState({ emails: "", links: "" });
  const [links, setLinks] = useState<string[]>([]);
  const [skipped, setSkipped] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: (input: InvitationInput) =>
      call(
        api.feedback.requests[":id"].invitations.$post({
          param: { id: encodeURIComponent(request.id) },
          json: input,
        }),
      ),
    onSuccess: (result) => {
      update(result.request);
      setLinks(result.links);
      setSkipped(result.alreadyInvited);
      form.setValues({ emails: "", links: "" });
      toast({ title: "Invitations ready" });
    },
    onError: (error) => form.showApiError(error),
  });

  return (
    <Card
      id="invite"
      title="Invite people"
      icon={<Mail size={18} />}
      description="Each person gets a link that works once. Ask people who see your work from different angles, including some who don't always agree with you."
    >
      <Form
        onSubmit={() => {
          const input = form.validate(invitationInput, {
            emails: splitEmails(form.values.emails),
            links: Number(form.values.links || 0),
          });
          if (input) invite.mutate(input);
        }}
        formRef={form.formRef}
        error={form.formError}
        aria-labelledby="invite-title"
      >
        <TextAreaField
          label="Email addresses"
          name="emails"
          value={form.values.emails}
          onValueChange={(value) => form.set("emails", value)}
          error={
            form.errors.emails ?? Object.entries(form.errors).find(([k]) => k.startsWith("emails."))?.[1]
          }
          hint="Separate them with commas or new lines. Sidecar emails each person their own link."
          optional
        />
        <TextField
          label="Links to copy"
          name="links"
          type="number"
          min={0}
          max={20}
          inputMode="numeric"
          value={form.values.links}
          onValueChange={(value) => form.set("links", value)}
          error={form.errors.links}
          placeholder="None"
          hint="How many single-use links to copy, for people you will message yourself (up to 20). They are shown only once."
          optional
        />
        <FormActions>
          <Button type="submit" pending={invite.isPending}>
            Invite
          </Button>
        </FormActions>
      </Form>
      <div className="invite-extra">
        {skipped.length > 0 ? (
          <Alert tone="info">Already invited, so not emailed again: {skipped.join(", ")}</Alert>
        ) : null}
        {links.length > 0 ? (
          <div className="stack">
            <Alert tone="warning" title="Copy these links now">
              Sidecar keeps only a fingerprint of each link, so it cannot show them again. Send one link to
              each person.
            </Alert>
            <ul className="copy-links">
              {links.map((link, index) => (
                <CopyLink key={link} link={link} index={index} />
              ))}
            </ul>
          </div>
        ) : null}
        {request.invitations.emails.length > 0 ? (
          <details className="invited">
            <summary>People you invited by email ({request.invitations.emails.length})</summary>
            <p className="small muted">Sidecar never shows who has answered.</p>
            <ul className="small">
              {request.invitations.emails.map((email) => (
                <li key={email}>{email}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </Card>
  );
}

function RepeatBack({
  requestId,
  item,
  label,
}: {
  requestId: string;
  item: { key: string; heard: string; readOn: string | null; version: number };
  label: string;
}) {
  const queryClient = useQueryClient();
  const form = useFormState({ heard: item.heard }, { version: item.version });
  const heard = form.values.heard;
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (read: boolean) =>
      call(
        api.feedback.requests[":id"].reflections[":questionKey"].$put({
          param: { id: encodeURIComponent(requestId), questionKey: encodeURIComponent(item.key) },
          json: { heard, read, version: form.version },
        }),
      ),
    onSuccess: (results) => {
      setError(undefined);
      const saved = [...results.questions, ...results.lanes].find(
        (r) => ("key" in r ? r.key : r.lane) === item.key,
      );
      if (saved) form.markSaved(saved.version, { heard: saved.heard });
      // Keep the paragraphs in the order already on screen; only the reflections change.
      queryClient.setQueryData(feedbackResultsQuery(requestId).queryKey, (current) =>
        current
          ? {
              ...current,
              questions: current.questions.map((q, i) => ({ ...q, ...pick(results.questions[i]) })),
              lanes: current.lanes.map((l, i) => ({ ...l, ...pick(results.lanes[i]) })),
            }
          : results,
      );
    },
    onError: (e) => (isStaleVersion(e) ? form.showApiError(e) : setError(e.message)),
  });
  return (
    <div className="repeat-back">
      <ConflictNotice
        form={form}
        labels={{ heard: `What I heard: ${label}` }}
        loadLatest={async () => {
          const latest = await call(
            api.feedback.requests[":id"].results.$get({ param: { id: encodeURIComponent(requestId) } }),
          );
          const found = [...latest.questions, ...latest.lanes].find(
            (r) => ("key" in r ? r.key : r.lane) === item.key,
          );
          if (!found) throw new Error("This question is gone.");
          return { values: { heard: found.heard }, version: found.version };
        }}
      />
      <TextAreaField
        label={`What I heard: ${label}`}
        value={heard}
        onValueChange={(value) => {
          form.set("heard", value);
          setError(undefined);
        }}
        error={error}
        hint="In your own words, before any reply. What is the message underneath?"
        maxLength={4200}
      />
      <div className="row">
        <Button
          variant="secondary"
          size="small"
          pending={save.isPending && save.variables === false}
          onClick={() => save.mutate(false)}
        >
          Save
        </Button>
        {item.readOn ? (
          <span className="badge badge-success">Read {formatCalendarDate(item.readOn)}</span>
        ) : (
          <Button
            size="small"
            pending={save.isPending && save.variables === true}
            onClick={() => save.mutate(true)}
          >
            Mark read
          </Button>
        )}
      </div>
    </div>
  );
}

function pick(item: { heard: string; readOn: string | null; version: number } | undefined) {
  return item ? { heard: item.heard, readOn: item.readOn, version: item.version } : {};
}

function QuestionCard({
  requestId,
  question,
  k,
}: {
  requestId: string;
  question: QuestionResult;
  k: number;
}) {
  return (
    <Card
      id={`question-${question.key}`}
      title={question.prompt}
      icon={<MessageSquareQuote size={18} />}
      headingLevel={3}
    >
      {question.shown ? (
        <>
          <div className="feedback-themes">
            {question.themes.map((theme) => (
              <div key={theme.key} className="feedback-theme">
                <h4>
                  {theme.label}{" "}
                  <span className="badge">
                    {theme.paragraphs.length} {theme.paragraphs.length === 1 ? "paragraph" : "paragraphs"}
                  </span>
                </h4>
                <ul className="feedback-paragraphs">
                  {theme.paragraphs.map((paragraph, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: two givers may write the same sentence.
                    <li key={index}>{paragraph}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <RepeatBack requestId={requestId} item={question} label={question.prompt} />
        </>
      ) : (
        <p className="muted small">Fewer than {k} people have answered this question, so it stays hidden.</p>
      )}
    </Card>
  );
}

function Distribution({ lane }: { lane: LaneResult }) {
  return (
    <table className="distribution">
      <caption className="visually-hidden">How givers rated {lanes[lane.lane].label}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Rating</th>
          <th scope="col">Givers</th>
        </tr>
      </thead>
      <tbody>
        {lane.distribution.map((count, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the rating.
          <tr key={index}>
            <th scope="row">{index + 1}</th>
            <td>
              <span
                className="distribution-bar"
                data-step={Math.round((count / Math.max(1, lane.raters)) * 10)}
              />
              <span className="distribution-count">{count}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LanesResults({ requestId, results }: { requestId: string; results: FeedbackResults }) {
  const assessments = useQuery(laneAssessmentsQuery);
  const latest = assessments.data?.assessments[0];
  const shown = results.lanes.filter((l) => l.shown);
  if (results.lanes.length === 0) return null;
  return (
    <Card
      id="lane-results"
      title="Lane ratings"
      icon={<RadarIcon size={18} />}
      description={
        latest
          ? "What givers said (median) laid over your latest self-assessment."
          : "Rate yourself on the Lanes page to see your own view beside theirs."
      }
    >
      {/* With fewer than three lanes a radar draws a line, not a picture; the numbers below say it better. */}
      {shown.length >= 3 ? (
        <LanesRadar
          latest={latest}
          extra={{
            name: "Givers (median)",
            ratings: giversRatings(results.lanes),
          }}
        />
      ) : null}
      <ul className="lane-results">
        {results.lanes.map((lane) => (
          <li key={lane.lane} className="lane-result">
            <h3>{lanes[lane.lane].label}</h3>
            {lane.shown ? (
              <>
                <p className="small">
                  Median {lane.median} · mean {lane.mean} from {lane.raters} ratings
                  {lane.self !== null ? ` · you said ${lane.self}` : ""}
                </p>
                {lane.self !== null && lane.median !== null && lane.self - lane.median >= 2 ? (
                  <Alert tone="warning">
                    Givers rate you well below how you rate yourself here. Stay with it before you explain it
                    away.
                  </Alert>
                ) : null}
                <Distribution lane={lane} />
                {lane.comments.length > 0 ? (
                  <ul className="feedback-paragraphs">
                    {lane.comments.map((comment, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: two givers may write the same sentence.
                      <li key={index}>{comment}</li>
                    ))}
                  </ul>
                ) : null}
                <RepeatBack
                  requestId={requestId}
                  item={{ ...lane, key: lane.lane }}
                  label={lanes[lane.lane].label}
                />
              </>
            ) : (
              <p className="muted small">
                Fewer than {results.minResponses} people rated this lane, so it stays hidden
                {lane.self !== null ? `. You said ${lane.self}.` : "."}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function ThankYouCard({ request }: { request: FeedbackRequest }) {
  const toast = useToast();
  const update = useRequestUpdate(request.id);
  const form = useFormState({ message: "" }, { draftKey: `sidecar:draft:thank-you:${request.id}` });
  const send = useMutation({
    mutationFn: (input: ThankYouInput) =>
      call(
        api.feedback.requests[":id"]["thank-you"].$post({
          param: { id: encodeURIComponent(request.id) },
          json: input,
        }),
      ),
    onSuccess: (updated) => {
      form.clearDraft();
      update(updated);
      toast({ title: "Thank-you sent" });
    },
    onError: (error) => form.showApiError(error),
  });
  return (
    <Card
      id="thank-you"
      title="Say thank you"
      icon={<Heart size={18} />}
      description="One message, emailed to everyone you invited by email. It names no one, and Sidecar never tells you who answered."
    >
      {request.thankedOn ? (
        <p className="small">You sent your thank-you on {formatCalendarDate(request.thankedOn)}.</p>
      ) : (
        <Form
          onSubmit={() => {
            const input = form.validate(thankYouInput);
            if (input) send.mutate(input);
          }}
          formRef={form.formRef}
          error={form.formError}
          aria-labelledby="thank-you-title"
        >
          <TextAreaField
            label="Your message"
            name="message"
            value={form.values.message}
            onValueChange={(value) => form.set("message", value)}
            error={form.errors.message}
            hint="Say what you heard and what you will do with it. People give more next time when they see it landed."
            maxLength={2100}
          />
          <FormActions>
            <Button type="submit" pending={send.isPending}>
              Send thank-you
            </Button>
          </FormActions>
        </Form>
      )}
    </Card>
  );
}

function Results({ request }: { request: FeedbackRequest }) {
  const query = useQuery({ ...feedbackResultsQuery(request.id), enabled: request.resultsOpen });
  if (!request.resultsOpen) {
    return (
      <Card>
        <EmptyState icon={<Lock size={24} />} title="Results are still sealed">
          They open when {request.minResponses} people have answered. Invite more people, or send the one
          reminder closer to the closing date; if you don't, Sidecar sends it on its own two days before.
        </EmptyState>
      </Card>
    );
  }
  if (query.isPending) return <LoadingState label="Loading what people said…" />;
  if (query.isError)
    return <Alert tone="error">The results could not be loaded. {query.error.message}</Alert>;
  const results = query.data;
  return (
    <div className="stack-lg" id="results">
      <Alert tone="info" title="How to read this">
        Answers are split into paragraphs and shuffled across everyone, so look for themes, not for who said
        what. Sidecar sorts each paragraph into one theme by the words it uses; counts are paragraphs, not
        people. For each question, write what you heard before you mark it read.
      </Alert>
      {results.questions.map((question) => (
        <QuestionCard
          key={question.key}
          requestId={request.id}
          question={question}
          k={results.minResponses}
        />
      ))}
      <LanesResults requestId={request.id} results={results} />
    </div>
  );
}

export function FeedbackRequestPage() {
  const { requestId } = useParams({ from: "/app/feedback/$requestId" });
  const query = useQuery(feedbackRequestQuery(requestId));
  useTitle(query.data ? "Feedback request" : "Feedback");
  return (
    <>
      <PageHeader
        title={query.data?.title ?? "Feedback request"}
        description={query.data?.purpose}
        before={
          <Link to="/feedback" className="small">
            ← Feedback
          </Link>
        }
      />
      {query.isPending ? (
        <LoadingState label="Loading the request…" />
      ) : query.isError ? (
        isNotFound(query.error) ? (
          <RecordNotFound
            thing="feedback request"
            back={
              <Link to="/feedback" className={buttonClass("secondary")}>
                See your feedback requests
              </Link>
            }
          />
        ) : (
          <LoadFailed what="The request" error={query.error} retry={() => void query.refetch()} />
        )
      ) : (
        <div className="stack-lg">
          <StatusCard request={query.data} />
          {query.data.status === "open" ? <InviteCard request={query.data} /> : null}
          <Results request={query.data} />
          {query.data.responses.shown > 0 ? <ThankYouCard request={query.data} /> : null}
        </div>
      )}
    </>
  );
}
