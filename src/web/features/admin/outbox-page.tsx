import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Inbox } from "lucide-react";
import { useMomentFormat } from "../../session.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { mailKindLabels, outboxQuery, statusLabels } from "./admin-api.ts";
import { Pagination } from "./pagination.tsx";

const route = getRouteApi("/app/admin/outbox");

export function OutboxPage() {
  useTitle("Outbox");
  const format = useMomentFormat();
  const { page = 1 } = route.useSearch();
  const navigate = useNavigate({ from: "/admin/outbox" });
  const query = useQuery(outboxQuery(page));

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every email Sidecar has sent or kept. Without SMTP settings, messages are kept here instead of sent, so you can pass links on by hand. Once a message is delivered, its text is removed and only who, what and when stay."
      />
      <QueryState
        query={query}
        loading="Loading messages…"
        failed="The outbox"
        isEmpty={(data) => data.messages.length === 0}
        empty={
          <div className="card">
            <EmptyState icon={<Inbox size={22} />} title="No messages yet">
              When Sidecar emails someone, such as a confirmation link or a password reset, the message
              appears here.
            </EmptyState>
          </div>
        }
      >
        {(data) => (
          <>
            <div className="table-wrap" aria-busy={query.isFetching || undefined}>
              <table className="table table-responsive">
                <caption className="visually-hidden">Messages</caption>
                <thead>
                  <tr>
                    <th scope="col">Subject</th>
                    <th scope="col">To</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {data.messages.map((message) => {
                    const status = statusLabels[message.status] ?? { label: message.status, tone: "badge" };
                    return (
                      <tr key={message.id}>
                        <td data-label="Subject">
                          <Link to="/admin/outbox/$id" params={{ id: message.id }} className="cell-primary">
                            {message.subject || "(no subject)"}
                          </Link>
                          <span className="cell-secondary">
                            {mailKindLabels[message.kind] ?? message.kind}
                          </span>
                        </td>
                        <td data-label="To">{message.to}</td>
                        <td data-label="Status">
                          <span className={status.tone}>{status.label}</span>
                          {message.bodyRemovedAt ? (
                            <span className="cell-secondary">Text removed after delivery</span>
                          ) : null}
                        </td>
                        <td data-label="Created">{format.moment(message.createdAt)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              noun={data.total === 1 ? "message" : "messages"}
              onPage={(next) => void navigate({ search: { page: next > 1 ? next : undefined } })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
