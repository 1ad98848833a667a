import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { CommentForm } from "./comment-form.tsx";
import { CommentItem } from "./comment-item.tsx";
import { type E, useEngagementUpdate } from "./engagement-steps.tsx";

export type Shared = E["decisions"][number];

/** A decision the mentee shares, read-only, with its comments; the mentee may stop sharing it. */
export function SharedDecision({ engagement, decision }: { engagement: E; decision: Shared }) {
  const mentee = engagement.side === "mentee";
  const applied = useEngagementUpdate(engagement.id);
  const unshare = useMutation({
    mutationFn: () =>
      call(
        api["engagement-decisions"][":id"].$delete({ param: { id: encodeURIComponent(decision.shareId) } }),
      ),
    onSuccess: (updated) => applied(updated, `${engagement.mentor.name} no longer reads this decision`),
  });
  const open = engagement.state === "active" || engagement.state === "closing";
  return (
    <li className="engagement-item engagement-decision">
      <div>
        <h3 className="engagement-subtitle">{decision.dilemma}</h3>
        <ul className="small">
          {decision.options.map((o) => (
            <li key={o.label}>
              {o.label}
              {o.servesSkipJob ? <span className="muted"> — {o.servesSkipJob}</span> : null}
            </li>
          ))}
        </ul>
        <p className="small">
          <strong>Decided:</strong> {decision.decision}
          {decision.reason ? <span className="muted"> Why: {decision.reason}</span> : null}
        </p>
        {decision.comments.length > 0 ? (
          <ul className="engagement-comments" aria-label="Comments">
            {decision.comments.map((c) => (
              <CommentItem key={`${c.id}:${c.version}`} engagement={engagement} comment={c} />
            ))}
          </ul>
        ) : (
          <p className="muted small">No comments yet.</p>
        )}
        {!mentee && open ? <CommentForm engagement={engagement} decision={decision} /> : null}
        {unshare.isError ? <Alert tone="error">{unshare.error.message}</Alert> : null}
      </div>
      {mentee ? (
        <div className="engagement-actions">
          <Link
            to="/decisions/$id"
            params={{ id: decision.decisionId }}
            className={buttonClass("ghost", "small")}
          >
            Open in your journal
          </Link>
          <Button variant="ghost" size="small" pending={unshare.isPending} onClick={() => unshare.mutate()}>
            Stop sharing
          </Button>
        </div>
      ) : null}
    </li>
  );
}
