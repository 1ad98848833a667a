import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import {
  type Community,
  type CommunityKind,
  communityKindLabels,
  type EventInput,
  type Post,
  type Thread,
  type ThreadInput,
} from "../../../shared/communities.ts";
import { api, call } from "../../api.ts";
import { useMe } from "../../session.ts";
import { Button } from "../../ui/button.tsx";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { membersQuery, searchQuery, threadQuery } from "./communities-api.ts";
import { MentionPicker } from "./mention-picker.tsx";

/**
 * The communities pages' forms, on react-hook-form and the shared schemas (loaded on the first
 * submit). The pages load this file after their first paint, or when a form is opened.
 */

const schemas = () => import("../../../shared/communities.ts");
/** Fetches the schemas when focus first enters a form, so its first submit need not wait for them. */
const preload = () => void schemas();
const param = (id: string) => ({ id: encodeURIComponent(id) });

const kindOptions = (Object.keys(communityKindLabels) as CommunityKind[]).map((k) => ({
  value: k,
  label: communityKindLabels[k],
}));

export function CreateCommunityForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useSchemaForm(
    { kind: "circle", name: "", description: "", admissionCriteria: "", norms: "", sizeLimit: "30" },
    {
      schema: () => schemas().then((m) => m.communityInput),
      toInput: (values) => ({
        ...values,
        sizeLimit:
          values.kind === "circle" && values.sizeLimit.trim() !== "" ? Number(values.sizeLimit) : null,
      }),
    },
  );
  const circle = form.values.kind === "circle";
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Start a community"
      onSave={async (json) => {
        const community = await call(api.communities.$post({ json }));
        await queryClient.invalidateQueries({ queryKey: ["communities"] });
        await navigate({ to: "/communities/$communityId", params: { communityId: community.id } });
      }}
    >
      <SelectField label="Kind" {...form.field("kind")} options={kindOptions} />
      <TextField label="Name" {...form.field("name")} maxLength={100} />
      <TextAreaField label="Description" {...form.field("description")} />
      {circle ? (
        <>
          <TextAreaField
            label="Admission criteria"
            hint="Applicants answer these; organizers admit, decline with a reason, or ask for more."
            {...form.field("admissionCriteria")}
          />
          <TextField label="Size limit" type="number" {...form.field("sizeLimit")} min={2} max={60} />
        </>
      ) : null}
      <TextAreaField
        label="Norms members accept on joining"
        hint="For example the Chatham House Rule, in your own words."
        {...form.field("norms")}
      />
      <FormActions>
        <SubmitButton>Start it</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}

type Refresh = () => Promise<void>;

/** An admitted applicant, or anyone at an open community, accepts the norms and joins. */
export function JoinForm({ community, refresh }: { community: Community; refresh: Refresh }) {
  const form = useSchemaForm(
    { acceptNorms: [] as string[] },
    {
      schema: () => schemas().then((m) => m.joinInput),
      toInput: (values) => ({ acceptNorms: values.acceptNorms.includes("accept") }),
    },
  );
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Join"
      onSave={async (json) => {
        await call(api.communities[":id"].join.$post({ param: param(community.id), json }));
        await refresh();
      }}
    >
      <CheckboxGroup
        legend="The norms"
        name="norms"
        optional={false}
        options={[{ value: "accept", label: "I accept these norms and will keep them" }]}
        value={form.values.acceptNorms}
        onChange={(value) => form.set("acceptNorms", value)}
        error={form.errors.acceptNorms}
      />
      <FormActions>
        <SubmitButton disabled={form.values.acceptNorms.length === 0}>Join {community.name}</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}

