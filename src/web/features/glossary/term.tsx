import { Link } from "@tanstack/react-router";
import { CircleHelp } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import { type GlossaryId, glossary } from "./glossary.ts";
import "./glossary.css";

/**
 * A word of the method with its meaning one click away: a small help button beside it opens one
 * sentence and a link to the glossary. Keyboard and screen readers reach it like any button.
 */
export function Term({ id, children }: { id: GlossaryId; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const entry = glossary[id];
  return (
    <span className="term">
      {children ?? entry.term}
      <button
        type="button"
        className="term-help"
        aria-expanded={open}
        aria-controls={tipId}
        onClick={() => setOpen((value) => !value)}
      >
        <CircleHelp size={15} aria-hidden="true" />
        <span className="visually-hidden">What is “{entry.term}”?</span>
      </button>
      {open ? (
        <span id={tipId} className="term-tip" role="note">
          {entry.short}{" "}
          <Link to="/glossary" hash={id}>
            More in the glossary
          </Link>
        </span>
      ) : (
        <span id={tipId} hidden />
      )}
    </span>
  );
}
