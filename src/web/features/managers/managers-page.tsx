import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Check, Mail, UserRound, UsersRound, X } from "lucide-react";
import { useState } from "react";
import type { InviteReportInput, ManagerLink } from "../../../shared/managers.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { managersQuery } from "./managers-api.ts";
import "./managers.css";

function InviteForm() {
  const queryClient = useQueryClient();
  const form = useSchemaForm(
    { email: "" },
    { schema: () => import("../../../shared/managers.ts").then((m) => m.inviteReportInput) },
  );
  const [done, setDone] = useState<string | null>(null);
  const invite = async (input: InviteReportInput) => {
    setDone(null);
    const { message, ...overview } = await call(api.managers.invitations.$post({ json: input }));
    queryClient.setQueryData(managersQuery.queryKey, overview);
    form.setValues({ email: "" });
    setDone(message);
  };
  return (
    <Card
      id="invite-report"
      title="Invite a direct report"
      icon={<Mail size={18} />}
      description="They get an email and decide: accept or decline. Once linked, you see nothing of theirs until they invite you into it."
    >
      <ValidatedForm
        form={form}
        onSave={invite}
        onFocus={() => setDone(null)}
        aria-labelledby="invite-report-title"
      >
        <div className="form-grid">
          <TextField
            label="Their email"
            type="email"
            autoComplete="off"
            {...form.field("email")}
            hint="The email they sign in to Sidecar with, or will sign up with."
          />
        </div>
        <FormActions>
          <SubmitButton>Send invitation</SubmitButton>
        </FormActions>
        {done ? <Alert tone="success">{done}</Alert> : null}
      </ValidatedForm>
    </Card>
  );
}

function Invitations({ invitations }: { invitations: ManagerLink[] }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const answer = useMutation({
    mutationFn: async ({ link, accept }: { link: ManagerLink; accept: boolean }) => {
      const param = { id: encodeURIComponent(link.id) };
      const json = { version: link.version };
      if (accept) await call(api["manager-links"][":id"].accept.$post({ param, json }));
      else await call(api["manager-links"][":id"].decline.$post({ param, json }));
    },
    onSuccess: (_result, { link, accept }) => {
      void queryClient.invalidateQueries({ queryKey: managersQuery.queryKey });
      toast({
        title: accept ? `${link.manager.name} is now your manager in Sidecar` : "Invitation declined",
        description: accept ? "They see nothing of yours until you invite them into it." : undefined,
      });
    },
    onError: (error) => {
      void queryClient.invalidateQueries({ queryKey: managersQuery.queryKey });
      toast({ title: "The invitation was not answered", description: error.message, tone: "error" });
    },
  });
  if (invitations.length === 0) return null;
  return (
    <Card id="invitations" title="Invitations for you" icon={<Mail size={18} />}>
      <ul className="managers-list">
        {invitations.map((link) => (
          <li key={link.id} className="managers-person">
            <span>
              <span className="managers-person-name">{link.manager.name}</span>{" "}
              <span className="small muted">
                ({link.manager.email}) invites you to be their direct report.
              </span>
            </span>
            <span className="managers-actions">
              <Button
                size="small"
                icon={<Check size={16} aria-hidden="true" />}
                pending={answer.isPending && answer.variables?.link.id === link.id && answer.variables.accept}
                onClick={() => answer.mutate({ link, accept: true })}
              >
                Accept
                <span className="visually-hidden"> {link.manager.name}</span>
              </Button>
              <Button
                size="small"
                variant="secondary"
                icon={<X size={16} aria-hidden="true" />}
                pending={
                  answer.isPending && answer.variables?.link.id === link.id && !answer.variables.accept
                }
                onClick={() => answer.mutate({ link, accept: false })}
              >
                Decline
                <span className="visually-hidden"> {link.manager.name}</span>
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function MyManager({ link }: { link: ManagerLink | null }) {
  return (
    <Card id="my-manager" title="My manager" icon={<UserRound size={18} />}>
      {link ? (
        <div className="managers-person">
          <span>
            <span className="managers-person-name">{link.manager.name}</span>{" "}
            <span className="small muted">({link.manager.email})</span>
          </span>
          <Link
            to="/managers/$linkId"
            params={{ linkId: link.id }}
            className={buttonClass("secondary", "small")}
          >
            Check-ins and what I share
          </Link>
        </div>
      ) : (
        <EmptyState icon={<UserRound size={24} />} title="No manager in Sidecar" headingLevel={3}>
          When your manager invites you by email, the invitation appears here to accept or decline. You decide
          what they see, area by area.
        </EmptyState>
      )}
    </Card>
  );
}

function MyReports({ links }: { links: ManagerLink[] }) {
  return (
    <Card id="my-reports" title="My reports" icon={<UsersRound size={18} />}>
      {links.length === 0 ? (
        <EmptyState icon={<UsersRound size={24} />} title="No reports yet" headingLevel={3}>
          Invite a direct report by email below. Check-ins start from “what can I help you with?”, and you see
          only what they invite you into.
        </EmptyState>
      ) : (
        <ul className="managers-list">
          {links.map((link) => (
            <li key={link.id} className="managers-person">
              <span>
                <span className="managers-person-name">{link.report?.name ?? link.reportEmail}</span>{" "}
                {link.state === "invited" ? (
                  <span className="badge badge-warning">Invited</span>
                ) : (
                  <span className="small muted">({link.report?.email})</span>
                )}
              </span>
              <Link
                to="/managers/$linkId"
                params={{ linkId: link.id }}
                className={buttonClass("secondary", "small")}
              >
                {link.state === "invited" ? "Invitation" : "Check-ins"}
                <span className="visually-hidden"> with {link.report?.name ?? link.reportEmail}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function ManagersPage() {
  useTitle("Managers");
  const query = useQuery(managersQuery);
  return (
    <>
      <PageHeader
        title="Managers"
        description="A manager earns the right to help: they ask “what can I help you with?” and wait to be invited in. They see only what the report shares, for as long as the report wants."
      />
      <div className="stack-lg">
        <QueryState
          query={query}
          loading="Loading your manager and reports…"
          failed="Your manager and reports"
        >
          {(data) => (
            <>
              <Invitations invitations={data.invitations} />
              <MyManager link={data.myManager} />
              <MyReports links={data.myReports} />
            </>
          )}
        </QueryState>
        <InviteForm />
      </div>
    </>
  );
}
