import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, ExternalLink, Mic, Pencil, Trash2 } from "lucide-react";
import { useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import {
  type Cadence,
  cadenceLabels,
  cadences,
  type Thought,
  type ThoughtInput,
  type ThoughtLog,
  thoughtKindLabels,
  thoughtKinds,
} from "../../../shared/story.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { FormActions, isStaleVersion } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { thoughtLogQuery } from "./story-api.ts";
import "./story.css";

type Values = { kind: string; title: string; venue: string; link: string; happenedOn: string };

const toValues = (item: Thought): Values => ({
  kind: item.kind,
  title: item.title,
  venue: item.venue,
  link: item.link,
  happenedOn: item.happenedOn,
});

function LogForm({ editing, onDone }: { editing?: Thought; onDone?: () => void }) {
  const today = useMemberToday();
  const toast = useToast();
  const queryClient = useQueryClient();
  const empty: Values = { kind: "post", title: "", venue: "", link: "", happenedOn: today };
  const form = useSchemaForm(editing ? toValues(editing) : empty, {
    schema: () => import("../../../shared/story.ts").then((m) => m.thoughtInput),
    version: editing?.version,
  });
  const save = useMutation({
    mutationFn: (input: ThoughtInput) =>
      editing
        ? call(
            api.story["thought-leadership"][":id"].$put({
              param: { id: encodeURIComponent(editing.id) },
              json: { ...input, version: form.version },
            }),
          )
        : call(api.story["thought-leadership"].$post({ json: input })),
    onSuccess: (log) => {
      queryClient.setQueryData(thoughtLogQuery.queryKey, log);
      form.setValues(empty);
      toast({ title: editing ? "Changes saved" : "Logged" });
      onDone?.();
    },
  });
  return (
    <Card
      id={editing ? "edit-log-form" : "log-form"}
      title={editing ? `Change “${editing.title}”` : "Log a post, talk or answer"}
      icon={<Mic size={18} />}
    >
      <ValidatedForm
        form={form}
        onSave={(input) => save.mutateAsync(input)}
        aria-labelledby={editing ? "edit-log-form-title" : "log-form-title"}
      >
        {editing ? (
          <ConflictNotice
            form={form}
            labels={{ kind: "What", title: "Title", venue: "Where", link: "Link", happenedOn: "Date" }}
            loadLatest={async () => {
              const log = await call(api.story["thought-leadership"].$get());
              queryClient.setQueryData(thoughtLogQuery.queryKey, log);
              const latest = log.items.find((item) => item.id === editing.id);
              if (!latest) throw new Error("This item was removed in another tab.");
              return { values: toValues(latest), version: latest.version };
            }}
          />
        ) : null}
        <div className="form-grid">
          <SelectField
            label="What"
            name="kind"
            value={form.values.kind}
            onValueChange={(value) => form.set("kind", value)}
            options={thoughtKinds.map((kind) => ({ value: kind, label: thoughtKindLabels[kind] }))}
            error={form.errors.kind}
          />
          <TextField label="Date" type="date" {...form.field("happenedOn")} />
        </div>
        <TextField label="Title" {...form.field("title")} maxLength={210} />
        <div className="form-grid">
          <TextField
            label="Where"
            {...form.field("venue")}
            hint="A blog, a conference, a forum."
            optional
            maxLength={210}
          />
          <TextField label="Link" type="url" {...form.field("link")} optional maxLength={510} />
        </div>
        <FormActions>
          <SubmitButton>{editing ? "Save changes" : "Log it"}</SubmitButton>
          {editing ? (
            <Button type="button" variant="ghost" onClick={() => onDone?.()}>
              Cancel
            </Button>
          ) : null}
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}

function CadenceCard({ log }: { log: ThoughtLog }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const set = useMutation({
    mutationFn: (cadence: Cadence | null) =>
      call(api.story["thought-leadership-cadence"].$put({ json: { cadence, version: log.cadenceVersion } })),
    onSuccess: (next) => {
      setError(null);
      queryClient.setQueryData(thoughtLogQuery.queryKey, next);
      toast({ title: next.progress.cadence ? "Cadence set" : "Cadence removed" });
    },
    onError: async (failure) => {
      setError(
        isStaleVersion(failure)
          ? "Your cadence was changed in another tab. The latest is shown now; choose again if you still want to change it."
          : failure.message,
      );
      await queryClient.invalidateQueries({ queryKey: thoughtLogQuery.queryKey });
    },
  });
  const { progress } = log;
  return (
    <Card
      title="Your cadence"
      description="How often you mean to post, talk or answer. When it slips, Sidecar reminds you."
    >
      <div className="stack">
        <SelectField
          label="Cadence"
          name="cadence"
          value={progress.cadence ?? ""}
          onValueChange={(value) => set.mutate(value === "" ? null : (value as Cadence))}
          options={[
            { value: "", label: "No cadence" },
            ...cadences.map((c) => ({ value: c, label: cadenceLabels[c] })),
          ]}
          disabled={set.isPending}
        />
        {error ? <Alert tone="warning">{error}</Alert> : null}
        <Alert tone={progress.slipped ? "warning" : "info"}>{progress.summary}</Alert>
      </div>
    </Card>
  );
}

function LogList({ log, onEdit }: { log: ThoughtLog; onEdit: (item: Thought) => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation({
    mutationFn: (id: string) =>
      call(api.story["thought-leadership"][":id"].$delete({ param: { id: encodeURIComponent(id) } })),
    onSuccess: (next) => {
      queryClient.setQueryData(thoughtLogQuery.queryKey, next);
      toast({ title: "Removed from the log" });
    },
  });
  return (
    <Card title="Your log">
      {log.items.length === 0 ? (
        <p className="muted">Nothing logged yet. A post, a talk or a good answer in a forum all count.</p>
      ) : (
        <ul className="thought-list">
          {log.items.map((item) => (
            <li key={item.id} className="thought-item">
              <div>
                <p>
                  <span className="badge">{thoughtKindLabels[item.kind]}</span> <strong>{item.title}</strong>
                </p>
                <p className="small muted">
                  {formatCalendarDate(item.happenedOn)}
                  {item.venue ? ` · ${item.venue}` : ""}
                  {item.link ? (
                    <>
                      {" · "}
                      <a href={item.link} target="_blank" rel="noreferrer noopener">
                        Open <ExternalLink size={12} aria-hidden="true" />
                        <span className="visually-hidden"> {item.title} (opens in a new tab)</span>
                      </a>
                    </>
                  ) : null}
                </p>
              </div>
              <div className="row">
                <Button variant="secondary" size="small" onClick={() => onEdit(item)}>
                  <Pencil size={16} aria-hidden="true" />
                  Edit<span className="visually-hidden"> {item.title}</span>
                </Button>
                <Button variant="ghost" size="small" onClick={() => remove.mutate(item.id)}>
                  <Trash2 size={16} aria-hidden="true" />
                  Remove<span className="visually-hidden"> {item.title}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function ThoughtLeadershipPage() {
  useTitle("Thought leadership");
  const query = useQuery(thoughtLogQuery);
  const [editing, setEditing] = useState<Thought | null>(null);
  return (
    <>
      <PageHeader
        before={
          <Link to="/story" className="breadcrumb">
            <ArrowLeft size={16} aria-hidden="true" />
            Career story
          </Link>
        }
        title="Thought leadership"
        description="Posts, talks and answered questions, with links and dates, and a cadence you set. It shows as progress on your next-level page."
      />
      <QueryState query={query} loading="Loading your log…" failed="Your log">
        {(log) => (
          <div className="stack-lg">
            <CadenceCard log={log} />
            {editing ? (
              <LogForm key={editing.id} editing={editing} onDone={() => setEditing(null)} />
            ) : (
              <LogForm />
            )}
            <LogList
              log={log}
              onEdit={(item) => {
                setEditing(item);
                window.scrollTo({ top: 0 });
              }}
            />
          </div>
        )}
      </QueryState>
    </>
  );
}
