import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { NotebookPen, SpellCheck } from "lucide-react";
import { useState } from "react";
import { laneIds, lanes } from "../../../shared/lanes.ts";
import {
  type StoryEntry,
  type StoryField,
  type storyEntryInput,
  storyFields,
  type WritingFlag,
} from "../../../shared/story.ts";
import { api, call } from "../../api.ts";
import { useMe } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { portfolioRolesQuery } from "../portfolio/portfolio-api.ts";
import { WritingFlags } from "./writing-flags.tsx";

type Values = {
  title: string;
  portfolioRoleId: string;
  problem: string;
  actions: string;
  skills: string[];
  headwinds: string;
  overcome: string;
  result: string;
};

const labels: Partial<Record<keyof Values, string>> = {
  title: "Title",
  portfolioRoleId: "Role",
  problem: "The problem",
  actions: "What I did",
  skills: "Skills built",
  headwinds: "Headwinds",
  overcome: "How I overcame them",
  result: "The result",
};

const hints: Record<StoryField, string> = {
  problem: "What was wrong, for whom, and why it mattered.",
  actions: "Say what you did yourself, with “I”. Name the decisions you made.",
  headwinds: "What stood in the way: people, time, money, doubt.",
  overcome: "What you did about each headwind.",
  result: "What changed, with numbers: from what to what, over what time.",
};

function toValues(entry: StoryEntry | undefined): Values {
  return {
    title: entry?.title ?? "",
    portfolioRoleId: entry?.portfolioRole?.id ?? "",
    problem: entry?.problem ?? "",
    actions: entry?.actions ?? "",
    skills: entry ? [...entry.skills] : [],
    headwinds: entry?.headwinds ?? "",
    overcome: entry?.overcome ?? "",
    result: entry?.result ?? "",
  };
}

export function StoryEntryForm({ entry }: { entry?: StoryEntry }) {
  const { user } = useMe();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roles = useQuery(portfolioRolesQuery);
  const form = useSchemaForm(toValues(entry), {
    schema: () => import("../../../shared/story.ts").then((m) => m.storyEntryInput),
    draftKey: `sidecar:draft:${user.id}:story:${entry?.id ?? "new"}`,
    toInput: (values) => ({ ...values, portfolioRoleId: values.portfolioRoleId || null }),
    version: entry?.version,
  });
  const [flags, setFlags] = useState<(WritingFlag & { field: StoryField })[] | null>(null);

  const check = useMutation({
    mutationFn: async () => {
      const results = await Promise.all(
        storyFields
          .filter((field) => form.values[field].trim() !== "")
          .map(async (field) => {
            const { flags } = await call(
              api.story["writing-check"].$post({ json: { text: form.values[field] } }),
            );
            return flags.map((flag) => ({ ...flag, field }));
          }),
      );
      return results.flat();
    },
    onSuccess: setFlags,
  });

  const save = useMutation({
    mutationFn: (input: ReturnType<typeof storyEntryInput.parse>) =>
      entry
        ? call(
            api.story.entries[":id"].$put({
              param: { id: encodeURIComponent(entry.id) },
              json: { ...input, version: form.version },
            }),
          )
        : call(api.story.entries.$post({ json: input })),
    onSuccess: async (saved) => {
      form.clearDraft();
      queryClient.setQueryData(["story", "entries", saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ["story"] });
      toast({
        title: entry ? "Entry updated" : "Entry saved",
        description: saved.flags.length
          ? `The writing check has ${saved.flags.length} suggestion${saved.flags.length === 1 ? "" : "s"}: see them below the entry.`
          : undefined,
      });
      await navigate({ to: "/story", hash: `entry-${saved.id}` });
    },
  });

  function applySuggestion(flag: WritingFlag & { field: StoryField }) {
    if (!flag.suggestion) return;
    form.set(flag.field, form.values[flag.field].replace(flag.sentence, flag.suggestion));
    setFlags((current) => current?.filter((f) => f !== flag) ?? null);
  }

  const roleOptions = [
    { value: "", label: "No role: a project on its own" },
    ...(roles.data?.roles ?? []).map((role) => ({ value: role.id, label: `${role.title}, ${role.company}` })),
  ];

  return (
    <Card
      id="story-entry-form"
      title={entry ? "Edit the entry" : "A story entry"}
      icon={<NotebookPen size={18} />}
      description="One role or project. Tell it so the person who could hire you for your skip job sees what you did."
    >
      <ValidatedForm
        form={form}
        onSave={(input) => save.mutateAsync(input)}
        aria-labelledby="story-entry-form-title"
      >
        {entry ? (
          <ConflictNotice
            form={form}
            labels={labels}
            loadLatest={async () => {
              const latest = await call(
                api.story.entries[":id"].$get({ param: { id: encodeURIComponent(entry.id) } }),
              );
              queryClient.setQueryData(["story", "entries", latest.id], latest);
              return { values: toValues(latest), version: latest.version };
            }}
          />
        ) : null}
        {form.draftRestored ? (
          <Alert tone="info">We kept what you had not saved yet. Check it, then save.</Alert>
        ) : null}
        <TextField
          label="Title"
          name="title"
          value={form.values.title}
          onValueChange={(value) => form.set("title", value)}
          error={form.errors.title}
          hint="Such as “Checkout rebuild at Acme”."
          maxLength={170}
        />
        <SelectField
          label="Role in your portfolio"
          name="portfolioRoleId"
          value={form.values.portfolioRoleId}
          onValueChange={(value) => form.set("portfolioRoleId", value)}
          options={roleOptions}
          error={form.errors.portfolioRoleId}
          optional
        />
        {storyFields.map((field) => (
          <TextAreaField
            key={field}
            label={labels[field] ?? field}
            name={field}
            value={form.values[field]}
            onValueChange={(value) => form.set(field, value)}
            error={form.errors[field]}
            hint={hints[field]}
            optional={field !== "actions"}
            rows={field === "actions" ? 5 : 3}
            maxLength={field === "actions" ? 3100 : 2100}
          />
        ))}
        <CheckboxGroup
          legend="Skills built"
          hint="The lanes this work grew."
          name="skills"
          options={laneIds.map((lane) => ({ value: lane, label: lanes[lane].label }))}
          value={form.values.skills}
          onChange={(value) => form.set("skills", value)}
          error={form.errors.skills}
        />
        <section aria-labelledby="writing-check-title" className="stack">
          <div className="row-between">
            <h3 id="writing-check-title" className="small">
              Writing check
            </h3>
            <Button
              type="button"
              variant="secondary"
              size="small"
              pending={check.isPending}
              onClick={() => check.mutate()}
            >
              <SpellCheck size={16} aria-hidden="true" />
              Check my writing
            </Button>
          </div>
          <p className="small muted">
            Advice only: it flags “we”, passive voice and vague claims, and never stops you saving.
          </p>
          {check.isError ? <Alert tone="error">The check could not run. {check.error.message}</Alert> : null}
          {flags ? (
            <WritingFlags
              flags={flags}
              onUse={applySuggestion}
              empty="Nothing to flag: every sentence says what you did."
            />
          ) : null}
        </section>
        <FormActions>
          <SubmitButton>{entry ? "Save changes" : "Save entry"}</SubmitButton>
          <Link to="/story" className={buttonClass("ghost")} onClick={() => form.clearDraft()}>
            Cancel
          </Link>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}