/** Applying to a circle, or answering the organizers' question about an application. */
export function ApplyForm({ community, refresh }: { community: Community; refresh: Refresh }) {
  const application = community.myApplication;
  const answering = application?.state === "info_requested";
  const form = useSchemaForm(
    { answers: "" },
    {
      schema: () => schemas().then((m) => (answering ? m.applicationAnswerInput : m.applicationInput)),
      toInput: (values) => (answering ? { answer: values.answers } : values),
      serverFields: () => ["answers", "answer"],
    },
  );
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Apply"
      onSave={async (input) => {
        if (answering && application && "answer" in input) {
          await call(
            api.communities[":id"].applications[":applicationId"].answer.$post({
              param: { ...param(community.id), applicationId: encodeURIComponent(application.id) },
              json: { answer: input.answer },
            }),
          );
        } else if ("answers" in input) {
          await call(
            api.communities[":id"].applications.$post({
              param: param(community.id),
              json: { answers: input.answers },
            }),
          );
        }
        form.setValues({ answers: "" });
        await refresh();
      }}
    >
      <TextAreaField
        label={answering ? "Your answer to the organizers" : "How you meet the criteria"}
        {...form.field("answers")}
        error={form.errors.answers ?? form.errors.answer}
        rows={5}
        maxLength={3000}
      />
      <FormActions>
        <SubmitButton>{answering ? "Send answer" : "Apply"}</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}

const emptyThread = { title: "", body: "", channelId: "", mentions: [] as string[] };

