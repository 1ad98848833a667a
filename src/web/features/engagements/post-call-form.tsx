import { useQueryClient } from "@tanstack/react-query";
import {
  type UrgentCallKind,
  urgentCallKindLabels,
  urgentCallKinds,
} from "../../../shared/engagement-words.ts";
import { type LaneId, laneIds, lanes } from "../../../shared/lane-words.ts";
import { api, call } from "../../api.ts";
import { SelectField, TextAreaField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { preloadSchemas, schemas } from "./engagement-steps.tsx";
import { urgentCallsQuery } from "./engagements-api.ts";

const emptyCall = { kind: "offer" as UrgentCallKind, lane: "", dilemma: "" };

/** An urgent dilemma, its kind and topic: posting it reaches the fitting mentors at once. */
export function PostCallForm() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useSchemaForm(emptyCall, {
    schema: () => schemas().then((m) => m.urgentCallInput),
    toInput: (values) => ({ ...values, lane: (values.lane || null) as LaneId | null, decideBy: null }),
  });
  return (
    <ValidatedForm
      form={form}
      onFocus={preloadSchemas}
      onSave={async (input) => {
        await call(api["urgent-calls"].$post({ json: input }));
        form.set("dilemma", "");
        await queryClient.invalidateQueries({ queryKey: urgentCallsQuery.queryKey });
        toast({ title: "911 call posted" });
      }}
      aria-label="Post a 911 call"
    >
      <div className="engagement-row">
        <SelectField
          label="What is it"
          {...form.field("kind")}
          options={urgentCallKinds.map((k) => ({ value: k, label: urgentCallKindLabels[k] }))}
        />
        <SelectField
          label="Topic"
          {...form.field("lane")}
          options={[
            { value: "", label: "Any lane" },
            ...laneIds.map((l) => ({ value: l, label: lanes[l].label })),
          ]}
        />
      </div>
      <TextAreaField
        label="The dilemma and what you must decide"
        {...form.field("dilemma")}
        rows={4}
        maxLength={4000}
      />
      <SubmitButton>Post the call</SubmitButton>
    </ValidatedForm>
  );
}
