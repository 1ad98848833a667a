import { Copy, Mail } from "lucide-react";
import { lazy, useState } from "react";
import type { FeedbackRequest } from "../../../shared/feedback.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import type { Invited } from "./invite-form.tsx";

// The form, its schema and the form library arrive once the page is on screen, into a slot that keeps
// the form's height, so nothing below it moves.
const InviteForm = lazy(() => import("./invite-form.tsx"));

function CopyLink({ link, index }: { link: string; index: number }) {
  const [copied, setCopied] = useState(false);
  return (
    <li className="copy-link">
      <input className="input" readOnly value={link} aria-label={`Link ${index + 1}`} />
      <Button
        variant="secondary"
        size="small"
        icon={<Copy size={16} aria-hidden="true" />}
        onClick={async () => {
          await navigator.clipboard?.writeText(link).catch(() => {});
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy"}
        <span className="visually-hidden"> link {index + 1}</span>
      </Button>
    </li>
  );
}

/** Inviting people to an open request: by email, or single-use links shown once to copy. */
export function InviteCard({ request }: { request: FeedbackRequest }) {
  const [invited, setInvited] = useState<Invited>({ links: [], alreadyInvited: [] });
  const { links, alreadyInvited: skipped } = invited;
  return (
    <Card
      id="invite"
      title="Invite people"
      icon={<Mail size={18} />}
      description="Each person gets a link that works once. Ask people who see your work from different angles, including some who don't always agree with you."
    >
      <div className="invite-form-slot">
        <AfterPaint component={InviteForm} props={{ request, onInvited: setInvited }} />
      </div>
      <div className="invite-extra">
        {skipped.length > 0 ? (
          <Alert tone="info">Already invited, so not emailed again: {skipped.join(", ")}</Alert>
        ) : null}
        {links.length > 0 ? (
          <div className="stack">
            <Alert tone="warning" title="Copy these links now">
              Sidecar keeps only a fingerprint of each link, so it cannot show them again. Send one link to
              each person.
            </Alert>
            <ul className="copy-links">
              {links.map((link, index) => (
                <CopyLink key={link} link={link} index={index} />
              ))}
            </ul>
          </div>
        ) : null}
        {request.invitations.emails.length > 0 ? (
          <details className="invited">
            <summary>People you invited by email ({request.invitations.emails.length})</summary>
            <p className="small muted">Sidecar never shows who has answered.</p>
            <ul className="small">
              {request.invitations.emails.map((email) => (
                <li key={email}>{email}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
