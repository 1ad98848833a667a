import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Search, Sparkles } from "lucide-react";
import { useState } from "react";
import { laneIds, lanes } from "../../../shared/lane-words.ts";
import { mentorStyleLabels, mentorStyles } from "../../../shared/mentors.ts";
import { levelLabels, levels } from "../../../shared/profile.ts";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { Form } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { MentorSummary } from "./mentor-parts.tsx";
import { type SearchParams, searchQuery, suggestionsQuery } from "./mentors-api.ts";

function Suggestions() {
  const query = useQuery(suggestionsQuery);
  return (
    <QueryState query={query} loading="Finding mentors for your gaps…" failed="Suggestions">
      {({ suggestions, basis }) => (
        <div className="stack">
          <p className="muted small">What these suggestions draw on: {basis.join("; ")}.</p>
          {suggestions.length === 0 ? (
            <EmptyState title="No suggestions yet" headingLevel={3}>
              Suggestions come from your own record. Assess your lanes, add roles to your portfolio and set
              your level in your profile; or search below.
            </EmptyState>
          ) : (
            <div className="mentor-grid">
              {suggestions.map((suggestion) => (
                <MentorSummary key={suggestion.mentor.userId} mentor={suggestion.mentor}>
                  <div>
                    <p className="small" id={`why-${suggestion.mentor.userId}`}>
                      <strong>Why {suggestion.mentor.name.split(" ")[0]}</strong>
                    </p>
                    <ul className="mentor-reasons" aria-labelledby={`why-${suggestion.mentor.userId}`}>
                      {suggestion.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  </div>
                </MentorSummary>
              ))}
            </div>
          )}
        </div>
      )}
    </QueryState>
  );
}

type Filters = {
  q: string;
  lane: string;
  level: string;
  style: string;
  overlap: "any" | "some" | "good";
  available: boolean;
};
const noFilters: Filters = { q: "", lane: "", level: "", style: "", overlap: "any", available: false };

function toParams(filters: Filters): SearchParams {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.lane ? { lanes: filters.lane } : {}),
    ...(filters.level ? { level: filters.level as SearchParams["level"] } : {}),
    ...(filters.style ? { style: filters.style as SearchParams["style"] } : {}),
    ...(filters.overlap !== "any" ? { overlap: filters.overlap } : {}),
    ...(filters.available ? { available: "true" as const } : {}),
  };
}

function SearchResults({ params }: { params: SearchParams }) {
  const query = useQuery(searchQuery(params));
  return (
    <QueryState
      query={query}
      loading="Searching…"
      failed="The search"
      isEmpty={(data) => data.mentors.length === 0}
      empty={
        <EmptyState title="No mentor matches" headingLevel={3}>
          Try fewer filters or other words. Mentors who are paused or have no free seat are not listed.
        </EmptyState>
      }
    >
      {(data) => (
        <div className="mentor-grid">
          {data.mentors.map((mentor) => (
            <MentorSummary key={mentor.userId} mentor={mentor} />
          ))}
        </div>
      )}
    </QueryState>
  );
}

export function FindMentorsPage() {
  useTitle("Find a mentor");
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [searched, setSearched] = useState<SearchParams | null>(null);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  return (
    <>
      <PageHeader
        title="Find a mentor"
        description="Mentors suggested for your own gaps, each with the reasons, and a search with filters. Mentors who are paused or full are not offered."
        actions={
          <Link to="/mentoring/requests" className={buttonClass("secondary")}>
            My requests
          </Link>
        }
      />
      <div className="stack-lg">
        <Card id="suggestions" title="Suggested for you" icon={<Sparkles size={18} />}>
          <Suggestions />
        </Card>
        <Card id="mentor-search" title="Search mentors" icon={<Search size={18} />}>
          <Form onSubmit={() => setSearched(toParams(filters))} aria-labelledby="mentor-search-title">
            <TextField
              label="Words"
              name="q"
              value={filters.q}
              onValueChange={(value) => set("q", value)}
              hint="Such as: pricing marketplace, or “series B” -consumer"
              optional
              maxLength={200}
            />
            <div className="mentor-search-grid">
              <SelectField
                label="Lane"
                value={filters.lane}
                onValueChange={(value) => set("lane", value)}
                options={[
                  { value: "", label: "Any lane" },
                  ...laneIds.map((id) => ({ value: id, label: lanes[id].label })),
                ]}
              />
              <SelectField
                label="Helps my level"
                value={filters.level}
                onValueChange={(value) => set("level", value)}
                options={[
                  { value: "", label: "Any level" },
                  ...levels.map((id) => ({ value: id, label: levelLabels[id] })),
                ]}
              />
              <SelectField
                label="Style"
                value={filters.style}
                onValueChange={(value) => set("style", value)}
                options={[
                  { value: "", label: "Any style" },
                  ...mentorStyles.map((id) => ({ value: id, label: mentorStyleLabels[id] })),
                ]}
              />
              <SelectField
                label="Time-zone overlap"
                value={filters.overlap}
                onValueChange={(value) => set("overlap", value as Filters["overlap"])}
                options={[
                  { value: "any", label: "Any" },
                  { value: "some", label: "At least 1 h of my daytime a week" },
                  { value: "good", label: "At least 4 h of my daytime a week" },
                ]}
              />
            </div>
            <label className="checkbox-option">
              <input
                type="checkbox"
                checked={filters.available}
                onChange={(event) => set("available", event.target.checked)}
              />
              <span>Only mentors with open times in the next two weeks</span>
            </label>
            <div className="mentor-actions">
              <Button type="submit">Search</Button>
              <Button
                variant="ghost"
                onClick={() => {
                  setFilters(noFilters);
                  setSearched(null);
                }}
              >
                Clear
              </Button>
            </div>
          </Form>
          {searched ? (
            <section aria-label="Search results" className="mentor-results">
              <SearchResults params={searched} />
            </section>
          ) : null}
        </Card>
      </div>
    </>
  );
}