/** A member starts a discussion, in a channel if the community has them, mentioning whom they like. */
export function StartThreadForm({ community }: { community: Community }) {
  const queryClient = useQueryClient();
  const members = useQuery(membersQuery(community.id));
  const form = useSchemaForm(emptyThread, {
    schema: () => schemas().then((m) => m.threadInput),
    toInput: (values) => ({ ...values, channelId: values.channelId || null }),
  });
  const start = useMutation({
    mutationFn: (json: ThreadInput) =>
      call(api.communities[":id"].threads.$post({ param: param(community.id), json })),
  });
  const channels = community.inside?.channels ?? [];
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Start a discussion"
      onSave={async (input) => {
        await start.mutateAsync(input);
        form.setValues(emptyThread);
        await queryClient.invalidateQueries({ queryKey: ["communities", community.id, "threads"] });
      }}
    >
      <h3>Start a discussion</h3>
      <TextField label="Title" {...form.field("title")} maxLength={200} />
      <TextAreaField label="Post (Markdown)" {...form.field("body")} rows={5} />
      {channels.length > 0 ? (
        <SelectField
          label="Post in channel"
          {...form.field("channelId")}
          options={[
            { value: "", label: "No channel" },
            ...channels.map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
      ) : null}
      <MentionPicker
        members={members.data?.members}
        name="mentions"
        hint="They are told about this post."
        value={form.values.mentions}
        onChange={(value) => form.set("mentions", value)}
      />
      <FormActions>
        <SubmitButton>Post</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}

export function NewEventForm({ community, onDone }: { community: Community; onDone: () => void }) {
  const queryClient = useQueryClient();
  const zone = useMe().profile.timeZone ?? "UTC";
  const form = useSchemaForm(
    {
      title: "",
      description: "",
      mode: "online",
      url: "",
      place: "",
      city: "",
      timeZone: zone,
      start: "",
      end: "",
      capacity: "",
      recurrence: "none",
    },
    {
      schema: () => schemas().then((m) => m.eventInput),
      toInput: (values) => ({
        ...values,
        capacity: values.capacity.trim() === "" ? null : Number(values.capacity),
      }),
    },
  );
  const create = useMutation({
    mutationFn: (json: EventInput) =>
      call(api.communities[":id"].events.$post({ param: param(community.id), json })),
  });
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Add an event"
      onSave={async (input) => {
        await create.mutateAsync(input);
        await queryClient.invalidateQueries({ queryKey: ["communities", community.id, "events"] });
        onDone();
      }}
    >
      <TextField label="Title" {...form.field("title")} />
      <TextAreaField label="Description" optional {...form.field("description")} />
      <SelectField
        label="Where"
        {...form.field("mode")}
        options={[
          { value: "online", label: "Online" },
          { value: "in_person", label: "In person" },
        ]}
      />
      {form.values.mode === "online" ? (
        <TextField label="Link to join" {...form.field("url")} />
      ) : (
        <>
          <TextField label="Place" {...form.field("place")} />
          <TextField label="City" {...form.field("city")} />
        </>
      )}
      <TextField label="Time zone" {...form.field("timeZone")} />
      <TextField label="Starts" type="datetime-local" {...form.field("start")} />
      <TextField label="Ends" type="datetime-local" {...form.field("end")} />
      <TextField
        label="Capacity"
        optional
        type="number"
        min={1}
        {...form.field("capacity")}
        hint="Past it, people join a waitlist and move up when someone cancels."
      />
      {community.kind === "circle" ? (
        <SelectField
          label="Repeats"
          {...form.field("recurrence")}
          options={[
            { value: "none", label: "Once" },
            { value: "weekly", label: "Every week (6 times)" },
            { value: "biweekly", label: "Every two weeks (6 times)" },
            { value: "monthly", label: "Every month (6 times)" },
          ]}
        />
      ) : null}
      <FormActions>
        <SubmitButton>Add the event</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}

/** The author edits their post; a save on a version someone else moved on shows the ConflictNotice. */
export function EditPostForm({ post, thread, onDone }: { post: Post; thread: Thread; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(
    { body: post.body },
    {
      schema: () => schemas().then((m) => m.postUpdateInput.omit({ version: true, title: true })),
      version: post.version,
    },
  );
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Edit post"
      onSave={async (input) => {
        const data = await call(
          api.posts[":id"].$put({ param: param(post.id), json: { ...input, version: form.version } }),
        );
        queryClient.setQueryData(threadQuery(thread.id).queryKey, data);
        onDone();
      }}
    >
      <ConflictNotice
        form={form}
        loadLatest={async () => {
          const fresh = await queryClient.fetchQuery({ ...threadQuery(thread.id), staleTime: 0 });
          const latest = [fresh.post, ...fresh.replies].find((p) => p.id === post.id);
          return { values: { body: latest?.body ?? "" }, version: latest?.version ?? form.version };
        }}
        labels={{ body: "Post" }}
      />
      <TextAreaField label="Post (Markdown)" {...form.field("body")} rows={5} />
      <FormActions>
        <SubmitButton>Save</SubmitButton>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </FormActions>
    </ValidatedForm>
  );
}

const emptyReply = { body: "", mentions: [] as string[] };

export function ReplyForm({ thread }: { thread: Thread }) {
  const queryClient = useQueryClient();
  const members = useQuery(membersQuery(thread.communityId));
  const form = useSchemaForm(emptyReply, { schema: () => schemas().then((m) => m.replyInput) });
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Reply"
      onSave={async (json) => {
        const data = await call(api.threads[":id"].replies.$post({ param: param(thread.id), json }));
        queryClient.setQueryData(threadQuery(thread.id).queryKey, data);
        form.setValues(emptyReply);
      }}
    >
      <TextAreaField label="Your reply (Markdown)" {...form.field("body")} rows={4} />
      <MentionPicker
        members={members.data?.members}
        name="reply-mentions"
        hint="They are told about your reply."
        value={form.values.mentions}
        onChange={(value) => form.set("mentions", value)}
      />
      <FormActions>
        <SubmitButton>Reply</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}

/** Words to find in the discussions the member may read; the results show beside the form. */
export function SearchForm({ onSearch }: { onSearch: (q: string) => void }) {
  const queryClient = useQueryClient();
  const form = useSchemaForm({ q: "" }, { schema: () => schemas().then((m) => m.searchQuery) });
  return (
    <ValidatedForm
      form={form}
      onFocus={preload}
      aria-label="Search discussions"
      onSave={async ({ q }) => {
        // The button stays busy until the results are there.
        if (q) await queryClient.fetchQuery(searchQuery(q));
        onSearch(q);
      }}
    >
      <TextField label="Words to find" {...form.field("q")} maxLength={200} />
      <FormActions>
        <SubmitButton variant="secondary">Search</SubmitButton>
      </FormActions>
    </ValidatedForm>
  );
}
