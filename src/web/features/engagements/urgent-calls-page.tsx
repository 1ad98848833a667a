import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Siren } from "lucide-react";
import { useState } from "react";
import {
  type UrgentCallKind,
  urgentCallKindLabels,
  urgentCallKinds,
  urgentPromiseMinutes,
} from "../../../shared/engagement-words.ts";
import { laneIds, lanes } from "../../../shared/lane-words.ts";
import { api, call } from "../../api.ts";
import { useMomentFormat } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { SelectField, TextAreaField } from "../../ui/field.tsx";
import { Form } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { downloadCalendar, urgentCallsQuery } from "./engagements-api.ts";
import "./engagements.css";

type Call = Awaited<ReturnType<typeof urgentCallsQuery.queryFn & {}>>["mine"][number];

const stateWords: Record<Call["state"], string> = {
  open: "Waiting for a mentor",
  taken: "Taken",
  unanswered: "No mentor could take it",
  withdrawn: "Withdrawn",
};

/** The next quarter hour at least two hours from now: a talk "within hours". */
function soon(): string {
  const quarter = 15 * 60_000;
  return new Date(Math.ceil((Date.now() + 2 * 3600_000) / quarter) * quarter).toISOString();
}

function CallItem({ item }: { item: Call }) {
  const { moment } = useMomentFormat();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const step = useMutation({
    mutationFn: (which: "accept" | "withdraw" | "session") => {
      const param = { id: encodeURIComponent(item.id) };
      const route = api["urgent-calls"][":id"];
      if (which === "accept") return call(route.accept.$post({ param }));
      if (which === "withdraw") return call(route.withdraw.$post({ param }));
      return call(route.session.$post({ param, json: { startsAt: soon(), minutes: 30 } }));
    },
    onSuccess: async (_, which) => {
      await queryClient.invalidateQueries({ queryKey: ["urgent-calls"] });
      setError(null);
      toast({
        title:
          which === "accept" ? "You took the call" : which === "session" ? "Talk booked" : "Call withdrawn",
      });
    },
    onError: (e) => setError(e.message),
  });
  const session = item.sessions.find((s) => s.state === "booked");
  return (
    <li className="engagement-item urgent-call">
      <div className="stack">
        <strong>
          {item.side === "member" ? "Your call" : `${item.memberName}'s call`}:{" "}
          {urgentCallKindLabels[item.kind]}
        </strong>
        <p className="engagement-note">{item.dilemma}</p>
        <p className="muted small">
          {stateWords[item.state]}
          {item.state === "open" ? ` · answer promised by ${moment(item.answerBy)}` : ""}
          {item.offeredTo !== null ? ` · reached ${item.offeredTo} mentors` : ""}
          {item.wave > 1 ? " · widened beyond the topic" : ""}
          {item.takenByName ? ` · taken by ${item.takenByName}` : ""}
        </p>
        {session ? (
          <p className="small">
            Talk: {item.side === "member" ? session.menteeClock : session.mentorClock}{" "}
            <Button variant="ghost" size="small" onClick={() => void downloadCalendar(session.id)}>
              Calendar file
            </Button>
          </p>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
      <div className="engagement-actions">
        {item.side === "mentor" && item.state === "open" ? (
          <Button size="small" pending={step.isPending} onClick={() => step.mutate("accept")}>
            Take this call
          </Button>
        ) : null}
        {item.side === "member" && item.state === "open" ? (
          <Button
            size="small"
            variant="ghost"
            pending={step.isPending}
            onClick={() => step.mutate("withdraw")}
          >
            Withdraw
          </Button>
        ) : null}
        {item.state === "taken" && (item.side === "member" || item.takenByMe) && !session ? (
          <Button size="small" pending={step.isPending} onClick={() => step.mutate("session")}>
            Book a talk in two hours
          </Button>
        ) : null}
      </div>
    </li>
  );
}

export function UrgentCallsPage() {
  useTitle("911 calls");
  const query = useQuery(urgentCallsQuery);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<UrgentCallKind>("offer");
  const [lane, setLane] = useState("");
  const [dilemma, setDilemma] = useState("");
  const [error, setError] = useState<string | null>(null);
  const post = useMutation({
    mutationFn: () =>
      call(
        api["urgent-calls"].$post({ json: { kind, lane: (lane || null) as never, dilemma, decideBy: null } }),
      ),
    onSuccess: async () => {
      setDilemma("");
      setError(null);
      await queryClient.invalidateQueries({ queryKey: ["urgent-calls"] });
    },
    onError: (e) => setError(e.message),
  });
  return (
    <>
      <PageHeader
        title="911 calls"
        description={`An urgent dilemma reaches every available mentor who takes urgent calls and fits the topic at once. If nobody accepts within ${urgentPromiseMinutes / 60} hours, it reaches more mentors and you are told.`}
      />
      <div className="stack-lg">
        <Card id="post-call" title="Post an urgent dilemma" icon={<Siren size={18} />}>
          <Form onSubmit={() => post.mutate()} aria-label="Post a 911 call" error={error}>
            <div className="engagement-row">
              <SelectField
                label="What is it"
                value={kind}
                onValueChange={(v) => setKind(v as UrgentCallKind)}
                options={urgentCallKinds.map((k) => ({ value: k, label: urgentCallKindLabels[k] }))}
              />
              <SelectField
                label="Topic"
                value={lane}
                onValueChange={setLane}
                options={[
                  { value: "", label: "Any lane" },
                  ...laneIds.map((l) => ({ value: l, label: lanes[l].label })),
                ]}
              />
            </div>
            <TextAreaField
              label="The dilemma and what you must decide"
              value={dilemma}
              onValueChange={setDilemma}
              rows={4}
              maxLength={4000}
            />
            <Button type="submit" pending={post.isPending}>
              Post the call
            </Button>
          </Form>
        </Card>
        {query.isPending ? (
          <LoadingState label="Loading your calls…" />
        ) : query.isError ? (
          <LoadFailed what="your calls" error={query.error} retry={() => query.refetch()} />
        ) : (
          <>
            <Card id="my-calls" title="Your calls">
              {query.data.mine.length === 0 ? (
                <p className="muted">You have posted no call. Post one above when a decision cannot wait.</p>
              ) : (
                <ul className="engagement-list" aria-label="Your calls">
                  {query.data.mine.map((c) => (
                    <CallItem key={c.id} item={c} />
                  ))}
                </ul>
              )}
            </Card>
            <Card
              id="offered-calls"
              title="Offered to you as a mentor"
              description="Calls reach you when your mentor profile takes urgent calls."
            >
              {query.data.offered.length === 0 ? (
                <p className="muted">No call offered to you.</p>
              ) : (
                <ul className="engagement-list" aria-label="Calls offered to you">
                  {query.data.offered.map((c) => (
                    <CallItem key={c.id} item={c} />
                  ))}
                </ul>
              )}
            </Card>
          </>
        )}
      </div>
    </>
  );
}
