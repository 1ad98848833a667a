import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, Download, Megaphone, Printer } from "lucide-react";
import {
  type ComposedRelease,
  composeRelease,
  type PressRelease,
  pressReleaseInput,
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
import { Form, FormActions, useFormState } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
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

/** The one-page release itself, the same on the page, in print and (as Markdown) in the export. */
export function ReleaseBody({ release, author }: { release: ComposedRelease; author: string }) {
  return (
    <article className="press-release" aria-label="Press release">
      <h1>{release.headline || "My career, in one page"}</h1>
      {release.subhead ? <p className="release-subhead">{release.subhead}</p> : null}
      <p className="small muted">By {author}</p>
      {release.problem ? (
        <>
          <h2>The problem</h2>
          <p>{release.problem}</p>
        </>
      ) : null}
      {release.whatIDid ? (
        <>
          <h2>What I did</h2>
          <p>{release.whatIDid}</p>
        </>
      ) : null}
      {release.quote ? (
        <blockquote>
          <p>“{release.quote}”</p>
          {release.quoteBy ? <p className="small muted">— {release.quoteBy}</p> : null}
        </blockquote>
      ) : null}
      {release.whatsNext ? (
        <>
          <h2>What's next</h2>
          <p>{release.whatsNext}</p>
        </>
      ) : null}
    </article>
  );
}

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
  const form = useFormState<Values>(toValues(release), {
    draftKey: `sidecar:draft:${user.id}:press-release`,
    version: release.version,
  });
  const save = useMutation({
    mutationFn: (input: ReturnType<typeof pressReleaseInput.parse>) =>
      call(api.story["press-release"].$put({ json: { ...input, version: form.version } })),
    onSuccess: (saved) => {
      form.clearDraft();
      form.markSaved(saved.version, toValues(saved));
      queryClient.setQueryData(pressReleaseQuery.queryKey, saved);
      toast({ title: "Press release saved" });
    },
    onError: (error) => form.showApiError(error),
  });
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
      name={key}
      value={form.values[key]}
      onValueChange={(value) => form.set(key, value)}
      error={form.errors[key]}
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
        <Form
          onSubmit={() => {
            const input = form.validate(pressReleaseInput, form.values);
            if (input) save.mutate(input);
          }}
          formRef={form.formRef}
          error={form.formError}
          aria-labelledby="release-form-title"
        >
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
            name="headline"
            value={form.values.headline}
            onValueChange={(value) => form.set("headline", value)}
            error={form.errors.headline}
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
          <TextField
            label={labels.quoteBy}
            name="quoteBy"
            value={form.values.quoteBy}
            onValueChange={(value) => form.set("quoteBy", value)}
            error={form.errors.quoteBy}
            optional
            maxLength={120}
          />
          {text("whatsNext", pressReleaseLimits.whatsNext)}
          <FormActions>
            <Button type="submit" pending={save.isPending}>
              Save the release
            </Button>
          </FormActions>
        </Form>
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
      {query.isPending ? (
        <LoadingState label="Loading your press release…" />
      ) : query.isError ? (
        <Alert tone="error">Your press release could not be loaded. {query.error.message}</Alert>
      ) : (
        <ReleaseForm release={query.data} />
      )}
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
      {query.isPending ? (
        <LoadingState label="Loading your press release…" />
      ) : query.isError ? (
        <Alert tone="error">Your press release could not be loaded. {query.error.message}</Alert>
      ) : (
        <ReleaseBody release={composeRelease(query.data)} author={user.name} />
      )}
    </main>
  );
}
