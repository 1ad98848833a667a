import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { CalendarDays, Search, Users } from "lucide-react";
import { useState } from "react";
import { type CommunityCard, type CommunityKind, communityKindLabels } from "../../../shared/communities.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { Form, FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { communitiesQuery, feedQuery, searchQuery } from "./communities-api.ts";
import "./communities.css";

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

function CreateForm() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [kind, setKind] = useState<CommunityKind>("circle");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [criteria, setCriteria] = useState("");
  const [norms, setNorms] = useState("");
  const [size, setSize] = useState("30");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      call(
        api.communities.$post({
          json: {
            kind,
            name,
            description,
            admissionCriteria: criteria,
            norms,
            sizeLimit: kind === "circle" ? Number(size) : null,
          },
        }),
      ),
    onSuccess: async (community) => {
      await queryClient.invalidateQueries({ queryKey: ["communities"] });
      await navigate({ to: "/communities/$communityId", params: { communityId: community.id } });
    },
    onError: (e: Error & { field?: string }) => setErrors({ [e.field ?? "form"]: e.message }),
  });
  return (
    <Form onSubmit={() => create.mutate()} error={errors.form} aria-label="Start a community">
      <SelectField
        label="Kind"
        value={kind}
        onValueChange={(v) => setKind(v as CommunityKind)}
        options={(Object.keys(communityKindLabels) as CommunityKind[]).map((k) => ({
          value: k,
          label: communityKindLabels[k],
        }))}
      />
      <TextField label="Name" value={name} onValueChange={setName} error={errors.name} maxLength={100} />
      <TextAreaField
        label="Description"
        value={description}
        onValueChange={setDescription}
        error={errors.description}
      />
      {kind === "circle" ? (
        <>
          <TextAreaField
            label="Admission criteria"
            hint="Applicants answer these; organizers admit, decline with a reason, or ask for more."
            value={criteria}
            onValueChange={setCriteria}
            error={errors.admissionCriteria}
          />
          <TextField
            label="Size limit"
            type="number"
            value={size}
            onValueChange={setSize}
            error={errors.sizeLimit}
            min={2}
            max={60}
          />
        </>
      ) : null}
      <TextAreaField
        label="Norms members accept on joining"
        hint="For example the Chatham House Rule, in your own words."
        value={norms}
        onValueChange={setNorms}
        error={errors.norms}
      />
      <FormActions>
        <Button type="submit" pending={create.isPending}>
          Start it
        </Button>
      </FormActions>
    </Form>
  );
}

function SearchCard() {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const query = useQuery(searchQuery(q));
  return (
    <Card
      id="search"
      title="Search discussions"
      icon={<Search size={18} />}
      description="Only what you may read: your circles and open communities."
    >
      <Form onSubmit={() => setQ(text)} aria-label="Search discussions">
        <TextField label="Words to find" value={text} onValueChange={setText} maxLength={200} />
        <FormActions>
          <Button type="submit" variant="secondary" pending={query.isFetching}>
            Search
          </Button>
        </FormActions>
      </Form>
      {q && query.data ? (
        query.data.hits.length === 0 ? (
          <p className="muted">Nothing found for “{q}”.</p>
        ) : (
          <ul className="community-list" aria-label="Search results">
            {query.data.hits.map((hit) => (
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
        )
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
      {query.data ? (
        <p className="feed-url">{query.data.url}</p>
      ) : (
        <LoadingState label="Loading your link…" />
      )}
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
  const mine =
    query.data?.communities.filter((c) => ["organizer", "moderator", "member"].includes(c.myState)) ?? [];
  const others = query.data?.communities.filter((c) => !mine.includes(c)) ?? [];
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
            <CreateForm />
          </Card>
        ) : null}
        {query.isPending ? (
          <LoadingState label="Loading communities…" />
        ) : query.isError ? (
          <Alert tone="error">Communities could not be loaded. {query.error.message}</Alert>
        ) : (
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
        )}
      </div>
    </>
  );
}
