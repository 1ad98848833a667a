import { Lightbulb } from "lucide-react";
import {
  type StoryField,
  storyFieldLabels,
  type WritingFlag,
  writingFlagLabels,
} from "../../../shared/story.ts";
import { Button } from "../../ui/button.tsx";

type Flag = WritingFlag & { field?: StoryField };

/** The writing check's advice: each flag with its sentence, why, and a rewrite to use or ignore. */
export function WritingFlags<F extends Flag>({
  flags,
  onUse,
  empty,
}: {
  flags: F[];
  onUse?: (flag: F) => void;
  empty?: string;
}) {
  if (flags.length === 0) {
    return empty ? <p className="small muted">{empty}</p> : null;
  }
  return (
    <ul className="writing-flags" aria-label="Writing check">
      {flags.map((flag) => (
        <li key={`${flag.field ?? ""}-${flag.kind}-${flag.sentence}`} className="writing-flag">
          <p className="small">
            <strong>{writingFlagLabels[flag.kind]}</strong>
            {flag.field ? <span className="muted"> in “{storyFieldLabels[flag.field]}”</span> : null}
          </p>
          <p className="writing-flag-sentence">“{flag.sentence}”</p>
          <p className="small">{flag.why}</p>
          {flag.suggestion ? (
            <div className="row">
              <p className="small writing-flag-suggestion">
                <Lightbulb size={14} aria-hidden="true" /> Try: “{flag.suggestion}”
              </p>
              {onUse ? (
                <Button type="button" variant="secondary" size="small" onClick={() => onUse(flag)}>
                  Use this
                </Button>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
