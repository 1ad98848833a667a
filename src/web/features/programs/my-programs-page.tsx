import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Handshake } from "lucide-react";
import { lazy } from "react";
import { criterionLabels } from "../../../shared/programs.ts";
import { api, call } from "../../api.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import type { Place } from "./place-forms.tsx";
import { myPlacesQuery, param } from "./programs-api.ts";
import "./programs.css";

// The forms and their schema load after the page's first picture.
const forms = () => import("./place-forms.tsx");
const JoinForm = lazy(() => forms().then((m) => ({ default: m.JoinForm })));
const MeetingForm = lazy(() => forms().then((m) => ({ default: m.MeetingForm })));

function Match({ match }: { match: Place["matches"][number] }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const accept = useMutation({
    mutationFn: () => call(api["program-matches"][":id"].accept.$post({ param: param(match.pairId) })),
    onSuccess: (data) => {
      queryClient.setQueryData(myPlacesQuery.queryKey, data);
      toast({ title: "Match confirmed" });
    },
  });
  return (
    <div className="program-pair">
      <h3>
        Your {match.with.role}: {match.with.name}
      </h3>
      <p className="muted small">{match.with.email}</p>
      <p>Why you were matched:</p>
      <ul>
        {match.explanation.criteria.map((c) => (
          <li key={c.criterion + c.text}>
            <strong>{criterionLabels[c.criterion]}</strong>: {c.text}
          </li>
        ))}
      </ul>
      <div className="program-actions">
        {match.accepted ? (
          <span className="badge badge-success">You confirmed this match</span>
        ) : (
          <Button pending={accept.isPending} onClick={() => accept.mutate()}>
            Confirm this match
          </Button>
        )}
      </div>
      <AfterPaint component={MeetingForm} props={{ match }} />
      {accept.isError ? <Alert tone="error">{accept.error.message}</Alert> : null}
    </div>
  );
}

export function MyProgramsPage() {
  useTitle("My program places");
  const query = useQuery(myPlacesQuery);
  return (
    <>
      <PageHeader
        title="My program places"
        description="Mentoring programs you are invited to. Join with a few answers; your lanes, level, time zone and availability come from your own Sidecar data where you have them."
      />
      <QueryState
        query={query}
        loading="Loading your places…"
        failed="Your program places"
        isEmpty={(data) => data.participations.length === 0}
        empty={
          <EmptyState title="No program has invited you">
            When a program admin imports your email address into a cohort, it shows here.
          </EmptyState>
        }
      >
        {(data) => (
          <div className="program-grid">
            {data.participations.map((place) => (
              <Card
                key={place.id}
                id={`place-${place.id}`}
                title={`${place.programName}: ${place.cohortName}`}
                icon={<Handshake size={18} />}
                description={`As a ${place.role}, ${place.startsOn} to ${place.endsOn}`}
              >
                {place.matches.length > 0 ? (
                  place.matches.map((m) => <Match key={m.pairId} match={m} />)
                ) : place.joined ? (
                  <p>You joined. Your match shows here once the program publishes its pairs.</p>
                ) : null}
                {place.matches.length === 0 ? <AfterPaint component={JoinForm} props={{ place }} /> : null}
              </Card>
            ))}
          </div>
        )}
      </QueryState>
    </>
  );
}
