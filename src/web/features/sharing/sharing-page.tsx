import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertCircle, Share2, Trash2, UserRound } from "lucide-react";
import { useState } from "react";
import {
  type ShareGrant,
  type ShareGrantList,
  type ShareInput,
  shareInput,
  sharePartDescriptions,
  sharePartLabels,
  shareParts,
} from "../../../shared/sharing.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { describedBy, TextField } from "../../ui/field.tsx";
import { Form, FormActions, useFormState } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { shareGrantsQuery } from "./sharing-api.ts";
import "./sharing.css";

function ShareForm() {
  const queryClient = useQueryClient();
  const form = useFormState<{ email: string; parts: string[] }>({ email: "", parts: [] });
  const [done, setDone] = useState<string | null>(null);
  const partsError = form.errors.parts ?? form.errors["parts.0"];
  const share = useMutation({
    mutationFn: (input: ShareInput) => call(api.sharing.grants.$post({ json: input })),
    onSuccess: (result) => {
      queryClient.setQueryData<ShareGrantList>(shareGrantsQuery.queryKey, { grants: result.grants });
      form.setValues({ email: "", parts: [] });
      setDone(result.message);
    },
    onError: (error) => form.showApiError(error, ["email", "parts"]),
  });
  return (
    <Card
      id="share-form"
      title="Share with a member"
      icon={<Share2 size={18} />}
      description="They see the parts you pick, read-only, from the moment you share until you revoke. They can never change anything, and never see your decisions, your feedback or the notes on your roles."
    >
      <Form
        onSubmit={() => {
          setDone(null);
          const input = form.validate(shareInput);
          if (input) share.mutate(input);
        }}
        formRef={form.formRef}
        error={form.formError}
        aria-labelledby="share-form-title"
      >
        <div className="form-grid">
          <TextField
            label="Their email"
            name="email"
            type="email"
            autoComplete="off"
            value={form.values.email}
            onValueChange={(value) => form.set("email", value)}
            error={form.errors.email}
            hint="The email they sign in to Sidecar with, such as a mentor or your manager."
          />
        </div>
        <fieldset
          className="choice-group"
          aria-describedby={describedBy("share-parts", false, partsError)}
          aria-invalid={partsError ? true : undefined}
          tabIndex={-1}
        >
          <legend className="field-label">Parts to share</legend>
          <div className="choice-options">
            {shareParts.map((part) => (
              <label key={part} className="choice">
                <input
                  type="checkbox"
                  name="parts"
                  value={part}
                  checked={form.values.parts.includes(part)}
                  onChange={(event) =>
                    form.set(
                      "parts",
                      shareParts.filter((p) =>
                        p === part ? event.target.checked : form.values.parts.includes(p),
                      ),
                    )
                  }
                />
                <span>
                  <span className="choice-label">{sharePartLabels[part]}</span>
                  <span className="choice-hint">{sharePartDescriptions[part]}</span>
                </span>
              </label>
            ))}
          </div>
          {partsError ? (
            <p id="share-parts-error" className="field-error">
              <AlertCircle size={16} aria-hidden="true" />
              <span>{partsError}</span>
            </p>
          ) : null}
        </fieldset>
        <FormActions>
          <Button type="submit" pending={share.isPending}>
            Share
          </Button>
        </FormActions>
        {done ? <Alert tone="success">{done}</Alert> : null}
      </Form>
    </Card>
  );
}

function GrantList({ grants }: { grants: ShareGrant[] }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const revoke = useMutation({
    mutationFn: (grant: ShareGrant) =>
      call(api.sharing.grants[":id"].$delete({ param: { id: encodeURIComponent(grant.id) } })),
    onSuccess: (result, grant) => {
      queryClient.setQueryData<ShareGrantList>(shareGrantsQuery.queryKey, result);
      toast({
        title: "Share revoked",
        description: `${grant.granteeEmail} no longer sees your ${sharePartLabels[grant.part].toLowerCase()}.`,
      });
    },
    onError: (error) =>
      toast({ title: "The share was not revoked", description: error.message, tone: "error" }),
  });
  const byEmail = new Map<string, ShareGrant[]>();
  for (const grant of grants)
    byEmail.set(grant.granteeEmail, [...(byEmail.get(grant.granteeEmail) ?? []), grant]);
  return (
    <Card
      id="share-grants"
      title="What you share"
      icon={<UserRound size={18} />}
      description="Revoking takes effect at once: their next page load no longer shows the part."
    >
      <ul className="share-grants">
        {[...byEmail.entries()].map(([email, list]) => (
          <li key={email} className="share-grantee">
            <h3 className="share-grantee-email">{email}</h3>
            <ul className="share-parts">
              {list.map((grant) => (
                <li key={grant.id} className="row-between share-part">
                  <span>{sharePartLabels[grant.part]}</span>
                  <Button
                    variant="ghost"
                    size="small"
                    icon={<Trash2 size={16} aria-hidden="true" />}
                    pending={revoke.isPending && revoke.variables?.id === grant.id}
                    onClick={() => revoke.mutate(grant)}
                  >
                    Revoke
                    <span className="visually-hidden">
                      {" "}
                      {sharePartLabels[grant.part]} for {email}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function SharingPage() {
  useTitle("What I share");
  const query = useQuery(shareGrantsQuery);
  return (
    <>
      <PageHeader
        title="What I share"
        description="Everything you write is private until you share it. Share chosen parts, read-only, with a member you name by email, and revoke any time."
      />
      <div className="stack-lg">
        <ShareForm />
        {query.isPending ? (
          <LoadingState label="Loading what you share…" />
        ) : query.isError ? (
          <LoadFailed what="What you share" error={query.error} retry={() => void query.refetch()} />
        ) : query.data.grants.length === 0 ? (
          <Card>
            <EmptyState icon={<UserRound size={24} />} title="You share nothing yet">
              Enter the email of a mentor, coach or manager above and pick what they may see. Only those
              parts, read-only; you can revoke them here at any time.
            </EmptyState>
          </Card>
        ) : (
          <GrantList grants={query.data.grants} />
        )}
      </div>
    </>
  );
}
