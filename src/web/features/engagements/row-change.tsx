import { useQueryClient } from "@tanstack/react-query";
import type { FieldValues } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "../../ui/alert.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { type SchemaSource, useSchemaForm } from "../../ui/schema-form.tsx";
import { type E, latestEngagement } from "./engagement-steps.tsx";
import { engagementQuery } from "./engagements-api.ts";

/**
 * A one-click change to one item of the engagement (a note, an action), checked with its schema and
 * sent at the version read: a stale one shows the shared conflict notice, any other refusal below it.
 */
export function useRowChange<V extends FieldValues, S extends z.ZodType>({
  engagement,
  item,
  initial,
  schema,
  toInput,
  send,
  find,
}: {
  engagement: E;
  item: { version: number };
  initial: V;
  schema: SchemaSource<S>;
  toInput: (values: V) => unknown;
  send: (input: z.output<S>, version: number) => Promise<E>;
  /** The same item in an engagement the server answered with, for its version now. */
  find: (latest: E) => { version: number } | undefined;
}) {
  const queryClient = useQueryClient();
  const key = engagementQuery(engagement.id).queryKey;
  const form = useSchemaForm(initial, { schema, toInput, version: item.version });
  const change = (next: V) => {
    form.setValues(next);
    void form.onSubmit(async (input) => {
      const updated = await send(input, form.version);
      // The row stays on the page: its next change is based on what was just saved.
      const saved = find(updated);
      if (saved) form.markSaved(saved.version, next);
      queryClient.setQueryData(key, updated);
    })();
  };
  const notice = (
    <>
      <ConflictNotice
        form={form}
        labels={{}}
        loadLatest={async () => {
          const latest = await latestEngagement(engagement.id);
          const found = find(latest);
          if (!found) throw new Error("It was removed.");
          queryClient.setQueryData(key, latest);
          return { values: form.values, version: found.version };
        }}
      />
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
    </>
  );
  return { change, pending: form.pending, values: form.values, notice };
}
