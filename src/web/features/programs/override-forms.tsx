import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import type { CohortOutput, OverrideInput, PairOutput } from "../../../shared/programs.ts";
import { api, call } from "../../api.ts";
import { Button } from "../../ui/button.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { cohortQuery, param, runQuery } from "./programs-api.ts";

/**
 * The forms that override a run's result: pin or forbid a pair, or change a mentor's seats, each with
 * its reason on record. Loaded when one is opened, never with the cohort page.
 */

const overrideSchema = () => import("../../../shared/programs.ts").then((m) => m.overrideInput);

function useOverride(cohortId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (json: OverrideInput) =>
      call(api.cohorts[":id"].overrides.$post({ param: param(cohortId), json })),
    onSuccess: async (data: CohortOutput) => {
      queryClient.setQueryData(cohortQuery(cohortId).queryKey, data);
      await queryClient.invalidateQueries({ queryKey: ["runs"] });
    },
  });
}

/** Pin or forbid one pair, saying why. */
export function ReasonForm({
  cohortId,
  kind,
  pair,
  onDone,
  onCancel,
}: {
  cohortId: string;
  kind: "pin" | "forbid";
  pair: PairOutput;
  onDone: () => void;
  onCancel: () => void;
}) {
  const toast = useToast();
  const label = kind === "pin" ? "Pin this pair" : "Forbid this pair";
  const save = useOverride(cohortId);
  const form = useSchemaForm(
    { reason: "" },
    {
      schema: overrideSchema,
      toInput: (values) => ({
        kind,
        menteeId: pair.mentee.id,
        mentorId: pair.mentor.id,
        reason: values.reason,
      }),
      serverFields: () => ["reason"],
    },
  );
  return (
    <ValidatedForm
      form={form}
      aria-label={label}
      onSave={async (input) => {
        await save.mutateAsync(input);
        toast({ title: "Recorded. Run matching again to solve around it." });
        onDone();
      }}
    >
      <TextField label={`${label}: why?`} {...form.field("reason")} maxLength={500} />
      <FormActions>
        <SubmitButton size="small">{label}</SubmitButton>
        <Button size="small" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </FormActions>
    </ValidatedForm>
  );
}

type SeatValues = { capacity: string; reason: string };

/**
 * A mentor's seats for the next run, with the reason on record. Sent with the seats' version as read:
 * when another admin or a re-import changed them meanwhile, the notice offers the latest and keeps
 * what was typed.
 */
export function SeatForm({
  cohortId,
  pair,
  page,
  onDone,
  onCancel,
}: {
  cohortId: string;
  pair: PairOutput;
  page: { runId: string; number: number };
  onDone: () => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useOverride(cohortId);
  // The version sent is the form's own (moved on by a loaded conflict), read at submit time.
  const version = useRef(pair.mentorSeats.version);
  const form = useSchemaForm<SeatValues, Awaited<ReturnType<typeof overrideSchema>>>(
    { capacity: String(pair.mentorSeats.seats), reason: "" },
    {
      schema: overrideSchema,
      version: pair.mentorSeats.version,
      toInput: (values: SeatValues): unknown => ({
        kind: "capacity",
        mentorId: pair.mentor.id,
        capacity: values.capacity.trim() === "" ? Number.NaN : Number(values.capacity),
        reason: values.reason,
        version: version.current,
      }),
      serverFields: () => ["capacity", "reason", "version"],
    },
  );
  version.current = form.version;
  return (
    <ValidatedForm
      form={form}
      aria-label={`Seats of ${pair.mentor.name}`}
      onSave={async (input) => {
        if (input.kind !== "capacity") return;
        await save.mutateAsync(input);
        form.markSaved(input.version + 1);
        toast({
          title: `${pair.mentor.name} now has ${input.capacity} ${input.capacity === 1 ? "seat" : "seats"}. Run matching again to solve around it.`,
        });
        onDone();
      }}
    >
      <ConflictNotice
        form={form}
        labels={{ capacity: "Seats", reason: "Why" }}
        loadLatest={async () => {
          const latest = await queryClient.fetchQuery({ ...runQuery(page.runId, page.number), staleTime: 0 });
          const mine = latest.pairs.find((p) => p.mentor.id === pair.mentor.id);
          if (!mine) throw new Error("This mentor is no longer on this page of pairs.");
          return {
            values: { capacity: String(mine.mentorSeats.seats), reason: "" },
            version: mine.mentorSeats.version,
          };
        }}
      />
      <div className="program-weights">
        <TextField
          label={`Seats of ${pair.mentor.name}`}
          type="number"
          min={0}
          max={20}
          inputMode="numeric"
          {...form.field("capacity")}
          hint={`Now ${pair.mentorSeats.seats}. 0 to 20; the next run fills at most this many.`}
        />
        <TextField label="Why change the seats?" {...form.field("reason")} maxLength={500} />
      </div>
      <FormActions>
        <SubmitButton size="small">Change the seats</SubmitButton>
        <Button size="small" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </FormActions>
    </ValidatedForm>
  );
}
