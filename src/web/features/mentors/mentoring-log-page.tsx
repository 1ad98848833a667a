import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Mountain, NotebookPen } from "lucide-react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { type MentoringLog, mentoringLogInput } from "../../../shared/mentors.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { Form, FormActions, useFormState } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { mentoringLogQuery } from "./mentors-api.ts";
import "./mentors.css";

type Values = {
  menteeName: string;
  where: string;
  startedOn: string;
  endedOn: string;
  focus: string;
  handedOver: string;
};

function AddEntry() {
  const today = useMemberToday();
  const queryClient = useQueryClient();
  const toast = useToast();
  const empty: Values = {
    menteeName: "",
    where: "sidecar",
    startedOn: today,
    endedOn: "",
    focus: "",
    handedOver: "",
  };
  const form = useFormState<Values>(empty);
  const add = useMutation({
    mutationFn: (input: ReturnType<typeof mentoringLogInput.parse>) =>
      call(api["mentoring-log"].$post({ json: input })),
    onSuccess: async () => {
      form.setValues(empty);
      await queryClient.invalidateQueries({ queryKey: mentoringLogQuery.queryKey });
      toast({ title: "Added to your mentoring log" });
    },
    onError: (error) => form.showApiError(error),
  });
  return (
    <Form
      onSubmit={() => {
        const input = form.validate(mentoringLogInput, {
          ...form.values,
          endedOn: form.values.endedOn || null,
        });
        if (input) add.mutate(input);
      }}
      formRef={form.formRef}
      error={form.formError}
      aria-labelledby="add-entry-title"
    >
      <div className="form-grid">
        <TextField
          label="Whom you mentor"
          name="menteeName"
          value={form.values.menteeName}
          onValueChange={(value) => form.set("menteeName", value)}
          error={form.errors.menteeName}
          hint="A name or a description only you will read, such as “Jo, new APM”."
          maxLength={100}
        />
        <SelectField
          label="Where"
          name="where"
          value={form.values.where}
          onValueChange={(value) => form.set("where", value)}
          options={[
            { value: "sidecar", label: "In Sidecar" },
            { value: "outside", label: "Outside Sidecar" },
          ]}
          error={form.errors.where}
        />
        <TextField
          label="Started on"
          name="startedOn"
          type="date"
          value={form.values.startedOn}
          onValueChange={(value) => form.set("startedOn", value)}
          error={form.errors.startedOn}
        />
        <TextField
          label="Ended on"
          name="endedOn"
          type="date"
          optional
          value={form.values.endedOn}
          onValueChange={(value) => form.set("endedOn", value)}
          error={form.errors.endedOn}
        />
      </div>
      <TextAreaField
        label="What you help with"
        name="focus"
        optional
        value={form.values.focus}
        onValueChange={(value) => form.set("focus", value)}
        error={form.errors.focus}
        rows={2}
        maxLength={1000}
      />
      <TextAreaField
        label="Important work of yours you handed over"
        name="handedOver"
        optional
        value={form.values.handedOver}
        onValueChange={(value) => form.set("handedOver", value)}
        error={form.errors.handedOver}
        hint="Letting someone else own a piece of your important work is how you lead through others."
        rows={2}
        maxLength={1000}
      />
      <FormActions>
        <Button type="submit" pending={add.isPending}>
          Add to the log
        </Button>
      </FormActions>
    </Form>
  );
}

function NextLevel({ log }: { log: MentoringLog }) {
  const queryClient = useQueryClient();
  const tick = useMutation({
    mutationFn: (check: MentoringLog["nextLevel"][number]) =>
      call(
        api["target-role"].checks[":itemId"].$put({
          param: { itemId: check.checkId },
          json: { checked: check.checkedOn === null, version: check.version },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mentoringLogQuery.queryKey }),
  });
  if (log.nextLevel.length === 0) {
    return (
      <p className="muted">
        Your next level has no mentoring step, or your level is not set.{" "}
        <Link to="/next-level">See your next level</Link>.
      </p>
    );
  }
  return (
    <>
      {tick.isError ? <Alert tone="error">{tick.error.message}</Alert> : null}
      <ul className="request-list">
        {log.nextLevel.map((check) => (
          <li key={check.checkId} className="request-item">
            <div>
              <strong>{check.text}</strong>
              <p className="muted small">
                {check.because}.{check.checkedOn ? ` Ticked on ${formatCalendarDate(check.checkedOn)}.` : ""}
              </p>
            </div>
            <Button
              variant={check.checkedOn ? "ghost" : "secondary"}
              size="small"
              disabled={!check.supported && !check.checkedOn}
              pending={tick.isPending && tick.variables?.checkId === check.checkId}
              onClick={() => tick.mutate(check)}
            >
              {check.checkedOn ? "Untick" : "Tick on my next-level checklist"}
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

function Entries({ log }: { log: MentoringLog }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) =>
      call(api["mentoring-log"][":id"].$delete({ param: { id: encodeURIComponent(id) } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mentoringLogQuery.queryKey }),
  });
  if (log.entries.length === 0) {
    return (
      <EmptyState title="No one logged yet" headingLevel={3}>
        Log the people you mentor, inside or outside Sidecar, and what you handed over to them.
      </EmptyState>
    );
  }
  return (
    <ul className="request-list">
      {log.entries.map((entry) => (
        <li key={entry.id} className="request-item">
          <div>
            <strong>{entry.menteeName}</strong>{" "}
            <span className="badge">{entry.where === "sidecar" ? "In Sidecar" : "Outside Sidecar"}</span>
            <p className="muted small">
              Since {formatCalendarDate(entry.startedOn)}
              {entry.endedOn ? `, until ${formatCalendarDate(entry.endedOn)}` : ", ongoing"}
            </p>
            {entry.focus ? <p className="small">{entry.focus}</p> : null}
            {entry.handedOver ? <p className="small">Handed over: {entry.handedOver}</p> : null}
          </div>
          <Button
            variant="ghost"
            size="small"
            pending={remove.isPending && remove.variables === entry.id}
            onClick={() => {
              if (window.confirm(`Delete ${entry.menteeName} from your log?`)) remove.mutate(entry.id);
            }}
          >
            Delete<span className="visually-hidden"> {entry.menteeName}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

export function MentoringLogPage() {
  useTitle("Mentoring others");
  const query = useQuery(mentoringLogQuery);
  return (
    <>
      <PageHeader
        title="Mentoring others"
        description="Whom you mentor and which of your own important work you handed over. It counts toward the “mentor others” step of your next level. Only you see this log."
      />
      <div className="stack-lg">
        <Card id="add-entry" title="Log someone you mentor" icon={<NotebookPen size={18} />}>
          <AddEntry />
        </Card>
        {query.isPending ? (
          <LoadingState label="Loading your log…" />
        ) : query.isError ? (
          <Alert tone="error">Your log could not be loaded. {query.error.message}</Alert>
        ) : (
          <>
            <Card id="next-level-mentoring" title="Toward your next level" icon={<Mountain size={18} />}>
              <NextLevel log={query.data} />
            </Card>
            <Card id="log-entries" title="Your log">
              <Entries log={query.data} />
            </Card>
          </>
        )}
      </div>
    </>
  );
}
