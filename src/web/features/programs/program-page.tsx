import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { CalendarRange, ShieldCheck } from "lucide-react";
import { useState } from "react";
import { publishModeLabels } from "../../../shared/programs.ts";
import { api, call } from "../../api.ts";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { TextField } from "../../ui/field.tsx";
import { Form, FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { isNotFound, LoadFailed, RecordNotFound } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { param, programQuery } from "./programs-api.ts";
import "./programs.css";

export function ProgramPage() {
  const { programId } = useParams({ strict: false }) as { programId: string };
  const query = useQuery(programQuery(programId));
  const queryClient = useQueryClient();
  const toast = useToast();
  useTitle(query.data?.name ?? "Program");
  const [cohort, setCohort] = useState({ name: "", startsOn: "", endsOn: "" });
  const [email, setEmail] = useState("");
  const refresh = (data: unknown) =>
    queryClient.setQueryData(programQuery(programId).queryKey, data as never);
  const addCohort = useMutation({
    mutationFn: () => call(api.programs[":id"].cohorts.$post({ param: param(programId), json: cohort })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["programs", programId] });
      setCohort({ name: "", startsOn: "", endsOn: "" });
      toast({ title: "Cohort added" });
    },
  });
  const grant = useMutation({
    mutationFn: () => call(api.programs[":id"].admins.$post({ param: param(programId), json: { email } })),
    onSuccess: (data) => {
      refresh(data);
      setEmail("");
      toast({ title: "Program admin added" });
    },
  });
  if (query.isPending) return <LoadingState label="Loading the program…" />;
  if (query.isError) {
    return isNotFound(query.error) ? (
      <RecordNotFound
        thing="program"
        back={
          <Link to="/programs" className={buttonClass("secondary")}>
            Back to programs
          </Link>
        }
      />
    ) : (
      <LoadFailed what="The program" error={query.error} retry={() => query.refetch()} />
    );
  }
  const program = query.data;
  return (
    <>
      <PageHeader title={program.name} description={publishModeLabels[program.publishMode]} />
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
          <Form
            onSubmit={() => addCohort.mutate()}
            aria-label="Add a cohort"
            error={addCohort.error?.message}
          >
            <TextField
              label="Cohort name"
              value={cohort.name}
              onValueChange={(name) => setCohort({ ...cohort, name })}
              required
            />
            <TextField
              label="First day"
              type="date"
              value={cohort.startsOn}
              onValueChange={(startsOn) => setCohort({ ...cohort, startsOn })}
              required
            />
            <TextField
              label="Last day"
              type="date"
              value={cohort.endsOn}
              onValueChange={(endsOn) => setCohort({ ...cohort, endsOn })}
              required
            />
            <FormActions>
              <Button type="submit" pending={addCohort.isPending}>
                Add the cohort
              </Button>
            </FormActions>
          </Form>
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
          <Form onSubmit={() => grant.mutate()} aria-label="Add a program admin" error={grant.error?.message}>
            <TextField label="Member's email" type="email" value={email} onValueChange={setEmail} required />
            <FormActions>
              <Button type="submit" variant="secondary" pending={grant.isPending}>
                Make program admin
              </Button>
            </FormActions>
          </Form>
        </Card>
      </div>
    </>
  );
}
