import { useQuery } from "@tanstack/react-query";
import { Siren } from "lucide-react";
import { urgentPromiseMinutes } from "../../../shared/engagement-words.ts";
import { Card } from "../../ui/card.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { CallItem } from "./call-item.tsx";
import { urgentCallsQuery } from "./engagements-api.ts";
import { PostCallForm } from "./post-call-form.tsx";
import "./engagements.css";

export function UrgentCallsPage() {
  useTitle("911 calls");
  const query = useQuery(urgentCallsQuery);
  return (
    <>
      <PageHeader
        title="911 calls"
        description={`An urgent dilemma reaches every available mentor who takes urgent calls and fits the topic at once. If nobody accepts within ${urgentPromiseMinutes / 60} hours, it reaches more mentors and you are told.`}
      />
      <div className="stack-lg">
        <Card id="post-call" title="Post an urgent dilemma" icon={<Siren size={18} />}>
          <PostCallForm />
        </Card>
        <QueryState query={query} loading="Loading your calls…" failed="Your calls">
          {(data) => (
            <>
              <Card id="my-calls" title="Your calls">
                {data.mine.length === 0 ? (
                  <p className="muted">
                    You have posted no call. Post one above when a decision cannot wait.
                  </p>
                ) : (
                  <ul className="engagement-list" aria-label="Your calls">
                    {data.mine.map((c) => (
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
                {data.offered.length === 0 ? (
                  <p className="muted">No call offered to you.</p>
                ) : (
                  <ul className="engagement-list" aria-label="Calls offered to you">
                    {data.offered.map((c) => (
                      <CallItem key={c.id} item={c} />
                    ))}
                  </ul>
                )}
              </Card>
            </>
          )}
        </QueryState>
      </div>
    </>
  );
}
