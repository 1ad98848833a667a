import { MessageSquareQuote } from "lucide-react";
import type { QuestionResult } from "../../../shared/feedback.ts";
import { Card } from "../../ui/card.tsx";
import { RepeatBack } from "./repeat-back.tsx";

/** One question's answers, as paragraphs sorted into themes, with what the member heard. */
export function QuestionCard({
  requestId,
  question,
  k,
}: {
  requestId: string;
  question: QuestionResult;
  k: number;
}) {
  return (
    <Card
      id={`question-${question.key}`}
      title={question.prompt}
      icon={<MessageSquareQuote size={18} />}
      headingLevel={3}
    >
      {question.shown ? (
        <>
          <div className="feedback-themes">
            {question.themes.map((theme) => (
              <div key={theme.key} className="feedback-theme">
                <h4>
                  {theme.label}{" "}
                  <span className="badge">
                    {theme.paragraphs.length} {theme.paragraphs.length === 1 ? "paragraph" : "paragraphs"}
                  </span>
                </h4>
                <ul className="feedback-paragraphs">
                  {theme.paragraphs.map((paragraph, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: two givers may write the same sentence.
                    <li key={index}>{paragraph}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <RepeatBack requestId={requestId} item={question} label={question.prompt} />
        </>
      ) : (
        <p className="muted small">Fewer than {k} people have answered this question, so it stays hidden.</p>
      )}
    </Card>
  );
}
