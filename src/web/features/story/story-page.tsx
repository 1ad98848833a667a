import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, BookOpen, Megaphone, Mic, Pencil, Plus, Trash2 } from "lucide-react";
import { lanes } from "../../../shared/lane-words.ts";
import { type StoryEntry, storyFieldLabels, storyFields } from "../../../shared/story.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { storyEntriesQuery, storyEntryQuery } from "./story-api.ts";
import { StoryEntryForm } from "./story-entry-form.tsx";
import { WritingFlags } from "./writing-flags.tsx";
import "./story.css";

export function StoryEntryView({
  entry,
}: {
  entry: Pick<StoryEntry, (typeof storyFields)[number] | "skills">;
}) {
  return (
    <dl className="story-entry-fields">
      {storyFields
        .filter((field) => entry[field].trim() !== "")
        .map((field) => (
          <div key={field}>
            <dt>{storyFieldLabels[field]}</dt>
            <dd>{entry[field]}</dd>
          </div>
        ))}
      {entry.skills.length ? (
        <div>
          <dt>Skills built</dt>
          <dd>{entry.skills.map((lane) => lanes[lane].label).join(", ")}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function EntryCard({ entry }: { entry: StoryEntry }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation({
    mutationFn: () => call(api.story.entries[":id"].$delete({ param: { id: encodeURIComponent(entry.id) } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["story"] });
      toast({ title: "Entry deleted" });
    },
    onError: (error) =>
      toast({ title: "The entry could not be deleted", description: error.message, tone: "error" }),
  });
  return (
    <li id={`entry-${entry.id}`}>
      <Card
        title={entry.title}
        description={entry.portfolioRole ? entry.portfolioRole.label : undefined}
        actions={
          <div className="row">
            <Link
              to="/story/$id/edit"
              params={{ id: entry.id }}
              className={buttonClass("secondary", "small")}
            >
              <Pencil size={16} aria-hidden="true" />
              Edit<span className="visually-hidden"> {entry.title}</span>
            </Link>
            <Button
              variant="ghost"
              size="small"
              pending={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete “${entry.title}”? This cannot be undone.`)) remove.mutate();
              }}
            >
              <Trash2 size={16} aria-hidden="true" />
              Delete<span className="visually-hidden"> {entry.title}</span>
            </Button>
          </div>
        }
      >
        <div className="stack">
          <StoryEntryView entry={entry} />
          {entry.flags.length ? (
            <details open>
              <summary>
                Writing check: {entry.flags.length} suggestion{entry.flags.length === 1 ? "" : "s"}
              </summary>
              <WritingFlags flags={entry.flags} />
            </details>
          ) : (
            <p className="small muted">Writing check: nothing to flag.</p>
          )}
        </div>
      </Card>
    </li>
  );
}

export function StoryPage() {
  useTitle("Career story");
  const query = useQuery(storyEntriesQuery);
  const entries = query.data?.entries ?? [];
  return (
    <>
      <PageHeader
        title="Career story"
        description="The story you will tell about today's work, aimed at your skip job: one entry per role or project, told with “I”. Only you see it unless you share your story."
        actions={
          <div className="row">
            <Link to="/story/new" className={buttonClass("primary")}>
              <Plus size={18} aria-hidden="true" />
              Write an entry
            </Link>
            <Link to="/story/press-release" className={buttonClass("secondary")}>
              <Megaphone size={18} aria-hidden="true" />
              Press release
            </Link>
            <Link to="/story/thought-leadership" className={buttonClass("secondary")}>
              <Mic size={18} aria-hidden="true" />
              Thought leadership
            </Link>
          </div>
        }
      />
      {query.isPending ? (
        <LoadingState label="Loading your story…" />
      ) : query.isError ? (
        <Alert tone="error">
          Your story could not be loaded. {query.error.message}{" "}
          <button type="button" className="button-link" onClick={() => query.refetch()}>
            Try again
          </button>
        </Alert>
      ) : entries.length === 0 ? (
        <Card>
          <EmptyState
            icon={<BookOpen size={24} />}
            title="Your story has no entries yet"
            action={
              <Link to="/story/new" className={buttonClass("primary")}>
                Write your first entry
              </Link>
            }
          >
            Start with the role or project you are proudest of: the problem, what you did, what stood in the
            way, and what changed.
          </EmptyState>
        </Card>
      ) : (
        <ul className="story-entries">
          {entries.map((entry) => (
            <EntryCard key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </>
  );
}

const backToStory = (
  <Link to="/story" className="breadcrumb">
    <ArrowLeft size={16} aria-hidden="true" />
    Career story
  </Link>
);

export function NewStoryEntryPage() {
  useTitle("Write a story entry");
  return (
    <>
      <PageHeader title="Write a story entry" before={backToStory} />
      <StoryEntryForm />
    </>
  );
}

const editRoute = getRouteApi("/app/story/$id/edit");
export function EditStoryEntryPage() {
  useTitle("Edit a story entry");
  const { id } = editRoute.useParams();
  const query = useQuery(storyEntryQuery(id));
  return (
    <>
      <PageHeader title="Edit a story entry" before={backToStory} />
      {query.isPending ? (
        <LoadingState label="Loading the entry…" />
      ) : query.isError ? (
        <Alert tone="error">{query.error.message}</Alert>
      ) : (
        <StoryEntryForm entry={query.data} />
      )}
    </>
  );
}
