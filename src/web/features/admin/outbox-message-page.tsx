import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, MailX } from "lucide-react";
import { ApiError } from "../../api.ts";
import { useMomentFormat } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { RecordNotFound } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { mailKindLabels, outboxMessageQuery, statusLabels } from "./admin-api.ts";
import "./admin.css";

const route = getRouteApi("/app/admin/outbox/$id");

function BackLink() {
  return (
    <Link to="/admin/outbox" className="breadcrumb">
      <ArrowLeft size={16} aria-hidden="true" />
      Outbox
    </Link>
  );
}

export function OutboxMessagePage() {
  const { id } = route.useParams();
  const format = useMomentFormat();
  const query = useQuery(outboxMessageQuery(id));
  useTitle(query.data ? query.data.message.subject || "Message" : "Message");

  if (query.isPending) return <LoadingState label="Loading message…" />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) {
      return (
        <RecordNotFound
          thing="message"
          before={<BackLink />}
          icon={<MailX size={22} />}
          back={
            <Link to="/admin/outbox" className={buttonClass("secondary")}>
              Back to the outbox
            </Link>
          }
        />
      );
    }
    return (
      <>
        <PageHeader before={<BackLink />} title="Message" />
        <Alert tone="error" title="Couldn't load this message">
          <div className="stack">
            <span>{query.error.message}</span>
            <div>
              <Button variant="secondary" size="small" onClick={() => query.refetch()}>
                Try again
              </Button>
            </div>
          </div>
        </Alert>
      </>
    );
  }

  const { message } = query.data;
  const status = statusLabels[message.status] ?? { label: message.status, tone: "badge" };
  return (
    <>
      <PageHeader before={<BackLink />} title={message.subject || "(no subject)"} />
      <div className="stack-lg">
        <Card>
          <dl className="message-meta">
            <dt>To</dt>
            <dd>{message.to}</dd>
            <dt>Kind</dt>
            <dd>{mailKindLabels[message.kind] ?? message.kind}</dd>
            <dt>Status</dt>
            <dd>
              <span className={status.tone}>{status.label}</span>
            </dd>
            <dt>Created</dt>
            <dd>{format.moment(message.createdAt)}</dd>
            {message.sentAt ? (
              <>
                <dt>Sent</dt>
                <dd>{format.moment(message.sentAt)}</dd>
              </>
            ) : null}
            {message.error ? (
              <>
                <dt>Error</dt>
                <dd>{message.error}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        {message.bodyRemovedAt ? (
          <Card id="message-text" title="Message">
            <p className="body-removed">
              The text of this message was removed after delivery, on {format.moment(message.bodyRemovedAt)},
              so the links in it (confirmation, password reset, feedback) are kept only by its recipient. The
              recipient, subject, kind, status and dates stay.
            </p>
          </Card>
        ) : (
          <Card
            id="message-text"
            title="Message"
            description="The plain-text part, as the recipient's mail program shows it."
          >
            <pre className="message-text">{message.text}</pre>
          </Card>
        )}
      </div>
    </>
  );
}
