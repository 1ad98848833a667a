import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Mountain, NotebookPen } from "lucide-react";
import { useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { MentoringLog, MentoringLogEntry, MentoringLogInput } from "../../../shared/mentors.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
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

const entryLabels: Partial<Record<keyof Values, string>> = {
  menteeName: "Whom you mentor",
  where: "Where",
  startedOn: "Started on",
  endedOn: "Ended on",
  focus: "What you help with",
  handedOver: "Work handed over",
};

function toValues(entry: MentoringLogEntry): Values {
  return {
    menteeName: entry.menteeName,
    where: entry.where,
    startedOn: entry.startedOn,
    endedOn: entry.endedOn ?? "",
    focus: entry.focus,
    handedOver: entry.handedOver,
  };
}

/** Adds an entry, or with `entry` changes it at the version it was read. */
function EntryForm({ entry, onDone }: { entry?: MentoringLogEntry; onDone?: () => void }) {
  const today = useMemberToday();
  const queryClient = useQueryClient();
  const toast = useToast();
  const empty: Values = entry
    ? toValues(entry)
    : { menteeName: "", where: "sidecar", startedOn: today, endedOn: "", focus: "", handedOver: "" };
  const form = useSchemaForm(empty, {
    schema: () => import("../../../shared/mentors.ts").then((m) => m.mentoringLogInput),
    toInput: (values) => ({ ...values, endedOn: values.endedOn || null }),
    version: entry?.version,
  });
  const add = useMutation({
    mutationFn: (input: MentoringLogInput) =>
      entry
        ? call(
            api["mentoring-log"][":id"].$put({
              param: { id: encodeURIComponent(entry.id) },
              json: { ...input, version: form.version },
            }),
          )
        : call(api["mentoring-log"].$post({ json: input })),
    onSuccess: async () => {
      if (!entry) form.setValues(empty);
      await queryClient.invalidateQueries({ queryKey: mentoringLogQuery.queryKey });
      toast({ title: entry ? "Entry saved" : "Added to your mentoring log" });
      onDone?.();
    },
  });
  return (
    <ValidatedForm
      form={form}
      onSave={(input) => add.mutateAsync(input)}
      aria-labelledby={entry ? undefined : "add-entry-title"}
      aria-label={entry ? `Edit ${entry.menteeName}` : undefined}
    >
      {entry ? (
        <ConflictNotice
          form={form}
          labels={entryLabels}
          loadLatest={async () => {
            const latest = (await call(api["mentoring-log"].$get())).entries.find((e) => e.id === entry.id);
            if (!latest) throw new Error("This entry was deleted in another tab.");
            return { values: toValues(latest), version: latest.version };
          }}
        />
      ) : null}
      <div className="form-grid">
        <TextField
          label="Whom you mentor"
          {...form.field("menteeName")}
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
        <TextField label="Started on" type="date" {...form.field("startedOn")} />
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
        <SubmitButton>{entry ? "Save entry" : "Add to the log"}</SubmitButton>
        {onDone ? (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </FormActions>
    </ValidatedForm>
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
  const [editing, setEditing] = useState<string | null>(null);
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
      {log.entries.map((entry) =>
        editing === entry.id ? (
          <li key={entry.id} className="request-item mentoring-log-editing">
            <EntryForm entry={entry} onDone={() => setEditing(null)} />
          </li>
        ) : (
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
            <div className="mentor-actions">
              <Button variant="secondary" size="small" onClick={() => setEditing(entry.id)}>
                Edit<span className="visually-hidden"> {entry.menteeName}</span>
              </Button>
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
            </div>
          </li>
        ),
      )}
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
          <EntryForm />
        </Card>
        <QueryState query={query} loading="Loading your log…" failed="Your log">
          {(log) => (
            <>
              <Card id="next-level-mentoring" title="Toward your next level" icon={<Mountain size={18} />}>
                <NextLevel log={log} />
              </Card>
              <Card id="log-entries" title="Your log">
                <Entries log={log} />
              </Card>
            </>
          )}
        </QueryState>
      </div>
    </>
  );
}
