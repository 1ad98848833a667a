import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { Handshake, Inbox, Send } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import { type MentorRequest, requestStateLabels } from "../../../shared/mentors.ts";
import { sharePartLabels } from "../../../shared/sharing.ts";
import { api, call } from "../../api.ts";
import { useMomentFormat } from "../../session.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState, RecordNotFound } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { requestQuery, requestsQuery } from "./mentors-api.ts";
import "./mentors.css";

const stateTone: Record<MentorRequest["state"], string> = {
  pending: "badge-warning",
  info_requested: "badge-warning",
  accepted: "badge-success",
  declined: "",
  expired: "badge-danger",
  withdrawn: "",
  ended: "",
};

function StateBadge({ request }: { request: MentorRequest }) {
  return <span className={`badge ${stateTone[request.state]}`}>{requestStateLabels[request.state]}</span>;
}

function RequestList({ requests, empty }: { requests: MentorRequest[]; empty: React.ReactNode }) {
  const { moment } = useMomentFormat();
  if (requests.length === 0) return <>{empty}</>;
  return (
    <ul className="request-list">
      {requests.map((request) => {
        const other = request.side === "mentee" ? request.mentor.name : request.mentee.name;
        return (
          <li key={request.id} className="request-item">
            <div>
              <Link to="/mentoring/requests/$requestId" params={{ requestId: request.id }}>
                {request.side === "mentee" ? `To ${other}` : `From ${other}`}
              </Link>
              <p className="muted small">
                Sent {moment(request.createdAt)}
                {request.expiresAt ? ` · expires ${moment(request.expiresAt)} unless answered` : ""}
              </p>
            </div>
            <StateBadge request={request} />
          </li>
        );
      })}
    </ul>
  );
}

export function RequestsPage() {
  useTitle("Mentoring requests");
  const query = useQuery(requestsQuery);
  return (
    <>
      <PageHeader
        title="Mentoring requests"
        description="Requests you sent to mentors, and requests members sent you. A request waiting on a mentor expires 48 hours after it reached them."
        actions={
          <Link to="/mentors" className={buttonClass("primary")}>
            Find a mentor
          </Link>
        }
      />
      <QueryState query={query} loading="Loading your requests…" failed="Your requests">
        {(data) => (
          <div className="stack-lg">
            <Card
              id="received-requests"
              title="Sent to you as a mentor"
              icon={<Inbox size={18} />}
              description="Each waits for your answer: accept, decline or ask for more information."
            >
              <RequestList
                requests={data.received}
                empty={
                  <p className="muted">
                    No requests yet. <Link to="/mentoring/profile">Your mentor profile</Link> is what members
                    find.
                  </p>
                }
              />
            </Card>
            <Card
              id="sent-requests"
              title="Sent by you"
              icon={<Send size={18} />}
              description={`${data.openSent} of ${data.maxOpen} requests waiting for an answer.`}
            >
              <RequestList
                requests={data.sent}
                empty={
                  <EmptyState title="You have not asked a mentor yet" headingLevel={3}>
                    Find a mentor among the suggestions made for your own gaps.
                  </EmptyState>
                }
              />
            </Card>
          </div>
        )}
      </QueryState>
    </>
  );
}

function Thread({ request }: { request: MentorRequest }) {
  const { moment } = useMomentFormat();
  const who = (from: "mentee" | "mentor") => (from === "mentee" ? request.mentee.name : request.mentor.name);
  const what = {
    request: "asked",
    question: "asked for more information",
    answer: "answered",
    decline: "declined",
  };
  return (
    <ol className="request-thread" aria-label="Messages">
      {request.messages.map((message) => (
        <li key={`${message.at}-${message.kind}`} className="request-message" data-from={message.from}>
          <span className="request-message-meta">
            {who(message.from)} {what[message.kind]}, {moment(message.at)}
          </span>
          {message.text}
        </li>
      ))}
    </ol>
  );
}

type Step = "accept" | "withdraw" | "end";

// The written steps and their schemas load when one is shown.
const forms = () => import("./request-forms.tsx");
const AskOrDeclineForm = lazy(() => forms().then((m) => ({ default: m.AskOrDeclineForm })));
const AnswerForm = lazy(() => forms().then((m) => ({ default: m.AnswerForm })));

