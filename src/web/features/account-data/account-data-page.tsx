import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Download, FileJson, Trash2 } from "lucide-react";
import { useState } from "react";
import type { DeleteAccountInput } from "../../../shared/account-data.ts";
import {
  type AccountExportState,
  accountDataContents,
  accountExportKeepDays,
  accountExportStateLabels,
} from "../../../shared/account-data-words.ts";
import { useMe, useMomentFormat } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import {
  accountExportQuery,
  downloadExport,
  downloadStory,
  useDeleteAccount,
  useStartExport,
} from "./account-data-api.ts";
import "./account-data.css";

export function AccountDataPage() {
  useTitle("Your data");
  return (
    <>
      <PageHeader
        title="Your data"
        description="Everything you wrote in Sidecar is yours: take a copy of all of it, or delete your account."
      />
      <div className="stack-lg">
        <ExportCard />
        <DeleteCard />
      </div>
    </>
  );
}

type ExportStatus = {
  id: string;
  state: AccountExportState;
  sectionsDone: number;
  sectionsTotal: number;
  requestedAt: string;
  readyAt: string | null;
  expiresAt: string | null;
};

function ExportCard() {
  const query = useQuery(accountExportQuery);
  const start = useStartExport();
  const [error, setError] = useState<string | null>(null);

  function prepare() {
    setError(null);
    start.mutate(undefined, { onError: (failure) => setError(failure.message) });
  }

  return (
    <Card
      id="export"
      title="Download all your data"
      icon={<FileJson size={18} />}
      description={`One JSON file with everything below, and your career story as Markdown. Sidecar gathers it in the background and emails you when it is ready; the file is kept for ${accountExportKeepDays} days.`}
    >
      <div className="stack">
        <ul className="data-contents">
          {accountDataContents.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="muted">
          Feedback results appear exactly as on their results page: never one person's answers, and nothing
          before enough people answered. Other people's private notes are never included.
        </p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <QueryState query={query} loading="Loading your export…" failed="Your export">
          {(data) => <ExportState status={data.export} onPrepare={prepare} preparing={start.isPending} />}
        </QueryState>
      </div>
    </Card>
  );
}

function ExportState({
  status,
  onPrepare,
  preparing,
}: {
  status: ExportStatus | null;
  onPrepare: () => void;
  preparing: boolean;
}) {
  const { moment, day } = useMomentFormat();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<"json" | "story" | null>(null);

  async function save(what: "json" | "story", requestedAt: string) {
    setDownloadError(null);
    setDownloading(what);
    try {
      if (what === "json") await downloadExport(requestedAt);
      else await downloadStory();
    } catch (failure) {
      setDownloadError(failure instanceof Error ? failure.message : "The download failed. Try again.");
    } finally {
      setDownloading(null);
    }
  }

  if (!status) {
    return (
      <div className="card-footer">
        <p className="muted">You have not exported your data yet. Prepare an export to get a copy.</p>
        <Button pending={preparing} onClick={onPrepare}>
          Prepare my export
        </Button>
      </div>
    );
  }
  if (status.state === "queued" || status.state === "running") {
    return (
      <div className="data-progress" aria-live="polite">
        <label htmlFor="export-progress">
          {accountExportStateLabels[status.state]}: {status.sectionsDone} of {status.sectionsTotal} parts
        </label>
        <progress id="export-progress" max={status.sectionsTotal} value={status.sectionsDone} />
        <p className="muted">You can leave this page: we will email you when it is ready.</p>
      </div>
    );
  }
  if (status.state === "ready") {
    return (
      <div className="data-progress" aria-live="polite">
        <Alert tone="success" title="Your export is ready">
          Prepared {moment(status.readyAt ?? status.requestedAt)}; you can download it until{" "}
          {day(status.expiresAt ?? status.requestedAt)}.
        </Alert>
        {downloadError ? <Alert tone="error">{downloadError}</Alert> : null}
        <div className="data-actions">
          <Button pending={downloading === "json"} onClick={() => void save("json", status.requestedAt)}>
            <Download size={16} aria-hidden="true" />
            Download my data (JSON)
          </Button>
          <Button
            variant="secondary"
            pending={downloading === "story"}
            onClick={() => void save("story", status.requestedAt)}
          >
            <Download size={16} aria-hidden="true" />
            Download my story (Markdown)
          </Button>
          <Button variant="ghost" pending={preparing} onClick={onPrepare}>
            Prepare a fresh export
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="card-footer">
      <Alert tone={status.state === "failed" ? "error" : "info"}>
        {status.state === "failed"
          ? "Your last export could not be built. Try again; if it keeps failing, tell the people who run this Sidecar."
          : `Your last export expired after ${accountExportKeepDays} days and was deleted. Prepare a new one.`}
      </Alert>
      <Button pending={preparing} onClick={onPrepare}>
        Prepare my export
      </Button>
    </div>
  );
}

function DeleteCard() {
  const { user } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useDeleteAccount();
  const form = useSchemaForm(
    { password: "", code: "", confirm: false },
    {
      schema: () => import("../../../shared/account-data.ts").then((m) => m.deleteAccountInput),
      toInput: ({ password, code, confirm }) => ({
        password,
        confirm,
        ...(user.twoFactorEnabled ? { code: code.trim() } : {}),
      }),
    },
  );

  async function submit(input: DeleteAccountInput) {
    await remove.mutateAsync(input);
    queryClient.clear();
    await navigate({ to: "/sign-in" });
    toast({
      title: "Your account is deleted",
      description: "Everything of yours is gone. You can sign up again with the same email as a new person.",
    });
  }

  return (
    <Card
      id="delete-account"
      title="Delete my account"
      icon={<Trash2 size={18} />}
      iconTone="warning"
      description="This cannot be undone. Download your data first if you want a copy."
    >
      <div className="stack">
        <div className="data-keeps">
          <div>
            <h3>Deleted at once</h3>
            <ul>
              <li>Your plan, tours, decisions, lanes, portfolio, story and diagnostics</li>
              <li>Your feedback requests and their results</li>
              <li>
                Your mentor profile, your notes and reviews, what you share and what others shared with you
              </li>
              <li>Every session: you are signed out everywhere</li>
            </ul>
          </div>
          <div>
            <h3>Stays for others</h3>
            <ul>
              <li>Your circle and community posts, shown as by "a former member"</li>
              <li>Feedback you gave, still anonymous</li>
              <li>Your mentors' and mentees' own notes; your engagements end for them</li>
            </ul>
          </div>
        </div>
        <ValidatedForm form={form} onSave={submit}>
          <div className="form-grid">
            <TextField
              label="Your password"
              type="password"
              autoComplete="current-password"
              {...form.field("password")}
              required
            />
            {user.twoFactorEnabled ? (
              <TextField
                label="Code from your authenticator app"
                inputMode="numeric"
                autoComplete="one-time-code"
                {...form.field("code")}
                required
              />
            ) : null}
          </div>
          <label className="checkbox-option">
            <input
              type="checkbox"
              name="confirm"
              checked={form.values.confirm}
              aria-invalid={form.errors.confirm ? true : undefined}
              aria-describedby={form.errors.confirm ? "confirm-error" : undefined}
              onChange={(event) => form.set("confirm", event.target.checked)}
            />
            <span>I understand that my account and all my data will be deleted for good</span>
          </label>
          {form.errors.confirm ? (
            <p id="confirm-error" className="field-error">
              {form.errors.confirm}
            </p>
          ) : null}
          <FormActions>
            <SubmitButton variant="danger">Delete my account and data</SubmitButton>
          </FormActions>
        </ValidatedForm>
      </div>
    </Card>
  );
}
