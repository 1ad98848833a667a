import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, Download, Megaphone, Printer } from "lucide-react";
import {
  composeRelease,
  type PressRelease,
  type PressReleaseInput,
  pressReleaseLimits,
} from "../../../shared/story.ts";
import { api, call } from "../../api.ts";
import { useMe } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { ReleaseBody } from "./release-body.tsx";
import { pressReleaseQuery, storyEntriesQuery } from "./story-api.ts";
import "./story.css";

type Values = {
  headline: string;
  subhead: string;
  problem: string;
  whatIDid: string;
  quote: string;
  quoteBy: string;
  whatsNext: string;
  entryIds: string[];
};

const labels: Record<keyof Values, string> = {
  headline: "Headline",
  subhead: "Subhead",
  problem: "The problem",
  whatIDid: "What I did",
  quote: "A quote",
  quoteBy: "Who said it",
  whatsNext: "What's next",
  entryIds: "Entries",
};

const toValues = (release: PressRelease): Values => ({
  headline: release.headline,
  subhead: release.subhead,
  problem: release.problem,
  whatIDid: release.whatIDid,
  quote: release.quote,
  quoteBy: release.quoteBy,
  whatsNext: release.whatsNext,
  entryIds: [...release.entryIds],
});

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

function ReleaseForm({ release }: { release: PressRelease }) {
  const { user } = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const entries = useQuery(storyEntriesQuery);
  const form = useSchemaForm(toValues(release), {
    schema: () => import("../../../shared/story.ts").then((m) => m.pressReleaseInput),
    draftKey: `sidecar:draft:${user.id}:press-release`,
    version: release.version,
  });
  const save = async (input: PressReleaseInput) => {
    const saved = await call(api.story["press-release"].$put({ json: { ...input, version: form.version } }));
    form.clearDraft();
    form.markSaved(saved.version, toValues(saved));
    queryClient.setQueryData(pressReleaseQuery.queryKey, saved);
    toast({ title: "Press release saved" });
  };
  const exportMarkdown = useMutation({
    mutationFn: () => call(api.story["press-release"].markdown.$get()),
    onSuccess: ({ filename, markdown }) => download(filename, markdown),
    onError: (error) =>
      toast({ title: "The Markdown could not be made", description: error.message, tone: "error" }),
  });
  const preview = composeRelease({ ...release, ...form.values });
  const text = (key: Exclude<keyof Values, "entryIds">, max: number, hint?: string, rows = 3) => (
    <TextAreaField
      label={labels[key]}
      {...form.field(key)}
      hint={
        hint ??
        (key in release.draft && release.draft[key as keyof PressRelease["draft"]]
          ? `Left empty, it reads: “${release.draft[key as keyof PressRelease["draft"]].slice(0, 140)}${release.draft[key as keyof PressRelease["draft"]].length > 140 ? "…" : ""}”`
          : undefined)
      }
      optional
      rows={rows}
      maxLength={max}
    />
  );
  return (
    <div className="stack-lg">
      <Card
        id="release-form"
        title="Write it"
        icon={<Megaphone size={18} />}
        description={
          release.skipJob
            ? `Aimed at your skip job: ${release.skipJob}. Empty fields use a draft from your entries.`
            : "Aimed at your skip job (set it in your career plan). Empty fields use a draft from your entries."
        }
      >
        <ValidatedForm form={form} onSave={save} aria-labelledby="release-form-title">
          <ConflictNotice
            form={form}
            labels={labels}
            loadLatest={async () => {
              const latest = await call(api.story["press-release"].$get());
              queryClient.setQueryData(pressReleaseQuery.queryKey, latest);
              return { values: toValues(latest), version: latest.version };
            }}
          />
          {form.draftRestored ? (
            <Alert tone="info">We kept what you had not saved yet. Check it, then save.</Alert>
          ) : null}
          <CheckboxGroup
            legend="Built from these entries"
            hint="Up to five. None picked means all of them."
            name="entryIds"
            options={(entries.data?.entries ?? []).map((entry) => ({ value: entry.id, label: entry.title }))}
            value={form.values.entryIds}
            onChange={(value) => form.set("entryIds", value)}
            error={form.errors.entryIds}
          />
          <TextField
            label={labels.headline}
            {...form.field("headline")}
            hint={
              release.draft.headline
                ? `Left empty, it reads: “${release.draft.headline}”`
                : "Such as “Ada turns a leaking checkout into a growth engine”."
            }
            optional
            maxLength={pressReleaseLimits.headline}
          />
          {text("subhead", pressReleaseLimits.subhead, undefined, 2)}
          {text("problem", pressReleaseLimits.problem)}
          {text("whatIDid", pressReleaseLimits.whatIDid, undefined, 5)}
          {text("quote", pressReleaseLimits.quote, "What a customer, peer or leader said about the work.", 2)}
          <TextField label={labels.quoteBy} {...form.field("quoteBy")} optional maxLength={120} />
          {text("whatsNext", pressReleaseLimits.whatsNext)}
          <FormActions>
            <SubmitButton>Save the release</SubmitButton>
          </FormActions>
        </ValidatedForm>
      </Card>
      <Card
        title="Preview"
        actions={
          <div className="row">
            <Button
              variant="secondary"
              size="small"
              pending={exportMarkdown.isPending}
              onClick={() => exportMarkdown.mutate()}
            >
              <Download size={16} aria-hidden="true" />
              Download Markdown
            </Button>
            <Link to="/story/press-release/print" className={buttonClass("secondary", "small")}>
              <Printer size={16} aria-hidden="true" />
              Printable page
            </Link>
          </div>
        }
        description="Markdown and the printable page use the saved release: save first."
      >
        <div className="release-preview">
          <ReleaseBody release={preview} author={user.name} />
        </div>
      </Card>
    </div>
  );
}

export function PressReleasePage() {
  useTitle("Press release for your career");
  const query = useQuery(pressReleaseQuery);
  return (
    <>
      <PageHeader
        before={
          <Link to="/story" className="breadcrumb">
            <ArrowLeft size={16} aria-hidden="true" />
            Career story
          </Link>
        }
        title="Press release for your career"
        description="One page that tells the person who could hire you for your skip job what you did and why it matters: a headline, the problem, what you did, a quote and what's next."
      />
      <QueryState query={query} loading="Loading your press release…" failed="Your press release">
        {(release) => <ReleaseForm release={release} />}
      </QueryState>
    </>
  );
}

export function PrintPressReleasePage() {
  useTitle("Press release");
  const { user } = useMe();
  const query = useQuery(pressReleaseQuery);
  return (
    <main id="main" className="print-page">
      <div className="print-actions">
        <Link to="/story/press-release" className={buttonClass("ghost", "small")}>
          <ArrowLeft size={16} aria-hidden="true" />
          Back to the editor
        </Link>
        <Button size="small" onClick={() => window.print()}>
          <Printer size={16} aria-hidden="true" />
          Print or save as PDF
        </Button>
      </div>
      <QueryState query={query} loading="Loading your press release…" failed="Your press release">
        {(release) => <ReleaseBody release={composeRelease(release)} author={user.name} />}
      </QueryState>
    </main>
  );
}
