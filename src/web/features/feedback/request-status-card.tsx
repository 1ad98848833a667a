import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Download, Mail, Users } from "lucide-react";
import { lazy, useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { FeedbackRequest } from "../../../shared/feedback.ts";
import { api, call } from "../../api.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { DeleteButton } from "../../ui/delete-button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { FormActions } from "../../ui/form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { responseCountText } from "./feedback-api.ts";
import { useRequestUpdate } from "./use-request-update.ts";

// The settings form (and the form library with it) arrives once the page is on screen; it sits in a
// closed disclosure, so nothing on screen moves when it does.
const SettingsForm = lazy(() => import("./request-settings-form.tsx"));

/** Where a request stands: the count, the dates, and closing, reminding, exporting and deleting. */
export function RequestStatusCard({ request }: { request: FeedbackRequest }) {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useRequestUpdate(request.id);
  const [confirm, setConfirm] = useState<"close" | "delete" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = request.status === "open";

  const act = useMutation({
    mutationFn: async (action: "close" | "remind" | "delete") => {
      const param = { id: encodeURIComponent(request.id) };
      if (action === "delete") return call(api.feedback.requests[":id"].$delete({ param }));
      if (action === "close") return call(api.feedback.requests[":id"].close.$post({ param }));
      return call(api.feedback.requests[":id"].reminder.$post({ param }));
    },
    onSuccess: async (result, action) => {
      setError(null);
      setConfirm(null);
      if (action === "delete") {
        queryClient.removeQueries({ queryKey: ["feedback", "requests", request.id] });
        await queryClient.invalidateQueries({ queryKey: ["feedback"] });
        toast({ title: "Request deleted", description: "Its invitations and answers are gone for good." });
        await navigate({ to: "/feedback" });
        return;
      }
      if ("deleted" in result) return;
      update(result);
      toast({ title: action === "close" ? "Request closed" : "Reminder sent" });
    },
    onError: (e) => {
      setConfirm(null);
      setError(e.message);
    },
  });

  return (
    <Card
      id="request-status"
      title={responseCountText(request.responses, request.minResponses)}
      icon={<Users size={18} />}
      description={
        request.resultsOpen
          ? `Results opened on ${formatCalendarDate(request.openedOn ?? request.createdOn)}. To protect givers, the count now moves only in steps of ${request.minResponses}.`
          : open
            ? `Nothing is shown until ${request.minResponses} people have answered. You see a count, never who answered.`
            : `Fewer than ${request.minResponses} people answered before the request closed, so nothing can be shown without singling someone out.`
      }
      actions={
        <div className="row feedback-actions">
          {open ? (
            <>
              <Button
                variant="secondary"
                size="small"
                icon={<Mail size={16} aria-hidden="true" />}
                disabled={request.reminderSentOn !== null || request.invitations.emails.length === 0}
                pending={act.isPending && act.variables === "remind"}
                onClick={() => act.mutate("remind")}
              >
                {request.reminderSentOn
                  ? `Reminder sent ${formatCalendarDate(request.reminderSentOn)}`
                  : "Send the one reminder"}
              </Button>
              <Button variant="secondary" size="small" onClick={() => setConfirm("close")}>
                Close early
              </Button>
            </>
          ) : null}
          {request.resultsOpen ? (
            <a
              className="button button-secondary button-small"
              href={`/api/feedback/requests/${request.id}/export`}
              download
            >
              <Download size={16} aria-hidden="true" />
              Export results
            </a>
          ) : null}
          <DeleteButton size="small" onClick={() => setConfirm("delete")} what="this request" />
        </div>
      }
    >
      <dl className="feedback-facts small">
        <div>
          <dt>Status</dt>
          <dd>
            {open
              ? `Open until ${formatCalendarDate(request.closesOn)}`
              : `Closed ${formatCalendarDate(request.closedOn ?? request.closesOn)}`}
          </dd>
        </div>
        <div>
          <dt>Responses needed</dt>
          <dd>{request.minResponses}, per question too</dd>
        </div>
        <div>
          <dt>Invited</dt>
          <dd>
            {request.invitations.emails.length} by email, {request.invitations.links} by copied link
          </dd>
        </div>
      </dl>
      {open ? (
        <details className="request-settings">
          <summary>
            Change the closing date{request.minResponsesLocked ? "" : " or the responses needed"}
          </summary>
          <div className="request-settings-slot">
            <AfterPaint component={SettingsForm} props={{ request }} />
          </div>
        </details>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Dialog
        open={confirm !== null}
        onOpenChange={(next) => setConfirm(next ? confirm : null)}
        title={confirm === "delete" ? "Delete this request?" : "Close this request early?"}
        description={
          confirm === "delete"
            ? "Its invitations and every answer are deleted for good, and its links stop working. This cannot be undone."
            : "Links stop taking answers now. Answers that have not reached you yet stay hidden for good if fewer than k people gave them."
        }
      >
        <FormActions>
          <Button
            variant={confirm === "delete" ? "danger" : "primary"}
            pending={act.isPending}
            onClick={() => confirm && act.mutate(confirm)}
          >
            {confirm === "delete" ? "Delete request" : "Close request"}
          </Button>
          <Button variant="ghost" onClick={() => setConfirm(null)}>
            Cancel
          </Button>
        </FormActions>
      </Dialog>
    </Card>
  );
}
