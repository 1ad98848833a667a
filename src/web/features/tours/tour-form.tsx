import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { addDays, addMonths, format, parseISO } from "date-fns";
import { type ExperienceKey, experienceKeys, experienceLabels } from "../../../shared/experience-words.ts";
import { type LaneId, laneIds, lanes } from "../../../shared/lane-words.ts";
import { suggestTourTitle, type Tour, type TourInput, tourWarnings } from "../../../shared/tours.ts";
import { api, call } from "../../api.ts";
import { useMe, useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { rememberTour, tourQuery, toursQuery } from "./tours-api.ts";
import "./tours.css";

export type TourValues = {
  title: string;
  mission: string;
  startsOn: string;
  endsOn: string;
  renegotiateOn: string;
  lanes: string[];
  experiences: string[];
};

const tourLabels: Partial<Record<keyof TourValues, string>> = {
  title: "Title",
  mission: "Mission",
  startsOn: "Starts on",
  endsOn: "Ends on",
  renegotiateOn: "Renegotiation date",
  lanes: "Lanes",
  experiences: "Experiences",
};

const laneOptions = laneIds.map((lane) => ({ value: lane, label: lanes[lane].label }));
const experienceOptions = experienceKeys.map((key) => ({ value: key, label: experienceLabels[key] }));
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function valuesFromTour(tour: Tour): TourValues {
  return {
    title: tour.title,
    mission: tour.mission,
    startsOn: tour.startsOn,
    endsOn: tour.endsOn,
    renegotiateOn: tour.renegotiateOn ?? "",
    lanes: [...tour.lanes],
    experiences: [...tour.experiences],
  };
}

/**
 * A new tour starts today or the day after the last tour ends, and runs twelve months. A suggested
 * mission also suggests the title, so the member can create the tour as it is and refine it later.
 */
function newTourValues(
  existing: readonly Tour[],
  prefill: { mission?: string; lanes?: LaneId[]; experiences?: ExperienceKey[] },
  today: string,
): TourValues {
  const lastEnd = existing
    .map((t) => t.endedOn ?? t.endsOn)
    .sort()
    .at(-1);
  const startsOn = lastEnd && lastEnd >= today ? format(addDays(parseISO(lastEnd), 1), "yyyy-MM-dd") : today;
  return {
    title: prefill.mission ? suggestTourTitle(prefill.mission) : "",
    mission: prefill.mission ?? "",
    startsOn,
    endsOn: format(addDays(addMonths(parseISO(startsOn), 12), -1), "yyyy-MM-dd"),
    renegotiateOn: "",
    lanes: prefill.lanes ?? [],
    experiences: prefill.experiences ?? [],
  };
}

/** The first error under a field, including errors on one of its items ("lanes.0"). */
function errorFor(errors: Record<string, string | undefined>, field: string) {
  return errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];
}

