import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Handshake } from "lucide-react";
import { engagementStateLabels } from "../../../shared/engagement-words.ts";
import { api, call } from "../../api.ts";
import { useMomentFormat } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { engagementsQuery } from "./engagements-api.ts";
import "./engagements.css";

/** Every engagement of the person, and the accepted requests either side can start one from. */
export function EngagementsPage() {
  useTitle("Engagements");
  const query = useQuery(engagementsQuery);
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: (requestId: string) => call(api.engagements.$post({ json: { requestId } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: engagementsQuery.queryKey });
    },
  });
  const { moment } = useMomentFormat();
  return (
    <>
      <PageHeader title="Engagements" description="Your mentorings, from the agreement to the close-out." />
      <QueryState query={query} loading="Loading your engagements…" failed="Your engagements">
        {(data) => (
          <div className="stack-lg">
            {start.isError ? <Alert tone="error">{start.error.message}</Alert> : null}
            {data.startable.length > 0 ? (
              <Card
                id="startable"
                title="Ready to start"
                icon={<Handshake size={18} />}
                description="Accepted requests: either of you can start the engagement, then agree its terms."
              >
                <ul className="engagement-list">
                  {data.startable.map((s) => (
                    <li key={s.requestId} className="engagement-item">
                      <span>
                        {s.side === "mentee"
                          ? `With your mentor ${s.other.name}`
                          : `With your mentee ${s.other.name}`}
                      </span>
                      <Button
                        size="small"
                        pending={start.isPending && start.variables === s.requestId}
                        onClick={() => start.mutate(s.requestId)}
                      >
                        Start the engagement
                      </Button>
                    </li>
                  ))}
                </ul>
              </Card>
            ) : null}
            {data.engagements.length === 0 ? (
              <EmptyState title="No engagements yet">
                An engagement starts from an accepted mentoring request.{" "}
                <Link to="/mentors">Find a mentor</Link>.
              </EmptyState>
            ) : (
              <ul className="engagement-list" aria-label="Engagements">
                {data.engagements.map((e) => (
                  <li key={e.id} className="engagement-item">
                    <div>
                      <Link to="/engagements/$engagementId" params={{ engagementId: e.id }}>
                        {e.side === "mentee" ? `Mentored by ${e.other.name}` : `Mentoring ${e.other.name}`}
                      </Link>
                      <p className="muted small">
                        {engagementStateLabels[e.state]}
                        {e.nextSessionAt ? ` · next session ${moment(e.nextSessionAt)}` : ""}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to="/urgent-calls" className={buttonClass("secondary")}>
                911 calls
              </Link>
            </p>
          </div>
        )}
      </QueryState>
    </>
  );
}
