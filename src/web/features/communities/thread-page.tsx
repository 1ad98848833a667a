import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { MessagesSquare } from "lucide-react";
import { useState } from "react";
import type { Post, Thread } from "../../../shared/communities.ts";
import { api, call } from "../../api.ts";
import { useMe, useMomentFormat } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { Form, FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { historyQuery, membersQuery, threadQuery } from "./communities-api.ts";
import { PostBody } from "./markdown.tsx";
import "./communities.css";
import { MentionPicker } from "./mention-picker.tsx";

const param = (id: string) => ({ id: encodeURIComponent(id) });

function History({ postId }: { postId: string }) {
  const query = useQuery(historyQuery(postId));
  const { moment } = useMomentFormat();
  if (!query.data) return <LoadingState label="Loading the history…" />;
  return (
    <ol className="community-list" aria-label="Earlier versions">
      {query.data.revisions.map((r) => (
        <li key={r.editedAt} className="community-item">
          <span className="small muted">
            Before {r.editorName}'s edit of {moment(r.editedAt)}
          </span>
          <PostBody text={r.body} />
        </li>
      ))}
    </ol>
  );
}

function PostView({ post, thread }: { post: Post; thread: Thread }) {
  const me = useMe();
  const { moment } = useMomentFormat();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [text, setText] = useState(post.body);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [baseVersion, setBaseVersion] = useState(post.version);
  const update = (data: Thread) => queryClient.setQueryData(threadQuery(thread.id).queryKey, data);
  const edit = useMutation({
    mutationFn: () =>
      call(
        api.posts[":id"].$put({
          param: param(post.id),
          json: { body: text, version: baseVersion },
        }),
      ),
    onSuccess: (data) => {
      update(data);
      setEditing(false);
      setConflict(null);
    },
    onError: (e: Error & { field?: string }) =>
      e.field === "version" ? setConflict(e.message) : setError(e.message),
  });
  const flag = useMutation({
    mutationFn: () =>
      call(api.posts[":id"].flag.$post({ param: param(post.id), json: { reason: "inappropriate" } })),
    onSuccess: async () => {
      toast({ title: "Flagged for the moderators" });
      await queryClient.invalidateQueries({ queryKey: ["threads", thread.id] });
    },
  });
  const hide = useMutation({
    mutationFn: () =>
      call(
        api.posts[":id"].hide.$post({ param: param(post.id), json: { hidden: !post.hidden, reason: "" } }),
      ),
    onSuccess: update,
  });
  return (
    <article className="post" aria-label={`Post by ${post.authorName}`}>
      <span className="post-meta">
        {post.authorName}, {moment(post.createdAt)}
        {post.edited ? " · edited" : ""}
      </span>
      {post.hidden ? (
        <p className="post-hidden">
          {post.hiddenReason === "flags"
            ? "Hidden after flags from several members, until a moderator looks at it."
            : "Hidden by a moderator."}
        </p>
      ) : null}
      {editing ? (
        <Form onSubmit={() => edit.mutate()} error={error} aria-label="Edit post">
          <ConflictNotice
            form={{
              conflict,
              merged: null,
              resolveConflict: (latest) => {
                setBaseVersion(latest.version);
                setConflict(null);
              },
            }}
            loadLatest={async () => {
              const fresh = await queryClient.fetchQuery({ ...threadQuery(thread.id), staleTime: 0 });
              const latest = [fresh.post, ...fresh.replies].find((p) => p.id === post.id);
              return { values: { body: latest?.body ?? "" }, version: latest?.version ?? baseVersion };
            }}
            labels={{ body: "Post" }}
          />
          <TextAreaField label="Post (Markdown)" value={text} onValueChange={setText} rows={5} />
          <FormActions>
            <Button type="submit" pending={edit.isPending}>
              Save
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </FormActions>
        </Form>
      ) : post.body ? (
        <PostBody text={post.body} />
      ) : null}
      <div className="community-actions">
        {post.authorId === me.user.id && !editing ? (
          <Button
            size="small"
            variant="ghost"
            onClick={() => {
              setText(post.body);
              setBaseVersion(post.version);
              setEditing(true);
            }}
          >
            Edit
          </Button>
        ) : null}
        {post.edited ? (
          <Button size="small" variant="ghost" onClick={() => setShowHistory(!showHistory)}>
            {showHistory ? "Hide history" : "History"}
          </Button>
        ) : null}
        {post.authorId !== me.user.id && !post.flaggedByMe ? (
          <Button size="small" variant="ghost" pending={flag.isPending} onClick={() => flag.mutate()}>
            Flag
          </Button>
        ) : null}
        {thread.canModerate ? (
          <Button size="small" variant="ghost" pending={hide.isPending} onClick={() => hide.mutate()}>
            {post.hidden ? "Unhide" : "Hide"}
          </Button>
        ) : null}
      </div>
      {showHistory ? <History postId={post.id} /> : null}
    </article>
  );
}

function ReplyForm({ thread }: { thread: Thread }) {
  const queryClient = useQueryClient();
  const members = useQuery(membersQuery(thread.communityId));
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reply = useMutation({
    mutationFn: () =>
      call(api.threads[":id"].replies.$post({ param: param(thread.id), json: { body, mentions } })),
    onSuccess: (data) => {
      queryClient.setQueryData(threadQuery(thread.id).queryKey, data);
      setBody("");
      setMentions([]);
      setError(null);
    },
    onError: (e) => setError(e.message),
  });
  return (
    <Form onSubmit={() => reply.mutate()} error={error} aria-label="Reply">
      <TextAreaField label="Your reply (Markdown)" value={body} onValueChange={setBody} rows={4} />
      <MentionPicker
        members={members.data?.members}
        name="reply-mentions"
        hint="They are told about your reply."
        value={mentions}
        onChange={setMentions}
      />
      <FormActions>
        <Button type="submit" pending={reply.isPending}>
          Reply
        </Button>
      </FormActions>
    </Form>
  );
}

export function ThreadPage() {
  const { threadId } = useParams({ strict: false }) as { threadId: string };
  const query = useQuery(threadQuery(threadId));
  useTitle(query.data?.post.title ?? "Discussion");
  if (query.isPending) return <LoadingState label="Loading the discussion…" />;
  if (query.isError) {
    return (
      <>
        <PageHeader title="Discussion" />
        <Alert tone="error">
          {query.error.message} <Link to="/communities">All communities</Link>
        </Alert>
      </>
    );
  }
  const thread = query.data;
  return (
    <>
      <PageHeader
        title={thread.post.hidden && !thread.post.body ? "Hidden post" : (thread.post.title ?? "")}
      />
      <div className="stack-lg">
        <Card id="thread" title="Discussion" icon={<MessagesSquare size={18} />}>
          <PostView post={thread.post} thread={thread} />
          {thread.replies.map((reply) => (
            <PostView key={reply.id} post={reply} thread={thread} />
          ))}
        </Card>
        <Card id="reply" title="Reply">
          <ReplyForm thread={thread} />
        </Card>
        <p>
          <Link to="/communities/$communityId" params={{ communityId: thread.communityId }}>
            Back to the community
          </Link>
        </p>
      </div>
    </>
  );
}
