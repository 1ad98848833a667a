import { useMutation, useQueryClient } from "@tanstack/react-query";
import { urgentCallKindLabels } from "../../../shared/engagement-words.ts";
import { api, call } from "../../api.ts";
import { useMomentFormat } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { useToast } from "../../ui/toast.tsx";
import { downloadCalendar, urgentCallsQuery } from "./engagements-api.ts";

export type UrgentCall = Awaited<ReturnType<typeof urgentCallsQuery.queryFn & {}>>["mine"][number];

const stateWords: Record<UrgentCall["state"], string> = {
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

/** One 911 call: where it stands, and the step its reader can take (take it, withdraw it, book the talk). */
export function CallItem({ item }: { item: UrgentCall }) {
  const { moment } = useMomentFormat();
  const queryClient = useQueryClient();
  const toast = useToast();
  const step = useMutation({
    mutationFn: (which: "accept" | "withdraw" | "session") => {
      const param = { id: encodeURIComponent(item.id) };
      const route = api["urgent-calls"][":id"];
      if (which === "accept") return call(route.accept.$post({ param }));
      if (which === "withdraw") return call(route.withdraw.$post({ param }));
      return call(route.session.$post({ param, json: { startsAt: soon(), minutes: 30 } }));
    },
    onSuccess: async (_, which) => {
      await queryClient.invalidateQueries({ queryKey: urgentCallsQuery.queryKey });
      toast({
        title:
          which === "accept" ? "You took the call" : which === "session" ? "Talk booked" : "Call withdrawn",
      });
    },
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
        {step.isError ? <Alert tone="error">{step.error.message}</Alert> : null}
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
