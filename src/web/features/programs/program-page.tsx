import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { ArrowLeft, CalendarRange, ShieldCheck } from "lucide-react";
import { lazy } from "react";
import { type ProgramOutput, publishModeLabels } from "../../../shared/programs.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState, RecordNotFound } from "../../ui/query-state.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { programQuery } from "./programs-api.ts";
import "./programs.css";

// The forms and their schemas load after the page's first picture.
const AddCohortForm = lazy(() => import("./program-forms.tsx").then((m) => ({ default: m.AddCohortForm })));
const AddAdminForm = lazy(() => import("./program-forms.tsx").then((m) => ({ default: m.AddAdminForm })));

export function ProgramPage() {
  const { programId } = useParams({ strict: false }) as { programId: string };
  const query = useQuery(programQuery(programId));
  useTitle(query.data?.name ?? "Program");
  return (
    <QueryState
      query={query}
      loading="Loading the program…"
      failed="The program"
      notFound={
        <RecordNotFound
          thing="program"
          back={
            <Link to="/programs" className={buttonClass("secondary")}>
              Back to programs
            </Link>
          }
        />
      }
    >
      {(program) => <ProgramView program={program} programId={programId} />}
    </QueryState>
  );
}

function ProgramView({ program, programId }: { program: ProgramOutput; programId: string }) {
  return (
    <>
      <PageHeader
        before={
          <Link to="/programs" className="breadcrumb">
            <ArrowLeft size={16} aria-hidden="true" />
            Programs
          </Link>
        }
        title={program.name}
        description={publishModeLabels[program.publishMode]}
      />
      <div className="program-grid">
        <Card id="cohorts" title="Cohorts" icon={<CalendarRange size={18} />}>
          {program.cohorts.length === 0 ? (
            <EmptyState title="No cohort yet" headingLevel={3}>
              Add a cohort with its dates, then import its participants.
            </EmptyState>
          ) : (
            <ul className="program-list">
              {program.cohorts.map((c) => (
                <li key={c.id}>
                  <Link to="/programs/cohorts/$cohortId" params={{ cohortId: c.id }}>
                    {c.name}
                  </Link>
                  <span className="muted small">
                    {c.startsOn} to {c.endsOn} · {c.participants} participants
                    {c.publishedAt ? " · published" : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <AfterPaint component={AddCohortForm} props={{ programId }} />
        </Card>
        <Card
          id="admins"
          title="Program admins"
          icon={<ShieldCheck size={18} />}
          description="Program admins see the program's aggregates and pairs, never a participant's notes, feedback, plan or session content."
        >
          <ul className="program-list">
            {program.admins.map((a) => (
              <li key={a.userId}>
                {a.name} <span className="muted small">{a.email}</span>
              </li>
            ))}
          </ul>
          <AfterPaint component={AddAdminForm} props={{ programId }} />
        </Card>
      </div>
    </>
  );
}
