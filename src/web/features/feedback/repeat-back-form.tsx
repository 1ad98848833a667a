import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import type { ReflectionInput } from "../../../shared/feedback.ts";
import { api, call } from "../../api.ts";
import { Button } from "../../ui/button.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField } from "../../ui/field.tsx";
import { useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { feedbackResultsQuery } from "./feedback-api.ts";

type Reflected = { heard: string; readOn: string | null; version: number };

function pick(item: Reflected | undefined) {
  return item ? { heard: item.heard, readOn: item.readOn, version: item.version } : {};
}

/**
 * "What I heard" under a question or a lane: saved as a draft or marked read. Loaded once the results
 * are on screen, with its schema and the form library.
 */
export default function RepeatBackForm({
  requestId,
  item,
  label,
}: {
  requestId: string;
  item: Reflected & { key: string };
  label: string;
}) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(
    { heard: item.heard, read: false },
    {
      schema: () => import("../../../shared/feedback.ts").then((m) => m.reflectionInput),
      version: item.version,
      serverFields: () => ["heard"],
    },
  );
  const save = useMutation({
    mutationFn: (input: ReflectionInput) =>
      call(
        api.feedback.requests[":id"].reflections[":questionKey"].$put({
          param: { id: encodeURIComponent(requestId), questionKey: encodeURIComponent(item.key) },
          json: { ...input, version: form.version },
        }),
      ),
    onSuccess: (results) => {
      const saved = [...results.questions, ...results.lanes].find(
        (r) => ("key" in r ? r.key : r.lane) === item.key,
      );
      if (saved) form.markSaved(saved.version, { heard: saved.heard, read: false });
      // Keep the paragraphs in the order already on screen; only the reflections change.
      queryClient.setQueryData(feedbackResultsQuery(requestId).queryKey, (current) =>
        current
          ? {
              ...current,
              questions: current.questions.map((q, i) => ({ ...q, ...pick(results.questions[i]) })),
              lanes: current.lanes.map((l, i) => ({ ...l, ...pick(results.lanes[i]) })),
            }
          : results,
      );
    },
  });
  // Both buttons submit the same form; which one was pressed says whether this is marked read.
  const submit = (read: boolean) => {
    form.set("read", read);
  };
  const pressed = save.isPending ? save.variables?.read : undefined;
  return (
    <ValidatedForm form={form} onSave={(input) => save.mutateAsync(input)} className="repeat-back">
      <ConflictNotice
        form={form}
        labels={{ heard: `What I heard: ${label}` }}
        loadLatest={async () => {
          const latest = await call(
            api.feedback.requests[":id"].results.$get({ param: { id: encodeURIComponent(requestId) } }),
          );
          const found = [...latest.questions, ...latest.lanes].find(
            (r) => ("key" in r ? r.key : r.lane) === item.key,
          );
          if (!found) throw new Error("This question is gone.");
          return { values: { heard: found.heard, read: false }, version: found.version };
        }}
      />
      <TextAreaField
        label={`What I heard: ${label}`}
        {...form.field("heard")}
        hint="In your own words, before any reply. What is the message underneath?"
        maxLength={4200}
      />
      <div className="row">
        <Button
          type="submit"
          variant="secondary"
          size="small"
          pending={pressed === false}
          onClick={() => submit(false)}
        >
          Save
        </Button>
        {item.readOn ? (
          <span className="badge badge-success">Read {formatCalendarDate(item.readOn)}</span>
        ) : (
          <Button type="submit" size="small" pending={pressed === true} onClick={() => submit(true)}>
            Mark read
          </Button>
        )}
      </div>
    </ValidatedForm>
  );
}
