import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, BookOpen, Megaphone, Mic, Pencil, Plus, Trash2 } from "lucide-react";
import type { StoryEntry } from "../../../shared/story.ts";
import { api, call } from "../../api.ts";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState, RecordNotFound } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { storyEntriesQuery, storyEntryQuery } from "./story-api.ts";
import { StoryEntryForm } from "./story-entry-form.tsx";
import { StoryEntryView } from "./story-entry-view.tsx";
import { WritingFlags } from "./writing-flags.tsx";
import "./story.css";

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
      <QueryState
        query={query}
        loading="Loading your story…"
        failed="Your story"
        isEmpty={(data) => data.entries.length === 0}
        empty={
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
        }
      >
        {(data) => (
          <ul className="story-entries">
            {data.entries.map((entry) => (
              <EntryCard key={entry.id} entry={entry} />
            ))}
          </ul>
        )}
      </QueryState>
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
    <QueryState
      query={query}
      loading="Loading the entry…"
      failed="The entry"
      notFound={
        <RecordNotFound
          thing="story entry"
          before={backToStory}
          back={
            <Link to="/story" className={buttonClass("secondary")}>
              Back to your story
            </Link>
          }
        />
      }
    >
      {(entry) => (
        <>
          <PageHeader title="Edit a story entry" before={backToStory} />
          <StoryEntryForm entry={entry} />
        </>
      )}
    </QueryState>
  );
}