function Actions({ request }: { request: MentorRequest }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [open, setOpen] = useState<"decline" | "ask" | null>(null);
  const step = useMutation({
    mutationFn: (which: Step) => {
      const param = { id: encodeURIComponent(request.id) };
      const route = api["mentor-requests"][":id"];
      switch (which) {
        case "accept":
          return call(route.accept.$post({ param }));
        case "withdraw":
          return call(route.withdraw.$post({ param }));
        case "end":
          return call(route.end.$post({ param }));
      }
    },
    onSuccess: async (updated) => {
      queryClient.setQueryData(["mentor-requests", request.id], updated);
      await queryClient.invalidateQueries({ queryKey: ["mentor-requests"], exact: true });
      toast({ title: requestStateLabels[updated.state] });
    },
  });
  const error = step.error ? <Alert tone="error">{step.error.message}</Alert> : null;

  if (request.side === "mentor" && (request.state === "pending" || request.state === "info_requested")) {
    return (
      <>
        {error}
        <div className="mentor-actions">
          <Button
            pending={step.isPending && step.variables === "accept"}
            onClick={() => step.mutate("accept")}
          >
            Accept
          </Button>
          {request.state === "pending" ? (
            <Button variant="secondary" onClick={() => setOpen("ask")}>
              Ask for more information
            </Button>
          ) : null}
          <Button variant="ghost" onClick={() => setOpen("decline")}>
            Decline
          </Button>
        </div>
        {open ? (
          <Suspense fallback={null}>
            <AskOrDeclineForm
              key={open}
              request={request}
              kind={open}
              onDone={() => setOpen(null)}
              onCancel={() => setOpen(null)}
            />
          </Suspense>
        ) : null}
      </>
    );
  }
  if (request.side === "mentee" && request.state === "info_requested") {
    return (
      <>
        {error}
        <AfterPaint
          component={AnswerForm}
          props={{
            request,
            withdraw: (
              <Button
                variant="ghost"
                pending={step.isPending && step.variables === "withdraw"}
                onClick={() => step.mutate("withdraw")}
              >
                Withdraw request
              </Button>
            ),
          }}
        />
      </>
    );
  }
  if (request.side === "mentee" && request.state === "pending") {
    return (
      <>
        {error}
        <Button variant="ghost" pending={step.isPending} onClick={() => step.mutate("withdraw")}>
          Withdraw request
        </Button>
      </>
    );
  }
  if (request.state === "accepted") {
    return (
      <>
        {error}
        <div className="mentor-actions">
          <Link to="/engagements" className={buttonClass("primary")}>
            Go to the engagement
          </Link>
          <Button variant="ghost" pending={step.isPending} onClick={() => step.mutate("end")}>
            End this mentoring
          </Button>
        </div>
      </>
    );
  }
  if (request.side === "mentee" && (request.state === "expired" || request.state === "declined")) {
    return (
      <p>
        <Link to="/mentors">See other mentors suggested for you</Link>
      </p>
    );
  }
  return null;
}

export function RequestPage() {
  const { requestId } = useParams({ strict: false }) as { requestId: string };
  const query = useQuery(requestQuery(requestId));
  useTitle("Mentoring request");
  return (
    <QueryState
      query={query}
      loading="Loading the request…"
      failed="The request"
      notFound={
        <RecordNotFound
          thing="mentoring request"
          back={
            <Link to="/mentoring/requests" className={buttonClass("secondary")}>
              All requests
            </Link>
          }
        />
      }
    >
      {(request) => <RequestView request={request} />}
    </QueryState>
  );
}

function RequestView({ request }: { request: MentorRequest }) {
  const { moment } = useMomentFormat();
  const title =
    request.side === "mentee"
      ? `Your request to ${request.mentor.name}`
      : `${request.mentee.name} asks you to mentor them`;
  return (
    <>
      <PageHeader
        title={title}
        description={request.side === "mentee" ? request.mentor.headline : undefined}
      />
      <div className="stack-lg">
        <Card id="request" title={requestStateLabels[request.state]} icon={<Handshake size={18} />}>
          {request.expiresAt ? (
            <p className="muted small">
              {`${request.side === "mentor" ? "Answer by" : "The mentor has until"} ${moment(request.expiresAt)}. After that it expires.`}
            </p>
          ) : null}
          {request.share.length > 0 ? (
            <p className="small">
              Shared read-only with the mentor:{" "}
              {request.side === "mentor"
                ? request.share.map((part, index) => (
                    <span key={part}>
                      {index > 0 ? ", " : ""}
                      {part === "story" ? (
                        sharePartLabels[part]
                      ) : (
                        <Link to={`/shared/$ownerId/${part}`} params={{ ownerId: request.mentee.id }}>
                          {sharePartLabels[part]}
                        </Link>
                      )}
                    </span>
                  ))
                : request.share.map((part) => sharePartLabels[part]).join(", ")}
              . {request.side === "mentee" ? "You can stop sharing any time under What I share." : null}
            </p>
          ) : null}
          <div className="stack">
            <Thread request={request} />
            <Actions request={request} />
          </div>
        </Card>
        <p>
          <Link to="/mentoring/requests">All requests</Link>
        </p>
      </div>
    </>
  );
}
