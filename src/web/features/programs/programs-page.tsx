import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Users } from "lucide-react";
import { lazy } from "react";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { myProgramsQuery } from "./programs-api.ts";
import "./programs.css";

// The form and its schema load after the page's first picture.
const StartProgramForm = lazy(() =>
  import("./program-forms.tsx").then((m) => ({ default: m.StartProgramForm })),
);

export function ProgramsPage() {
  useTitle("Programs");
  const query = useQuery(myProgramsQuery);
  return (
    <>
      <PageHeader
        title="Programs"
        description="Mentoring programs you run: import a cohort, match it, publish the pairs and watch how they do."
        actions={<Link to="/programs/mine">My program places</Link>}
      />
      <div className="program-grid">
        <Card id="my-programs" title="Programs you run" icon={<Users size={18} />}>
          <QueryState
            query={query}
            loading="Loading your programs…"
            failed="Your programs"
            isEmpty={(data) => data.administered.length === 0}
            empty={
              <EmptyState title="You run no program yet" headingLevel={3}>
                Start one below; you become its program admin and can add others.
              </EmptyState>
            }
          >
            {(data) => (
              <ul className="program-list">
                {data.administered.map((p) => (
                  <li key={p.id}>
                    <Link to="/programs/$programId" params={{ programId: p.id }}>
                      {p.name}
                    </Link>
                    <span className="muted small">
                      {p.publishMode === "mentoring" ? "Mentoring" : "Introductions"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </Card>
        <Card id="new-program" title="Start a program">
          <AfterPaint component={StartProgramForm} props={{}} />
        </Card>
      </div>
    </>
  );
}
