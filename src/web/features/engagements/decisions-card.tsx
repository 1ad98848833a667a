import { MessagesSquare } from "lucide-react";
import { Card } from "../../ui/card.tsx";
import type { E } from "./engagement-steps.tsx";
import { ShareDecisionForm } from "./share-decision-form.tsx";
import { SharedDecision } from "./shared-decision.tsx";

/**
 * Decisions stay the mentee's: they share one from their journal, read-only, for the engagement's life
 * or until they stop; the mentor reads it and comments, and only the mentee changes it.
 */
export function DecisionsCard({ engagement }: { engagement: E }) {
  const mentee = engagement.side === "mentee";
  const open = engagement.state === "active" || engagement.state === "closing";
  return (
    <Card
      id="decisions"
      title="Decisions"
      icon={<MessagesSquare size={18} />}
      description={
        mentee
          ? `Your decisions stay yours. Share one from your journal with ${engagement.mentor.name}, read-only, until you stop or the mentoring closes: they can comment, only you change it.`
          : `Decisions from ${engagement.mentee.name}'s journal they share with you, read-only, while they share them and the mentoring lasts. Comment on them; only they change a decision.`
      }
    >
      {mentee && open ? <ShareDecisionForm engagement={engagement} /> : null}
      {engagement.decisions.length === 0 ? (
        <p className="muted small">
          {mentee
            ? "You share no decision yet."
            : `${engagement.mentee.name} shares no decision with you yet. They can share one from their journal for you to comment on.`}
        </p>
      ) : (
        <ul className="engagement-list" aria-label="Shared decisions">
          {engagement.decisions.map((d) => (
            <SharedDecision key={d.shareId} engagement={engagement} decision={d} />
          ))}
        </ul>
      )}
    </Card>
  );
}