function TourForm({
  tourId,
  version,
  endedOn = null,
  initial,
  draftKey,
  submitLabel,
  onCancel,
}: {
  tourId?: string;
  /** The edited tour's version as loaded; a save sends it back. */
  version?: number;
  /** The day an edited tour ended early: it overlaps later tours only up to then, as on the server. */
  endedOn?: string | null;
  initial: TourValues;
  draftKey: string;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { user } = useMe();
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useSchemaForm(initial, {
    schema: () => import("../../../shared/tours.ts").then((m) => m.tourInput),
    toInput: (values) => ({ ...values, renegotiateOn: values.renegotiateOn || null }),
    draftKey: `sidecar:draft:${user.id}:${draftKey}`,
    version,
  });
  const others = useQuery(toursQuery).data?.tours ?? [];
  const { values } = form;

  const warnings =
    isDate(values.startsOn) && isDate(values.endsOn)
      ? tourWarnings({ id: tourId, startsOn: values.startsOn, endsOn: values.endsOn, endedOn }, others)
      : [];

  const save = useMutation({
    mutationFn: (input: TourInput) =>
      tourId
        ? call(
            api.tours[":id"].$put({
              param: { id: encodeURIComponent(tourId) },
              json: { ...input, version: form.version },
            }),
          )
        : call(api.tours.$post({ json: input })),
    onSuccess: async (saved) => {
      form.clearDraft();
      rememberTour(queryClient, saved);
      toast({
        title: tourId ? "Tour saved" : "Tour of duty added",
        description: saved.warnings.length
          ? `Saved with ${saved.warnings.length === 1 ? "a warning" : `${saved.warnings.length} warnings`}: see the tour's page.`
          : undefined,
      });
      await navigate({ to: "/tours/$tourId", params: { tourId: saved.id } });
    },
  });

  return (
    <ValidatedForm form={form} onSave={(input) => save.mutateAsync(input)} aria-label={submitLabel}>
      {tourId ? (
        <ConflictNotice
          form={form}
          labels={tourLabels}
          loadLatest={async () => {
            const latest = await queryClient.fetchQuery({ ...tourQuery(tourId), staleTime: 0 });
            return { values: valuesFromTour(latest), version: latest.version };
          }}
        />
      ) : null}
      {form.draftRestored ? (
        <Alert tone="info">We kept what you had not saved yet. Check it, then save.</Alert>
      ) : null}
      <TextField
        label="Title"
        name="title"
        value={values.title}
        onValueChange={(value) => form.set("title", value)}
        error={form.errors.title}
        hint="A short name for this version of your career, such as “Grow self-serve revenue”."
        maxLength={140}
        required
      />
      <TextAreaField
        label="Mission"
        name="mission"
        value={values.mission}
        onValueChange={(value) => form.set("mission", value)}
        error={form.errors.mission}
        hint="What you will accomplish for the company, and what it will do for your career."
        rows={4}
        maxLength={1100}
        required
      />
      <div className="form-grid">
        <TextField
          label="Starts on"
          name="startsOn"
          type="date"
          value={values.startsOn}
          onValueChange={(value) => form.set("startsOn", value)}
          error={form.errors.startsOn}
          required
        />
        <TextField
          label="Ends on"
          name="endsOn"
          type="date"
          value={values.endsOn}
          onValueChange={(value) => form.set("endsOn", value)}
          error={form.errors.endsOn}
          required
        />
      </div>
      {warnings.length > 0 ? (
        <Alert tone="warning" title="Worth a second look (you can still save)">
          <ul className="tour-warnings">
            {warnings.map((warning) => (
              <li key={`${warning.code}-${warning.tourId ?? ""}`}>{warning.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <TextField
        label="Renegotiation date"
        name="renegotiateOn"
        type="date"
        value={values.renegotiateOn}
        onValueChange={(value) => form.set("renegotiateOn", value)}
        error={form.errors.renegotiateOn}
        hint="When you and your manager agree to talk about what comes next, within the tour."
        min={isDate(values.startsOn) ? values.startsOn : undefined}
        max={isDate(values.endsOn) ? values.endsOn : undefined}
        optional
        fieldClassName="tour-date-field"
      />
      <CheckboxGroup
        legend="Lanes this tour builds"
        name="lanes"
        options={laneOptions}
        value={values.lanes}
        onChange={(value) => form.set("lanes", value)}
        error={errorFor(form.errors, "lanes")}
      />
      <CheckboxGroup
        legend="Experiences it adds to your portfolio"
        name="experiences"
        options={experienceOptions}
        value={values.experiences}
        onChange={(value) => form.set("experiences", value)}
        error={errorFor(form.errors, "experiences")}
      />
      <FormActions>
        <SubmitButton>{submitLabel}</SubmitButton>
        <Button
          variant="secondary"
          onClick={() => {
            form.clearDraft();
            onCancel();
          }}
        >
          Cancel
        </Button>
      </FormActions>
    </ValidatedForm>
  );
}

type FormChoices = { draftKey: string; submitLabel: string; onCancel: () => void };

/** A new tour's form, filled from the member's last tour and what a link suggested. */
export function NewTourForm({
  existing,
  prefill,
  ...choices
}: FormChoices & {
  existing: readonly Tour[];
  prefill: { mission?: string; lanes?: LaneId[]; experiences?: ExperienceKey[] };
}) {
  const today = useMemberToday();
  return <TourForm initial={newTourValues(existing, prefill, today)} {...choices} />;
}

export function EditTourForm({ tour, ...choices }: FormChoices & { tour: Tour }) {
  return (
    <TourForm
      tourId={tour.id}
      version={tour.version}
      endedOn={tour.endedOn}
      initial={valuesFromTour(tour)}
      {...choices}
    />
  );
}
