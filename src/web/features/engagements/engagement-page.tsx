import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { engagementStateLabels } from "../../../shared/engagement-words.ts";
import { buttonClass } from "../../ui/button.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState, RecordNotFound } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { ActionItemsCard } from "./action-items-card.tsx";
import { AgreementCard } from "./agreement-card.tsx";
import { CloseOutCard } from "./close-out-card.tsx";
import { DecisionsCard } from "./decisions-card.tsx";
import { engagementQuery } from "./engagements-api.ts";
import { IntakeCard } from "./intake-card.tsx";
import { NotesCard } from "./notes-card.tsx";
import { PlanCard } from "./plan-card.tsx";
import { SessionsCard } from "./sessions-card.tsx";
import "./engagements.css";

// The list of engagements is routed from this module too.
export { EngagementsPage } from "./engagements-page.tsx";

/** One engagement, from the agreement to the close-out: one card per step, each with its own form. */
export function EngagementPage() {
  const { engagementId } = useParams({ strict: false }) as { engagementId: string };
  const query = useQuery(engagementQuery(engagementId));
  useTitle("Mentoring engagement");
  return (
    <QueryState
      query={query}
      loading="Loading the engagement…"
      failed="The engagement"
      notFound={
        <RecordNotFound
          thing="engagement"
          back={
            <Link to="/engagements" className={buttonClass("secondary")}>
              See your engagements
            </Link>
          }
        />
      }
    >
      {(e) => {
        const other = e.side === "mentee" ? e.mentor : e.mentee;
        return (
          <>
            <PageHeader
              title={e.side === "mentee" ? `Mentored by ${other.name}` : `Mentoring ${other.name}`}
              description={`${engagementStateLabels[e.state]} · ${other.name}'s clock: ${other.timeZone}`}
            />
            {/* A new version of the engagement starts every form again from what is stored. */}
            <div className="stack-lg" key={e.version}>
              <AgreementCard engagement={e} />
              {e.state !== "agreeing" ? (
                <>
                  <IntakeCard engagement={e} />
                  <PlanCard engagement={e} />
                  <SessionsCard engagement={e} />
                  <NotesCard engagement={e} />
                  <ActionItemsCard engagement={e} />
                  <DecisionsCard engagement={e} />
                </>
              ) : null}
              <CloseOutCard engagement={e} />
              <p>
                <Link to="/engagements">All engagements</Link>
              </p>
            </div>
          </>
        );
      }}
    </QueryState>
  );
}
