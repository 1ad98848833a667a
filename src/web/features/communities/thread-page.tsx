import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { MessagesSquare } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import type { Post, Thread } from "../../../shared/communities.ts";
import { api, call } from "../../api.ts";
import { useMe, useMomentFormat } from "../../session.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { historyQuery, threadQuery } from "./communities-api.ts";
import { PostBody } from "./markdown.tsx";
import "./communities.css";

const param = (id: string) => ({ id: encodeURIComponent(id) });

// The forms and their schema load after the page's first picture, or when an edit opens.
const forms = () => import("./community-forms.tsx");
const EditPostForm = lazy(() => forms().then((m) => ({ default: m.EditPostForm })));
const ReplyForm = lazy(() => forms().then((m) => ({ default: m.ReplyForm })));

function History({ postId }: { postId: string }) {
  const query = useQuery(historyQuery(postId));
  const { moment } = useMomentFormat();
  return (
    <QueryState query={query} loading="Loading the history…" failed="The history">
      {(data) => (
        <ol className="community-list" aria-label="Earlier versions">
          {data.revisions.map((r) => (
            <li key={r.editedAt} className="community-item">
              <span className="small muted">
                Before {r.editorName}'s edit of {moment(r.editedAt)}
              </span>
              <PostBody text={r.body} />
            </li>
          ))}
        </ol>
      )}
    </QueryState>
  );
}

function PostView({ post, thread }: { post: Post; thread: Thread }) {
  const me = useMe();
  const { moment } = useMomentFormat();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const update = (data: Thread) => queryClient.setQueryData(threadQuery(thread.id).queryKey, data);
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
        <Suspense fallback={null}>
          <EditPostForm post={post} thread={thread} onDone={() => setEditing(false)} />
        </Suspense>
      ) : post.body ? (
        <PostBody text={post.body} />
      ) : null}
      <div className="community-actions">
        {post.authorId === me.user.id && !editing ? (
          <Button size="small" variant="ghost" onClick={() => setEditing(true)}>
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
          <AfterPaint component={ReplyForm} props={{ thread }} />
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
