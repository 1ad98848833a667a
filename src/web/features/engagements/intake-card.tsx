import { Link } from "@tanstack/react-router";
import { ClipboardList } from "lucide-react";
import { Card } from "../../ui/card.tsx";
import type { E } from "./engagement-steps.tsx";
import { IntakeAnswersForm } from "./intake-answers-form.tsx";
import { IntakeQuestionsForm } from "./intake-questions-form.tsx";

/** The mentor asks and reads what the mentee shares; the mentee answers and chooses what to share. */
export function IntakeCard({ engagement }: { engagement: E }) {
  const intake = engagement.intake;
  const open = engagement.state === "agreeing" || engagement.state === "active";
  return (
    <Card
      id="intake"
      title="Intake"
      icon={<ClipboardList size={18} />}
      description="The mentee's lanes self-assessment and portfolio, shared read-only for the engagement's life, and the mentor's own questions."
    >
      {engagement.side === "mentor" ? (
        <div className="stack">
          {intake.shared.length > 0 ? (
            <p className="small">
              Shared with you:{" "}
              {intake.shared.map((part, i) => (
                <span key={part}>
                  {i > 0 ? ", " : ""}
                  <Link to={`/shared/$ownerId/${part}`} params={{ ownerId: engagement.mentee.userId }}>
                    {part === "lanes" ? "Lanes" : "Portfolio"}
                  </Link>
                </span>
              ))}
            </p>
          ) : (
            <p className="muted small">The mentee shares nothing from their record yet.</p>
          )}
          {intake.answeredAt ? (
            <ol className="engagement-answers">
              {intake.questions.map((q, i) => (
                <li key={q}>
                  <strong>{q}</strong>
                  <p>{intake.answers[i] || "(no answer)"}</p>
                </li>
              ))}
            </ol>
          ) : null}
          {open ? <IntakeQuestionsForm engagement={engagement} /> : null}
        </div>
      ) : open ? (
        <IntakeAnswersForm engagement={engagement} />
      ) : null}
    </Card>
  );
}
