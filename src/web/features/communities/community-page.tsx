import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { CalendarDays, ClipboardCheck, MessagesSquare, ScrollText, Shield, Users } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import type { Community } from "../../../shared/communities.ts";
import { deliveryLabels } from "../../../shared/notifications.ts";
import { api, call } from "../../api.ts";
import { useMe, useMomentFormat } from "../../session.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextAreaField } from "../../ui/field.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import {
  applicationsQuery,
  communityQuery,
  eventsQuery,
  membersQuery,
  moderationQuery,
  threadsQuery,
} from "./communities-api.ts";
import { EventSummary } from "./event-parts.tsx";
import "./communities.css";

const param = (id: string) => ({ id: encodeURIComponent(id) });

// The forms and their schema load after the page's first picture, or when one is opened.
const forms = () => import("./community-forms.tsx");
const JoinForm = lazy(() => forms().then((m) => ({ default: m.JoinForm })));
const ApplyForm = lazy(() => forms().then((m) => ({ default: m.ApplyForm })));
const StartThreadForm = lazy(() => forms().then((m) => ({ default: m.StartThreadForm })));
const NewEventForm = lazy(() => forms().then((m) => ({ default: m.NewEventForm })));
type Refresh = () => Promise<void>;

function useRefresh(id: string): Refresh {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ["communities"] });
    await queryClient.invalidateQueries({ queryKey: ["communities", id] });
  };
}

function Messages({
  messages,
}: {
  messages: Community["myApplication"] extends infer A
    ? A extends { messages: infer M }
      ? M
      : never
    : never;
}) {
  const { moment } = useMomentFormat();
  const what = {
    answers: "Application",
    question: "The organizers asked",
    answer: "Your answer",
    decline: "The organizers wrote",
  };
  return (
    <ol className="community-list" aria-label="Application messages">
      {messages.map((m) => (
        <li key={`${m.at}-${m.kind}`} className="community-item">
          <span className="small muted">
            {what[m.kind]}, {moment(m.at)}
          </span>
          <p className="community-prose">{m.text}</p>
        </li>
      ))}
    </ol>
  );
}

function Outside({ community, refresh }: { community: Community; refresh: Refresh }) {
  const application = community.myApplication;
  const canJoin =
    community.myState === "admitted" || (community.kind === "open" && community.myState === "none");
  if (community.myState === "banned") return <Alert tone="error">You were banned from this community.</Alert>;
  return (
    <Card
      id="join"
      title={canJoin ? "Accept the norms and join" : "Apply"}
      icon={<ClipboardCheck size={18} />}
    >
      {application ? <Messages messages={application.messages} /> : null}
      {canJoin ? (
        <AfterPaint component={JoinForm} props={{ community, refresh }} />
      ) : application?.state === "pending" ? (
        <p>Your application waits for the organizers. You will be told when they answer.</p>
      ) : application?.state === "declined" ? (
        <p>The organizers declined your application; their reason is above.</p>
      ) : (
        <AfterPaint component={ApplyForm} props={{ community, refresh }} />
      )}
    </Card>
  );
}

