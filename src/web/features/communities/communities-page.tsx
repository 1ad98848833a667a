import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CalendarDays, Search, Users } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import type { CommunityCard } from "../../../shared/communities.ts";
import { api, call } from "../../api.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { communitiesQuery, feedQuery, searchQuery } from "./communities-api.ts";
import "./communities.css";

// The forms and their schema load after the page's first picture, or when one is opened.
const forms = () => import("./community-forms.tsx");
const CreateCommunityForm = lazy(() => forms().then((m) => ({ default: m.CreateCommunityForm })));
const SearchForm = lazy(() => forms().then((m) => ({ default: m.SearchForm })));

const stateLabels: Record<CommunityCard["myState"], string> = {
  organizer: "You organize it",
  moderator: "You moderate it",
  member: "You are a member",
  applied: "You applied",
  admitted: "Admitted: accept the norms to join",
  none: "",
  banned: "You were banned",
};

function CommunityList({ communities }: { communities: CommunityCard[] }) {
  return (
    <ul className="community-list">
      {communities.map((c) => (
        <li key={c.id} className="community-item">
          <div className="community-row">
            <h3>
              <Link to="/communities/$communityId" params={{ communityId: c.id }}>
                {c.name}
              </Link>
            </h3>
            <span className="badge">{c.kind === "circle" ? "Vetted circle" : "Open community"}</span>
          </div>
          <p className="muted">{c.description}</p>
          {stateLabels[c.myState] ? <p className="small">{stateLabels[c.myState]}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function SearchCard() {
  const [q, setQ] = useState("");
  const query = useQuery(searchQuery(q));
  return (
    <Card
      id="search"
      title="Search discussions"
      icon={<Search size={18} />}
      description="Only what you may read: your circles and open communities."
    >
      <AfterPaint component={SearchForm} props={{ onSearch: setQ }} />
      {q.trim() ? (
        <QueryState
          query={query}
          loading="Searching…"
          failed="The search"
          isEmpty={(data) => data.hits.length === 0}
          empty={<p className="muted">Nothing found for “{q}”.</p>}
        >
          {(data) => (
            <ul className="community-list" aria-label="Search results">
              {data.hits.map((hit) => (
                <li key={hit.postId} className="community-item">
                  <Link to="/threads/$threadId" params={{ threadId: hit.threadId }}>
                    {hit.title}
                  </Link>
                  <p className="small muted">
                    {hit.communityName} · {hit.excerpt}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      ) : null}
    </Card>
  );
}

function FeedCard() {
  const query = useQuery(feedQuery);
  const queryClient = useQueryClient();
  const toast = useToast();
  const reset = useMutation({
    mutationFn: () => call(api["calendar-feed"].reset.$post()),
    onSuccess: (data) => {
      queryClient.setQueryData(feedQuery.queryKey, data);
      toast({ title: "New calendar link made: the old one no longer works" });
    },
  });
  return (
    <Card
      id="calendar-feed"
      title="Your calendar feed"
      icon={<CalendarDays size={18} />}
      description="Subscribe to this private link in your calendar app: the events you are going to and your circles' meetings. Keep it to yourself; reset it if it leaks."
    >
      <QueryState query={query} loading="Loading your link…" failed="Your calendar link">
        {(data) => <p className="feed-url">{data.url}</p>}
      </QueryState>
      <Button variant="secondary" pending={reset.isPending} onClick={() => reset.mutate()}>
        Reset the link
      </Button>
    </Card>
  );
}

export function CommunitiesPage() {
  useTitle("Communities");
  const query = useQuery(communitiesQuery);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Communities"
        description="Vetted circles where leaders can be candid, and open communities for every level."
        actions={
          <Button variant={creating ? "ghost" : "primary"} onClick={() => setCreating(!creating)}>
            {creating ? "Close" : "Start a community"}
          </Button>
        }
      />
      <div className="stack-lg">
        {creating ? (
          <Card id="create" title="Start a community">
            <Suspense fallback={null}>
              <CreateCommunityForm />
            </Suspense>
          </Card>
        ) : null}
        <QueryState query={query} loading="Loading communities…" failed="Communities">
          {(data) => {
            const mine = data.communities.filter((c) =>
              ["organizer", "moderator", "member"].includes(c.myState),
            );
            const others = data.communities.filter((c) => !mine.includes(c));
            return (
              <>
                <Card id="mine" title="Yours" icon={<Users size={18} />}>
                  {mine.length === 0 ? (
                    <EmptyState title="You are in no community yet" headingLevel={3}>
                      Apply to a circle or join an open community below, or start your own.
                    </EmptyState>
                  ) : (
                    <CommunityList communities={mine} />
                  )}
                </Card>
                <Card id="discover" title="Discover">
                  {others.length === 0 ? (
                    <p className="muted">
                      No other communities yet. Start one for the people you want to learn with.
                    </p>
                  ) : (
                    <CommunityList communities={others} />
                  )}
                </Card>
                <SearchCard />
                <FeedCard />
              </>
            );
          }}
        </QueryState>
      </div>
    </>
  );
}
