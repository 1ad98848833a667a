import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { Users } from "lucide-react";
import { useState } from "react";
import { type PublishMode, publishModeLabels, publishModes } from "../../../shared/programs.ts";
import { api, call } from "../../api.ts";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { Form, FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { myProgramsQuery } from "./programs-api.ts";
import "./programs.css";

const modeOptions = publishModes.map((value) => ({ value, label: publishModeLabels[value] }));

export function ProgramsPage() {
  useTitle("Programs");
  const query = useQuery(myProgramsQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [publishMode, setPublishMode] = useState<PublishMode>("introduction");
  const create = useMutation({
    mutationFn: () => call(api.programs.$post({ json: { name, description: "", publishMode } })),
    onSuccess: async (program) => {
      await queryClient.invalidateQueries({ queryKey: ["programs"] });
      await navigate({ to: "/programs/$programId", params: { programId: program.id } });
    },
  });
  return (
    <>
      <PageHeader
        title="Programs"
        description="Mentoring programs you run: import a cohort, match it, publish the pairs and watch how they do."
        actions={<Link to="/programs/mine">My program places</Link>}
      />
      <div className="program-grid">
        <Card id="my-programs" title="Programs you run" icon={<Users size={18} />}>
          {query.isPending ? (
            <LoadingState label="Loading your programs…" />
          ) : query.isError ? (
            <LoadFailed what="Your programs" error={query.error} retry={() => query.refetch()} />
          ) : query.data.administered.length === 0 ? (
            <EmptyState title="You run no program yet" headingLevel={3}>
              Start one below; you become its program admin and can add others.
            </EmptyState>
          ) : (
            <ul className="program-list">
              {query.data.administered.map((p) => (
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
        </Card>
        <Card id="new-program" title="Start a program">
          <Form onSubmit={() => create.mutate()} aria-label="Start a program" error={create.error?.message}>
            <TextField label="Program name" value={name} onValueChange={setName} required maxLength={120} />
            <SelectField
              label="What a published pair becomes"
              value={publishMode}
              onValueChange={(v) => setPublishMode(v as PublishMode)}
              options={modeOptions}
            />
            <FormActions>
              <Button type="submit" pending={create.isPending}>
                Start the program
              </Button>
            </FormActions>
          </Form>
        </Card>
      </div>
    </>
  );
}