function Threads({ community }: { community: Community }) {
  const [channel, setChannel] = useState("");
  const query = useQuery(threadsQuery(community.id, channel || undefined));
  const member = ["organizer", "moderator", "member"].includes(community.myState);
  const channels = community.inside?.channels ?? [];
  return (
    <Card id="threads" title="Discussions" icon={<MessagesSquare size={18} />}>
      {channels.length > 0 ? (
        <SelectField
          label="Channel"
          value={channel}
          onValueChange={setChannel}
          options={[
            { value: "", label: "All channels" },
            ...channels.map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
      ) : null}
      <QueryState
        query={query}
        loading="Loading threads…"
        failed="The discussions"
        isEmpty={(data) => data.threads.length === 0}
        empty={
          <EmptyState title="No discussions yet" headingLevel={3}>
            Start the first one below.
          </EmptyState>
        }
      >
        {(data) => (
          <ul className="community-list">
            {data.threads.map((t) => (
              <li key={t.id} className="community-item">
                <Link to="/threads/$threadId" params={{ threadId: t.id }}>
                  {t.hidden ? "Hidden post" : t.title}
                </Link>
                <span className="small muted">
                  {t.authorName} · {t.replies} {t.replies === 1 ? "reply" : "replies"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {member ? (
        <AfterPaint component={StartThreadForm} props={{ community }} />
      ) : (
        <p className="muted">Join to take part.</p>
      )}
    </Card>
  );
}

function Events({ community }: { community: Community }) {
  const [city, setCity] = useState("");
  const query = useQuery(eventsQuery(community.id, city || undefined));
  const [adding, setAdding] = useState(false);
  const canAdd = community.myState === "organizer" || community.myState === "moderator";
  return (
    <Card
      id="events"
      title="Events"
      icon={<CalendarDays size={18} />}
      actions={
        canAdd ? (
          <Button variant="secondary" size="small" onClick={() => setAdding(!adding)}>
            {adding ? "Close" : "Add an event"}
          </Button>
        ) : null
      }
    >
      {adding ? (
        <Suspense fallback={null}>
          <NewEventForm community={community} onDone={() => setAdding(false)} />
        </Suspense>
      ) : null}
      {query.data && query.data.cities.length > 0 ? (
        <SelectField
          label="City"
          value={city}
          onValueChange={setCity}
          options={[
            { value: "", label: "Every city and online" },
            ...query.data.cities.map((c) => ({ value: c, label: c })),
          ]}
        />
      ) : null}
      <QueryState
        query={query}
        loading="Loading events…"
        failed="The events"
        isEmpty={(data) => data.events.length === 0}
        empty={<p className="muted">No upcoming events{canAdd ? ": add one." : "."}</p>}
      >
        {(data) => (
          <ul className="community-list">
            {data.events.map((e) => (
              <li key={e.id} className="community-item">
                <EventSummary event={e} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}

function Members({ community }: { community: Community }) {
  const query = useQuery(membersQuery(community.id));
  const me = useMe();
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation({
    mutationFn: (userId: string) =>
      call(
        api.communities[":id"].members[":userId"].remove.$post({
          param: { ...param(community.id), userId: encodeURIComponent(userId) },
          json: { reason: "" },
        }),
      ),
    onSuccess: async (data) => {
      queryClient.setQueryData(membersQuery(community.id).queryKey, data);
      await queryClient.invalidateQueries({ queryKey: ["communities", community.id] });
      toast({ title: "Removed: they lost access at once" });
    },
  });
  const organizer = community.myState === "organizer";
  return (
    <Card id="members" title={`Members (${community.inside?.memberCount ?? 0})`} icon={<Users size={18} />}>
      <QueryState query={query} loading="Loading members…" failed="The members">
        {(data) => (
          <ul className="community-list">
            {data.members.map((m) => (
              <li key={m.userId} className="community-row">
                <span>
                  {m.name} {m.role !== "member" ? <span className="badge">{m.role}</span> : null}
                </span>
                {organizer && m.userId !== me.user.id ? (
                  <Button
                    size="small"
                    variant="ghost"
                    pending={remove.isPending && remove.variables === m.userId}
                    onClick={() => remove.mutate(m.userId)}
                    aria-label={`Remove ${m.name}`}
                  >
                    Remove
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Card>
  );
}

function Applications({ community }: { community: Community }) {
  const query = useQuery(applicationsQuery(community.id));
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: "admit" | "decline" | "ask" }) =>
      call(
        api.communities[":id"].applications[":applicationId"].decision.$post({
          param: { ...param(community.id), applicationId: encodeURIComponent(id) },
          json: { decision, message: texts[id] ?? "" },
        }),
      ),
    onSuccess: (data) => {
      setError(null);
      queryClient.setQueryData(applicationsQuery(community.id).queryKey, data);
    },
    onError: (e) => setError(e.message),
  });
  const waiting = query.data?.applications ?? [];
  return (
    <Card id="applications" title="Applications" icon={<ClipboardCheck size={18} />}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {waiting.length === 0 ? (
        <p className="muted">No applications wait for you.</p>
      ) : (
        <ul className="community-list">
          {waiting.map((a) => (
            <li key={a.id} className="community-item">
              <strong>{a.name}</strong>
              {a.messages.map((m) => (
                <p key={`${m.at}-${m.kind}`} className="community-prose">
                  <span className="small muted">{m.from === "applicant" ? "Applicant" : "Organizers"}: </span>
                  {m.text}
                </p>
              ))}
              {a.state === "admitted" ? (
                <p className="small">Admitted: they join once they accept the norms.</p>
              ) : a.state === "info_requested" ? (
                <p className="small">Waiting for their answer.</p>
              ) : (
                <>
                  <TextAreaField
                    label={`Message to ${a.name} (a reason or a question)`}
                    value={texts[a.id] ?? ""}
                    onValueChange={(v) => setTexts({ ...texts, [a.id]: v })}
                    rows={2}
                  />
                  <div className="community-actions">
                    <Button size="small" onClick={() => decide.mutate({ id: a.id, decision: "admit" })}>
                      Admit {a.name}
                    </Button>
                    <Button
                      size="small"
                      variant="secondary"
                      onClick={() => decide.mutate({ id: a.id, decision: "ask" })}
                    >
                      Ask for more
                    </Button>
                    <Button
                      size="small"
                      variant="ghost"
                      onClick={() => decide.mutate({ id: a.id, decision: "decline" })}
                    >
                      Decline
                    </Button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ModerationLog({ community }: { community: Community }) {
  const query = useQuery(moderationQuery(community.id));
  const { moment } = useMomentFormat();
  return (
    <Card
      id="moderation"
      title="Moderation log"
      icon={<Shield size={18} />}
      description="Visible to organizers and moderators only."
    >
      {query.data && query.data.entries.length > 0 ? (
        <ul className="community-list">
          {query.data.entries.map((e) => (
            <li key={`${e.at}-${e.action}-${e.postId ?? e.targetName}`} className="small">
              {moment(e.at)}: {e.action.replace("_", " ")} {e.targetName ? `· ${e.targetName}` : ""}{" "}
              {e.actorName ? `by ${e.actorName}` : "automatically"} {e.reason ? `— ${e.reason}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing moderated yet.</p>
      )}
    </Card>
  );
}

function Settings({ community, refresh }: { community: Community; refresh: Refresh }) {
  const [error, setError] = useState<string | null>(null);
  const delivery = useMutation({
    mutationFn: (value: string) =>
      call(
        api.communities[":id"].notifications.$put({
          param: param(community.id),
          json: { delivery: value as "default" },
        }),
      ),
    onSuccess: refresh,
    onError: (e) => setError(e.message),
  });
  const leave = useMutation({
    mutationFn: () => call(api.communities[":id"].leave.$post({ param: param(community.id) })),
    onSuccess: refresh,
    onError: (e) => setError(e.message),
  });
  return (
    <Card id="settings" title="Your membership" icon={<ScrollText size={18} />}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <SelectField
        label="Emails from this community"
        value={community.inside?.notificationDelivery ?? "default"}
        onValueChange={(v) => delivery.mutate(v)}
        options={[
          { value: "default", label: "As my notification settings say" },
          ...(Object.keys(deliveryLabels) as (keyof typeof deliveryLabels)[]).map((d) => ({
            value: d,
            label: deliveryLabels[d],
          })),
        ]}
      />
      <Button variant="ghost" pending={leave.isPending} onClick={() => leave.mutate()}>
        Leave {community.name}
      </Button>
    </Card>
  );
}

export function CommunityPage() {
  const { communityId } = useParams({ strict: false }) as { communityId: string };
  const query = useQuery(communityQuery(communityId));
  const refresh = useRefresh(communityId);
  useTitle(query.data?.name ?? "Community");
  if (query.isPending) return <LoadingState label="Loading the community…" />;
  if (query.isError) {
    return (
      <>
        <PageHeader title="Community" />
        <Alert tone="error">
          {query.error.message} <Link to="/communities">All communities</Link>
        </Alert>
      </>
    );
  }
  const community = query.data;
  const inside = community.inside !== null;
  const member = ["organizer", "moderator", "member"].includes(community.myState);
  const moderator = community.myState === "organizer" || community.myState === "moderator";
  return (
    <>
      <PageHeader
        title={community.name}
        description={community.kind === "circle" ? "Vetted circle" : "Open community"}
      />
      <div className="stack-lg">
        <Card id="about" title="About">
          <p className="community-prose">{community.description}</p>
          {community.admissionCriteria ? (
            <>
              <h3>Who it is for</h3>
              <p className="community-prose">{community.admissionCriteria}</p>
            </>
          ) : null}
          <h3>Norms</h3>
          <p className="community-prose">{community.norms}</p>
          {community.sizeLimit ? <p className="small muted">At most {community.sizeLimit} members.</p> : null}
        </Card>
        {member ? null : <Outside community={community} refresh={refresh} />}
        {inside ? <Threads community={community} /> : null}
        {inside ? <Events community={community} /> : null}
        {member ? <Members community={community} /> : null}
        {community.myState === "organizer" && community.kind === "circle" ? (
          <Applications community={community} />
        ) : null}
        {moderator ? <ModerationLog community={community} /> : null}
        {member ? <Settings community={community} refresh={refresh} /> : null}
        <p>
          <Link to="/communities">All communities</Link>
        </p>
      </div>
    </>
  );
}
