import { useMutation } from "@tanstack/react-query";
import { Handshake } from "lucide-react";
import { type Cadence, cadenceLabels, cadences } from "../../../shared/engagement-words.ts";
import { api, call } from "../../api.ts";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import {
  type E,
  engagementParam,
  preloadSchemas,
  StepConflict,
  schemas,
  useEngagementUpdate,
} from "./engagement-steps.tsx";

type AgreementValues = { goals: string; cadence: Cadence; lengthWeeks: string; confidentiality: string };
const agreementLabels = {
  goals: "Goals",
  cadence: "Cadence",
  lengthWeeks: "Length in weeks",
  confidentiality: "Confidentiality",
};
const agreementOf = (e: E) => ({
  values: {
    goals: e.agreement.goals,
    cadence: e.agreement.cadence,
    lengthWeeks: String(e.agreement.lengthWeeks),
    confidentiality: e.agreement.confidentiality,
  } as AgreementValues,
  version: e.version,
});

/** While agreeing: the terms as a form both can change, and each side's acceptance; after, the terms. */
export function AgreementCard({ engagement }: { engagement: E }) {
  const a = engagement.agreement;
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm(agreementOf(engagement).values, {
    schema: () => schemas().then((m) => m.agreementInput),
    toInput: (values) => ({ ...values, lengthWeeks: Number(values.lengthWeeks) }),
    version: engagement.version,
  });
  const accept = useMutation({
    mutationFn: () =>
      call(
        api.engagements[":id"].agreement.accept.$post({
          param: engagementParam(engagement),
          json: { version: form.version },
        }),
      ),
    onSuccess: (updated) => applied(updated, "Agreement accepted"),
    onError: (error) => form.showApiError(error),
  });
  const mine = engagement.side === "mentee" ? a.menteeAcceptedAt : a.mentorAcceptedAt;
  const theirs = engagement.side === "mentee" ? a.mentorAcceptedAt : a.menteeAcceptedAt;
  return (
    <Card
      id="agreement"
      title="Agreement"
      icon={<Handshake size={18} />}
      description="Goals, cadence, length and confidentiality. Both of you accept it before anything else starts; any change needs both acceptances again."
    >
      {engagement.state === "agreeing" ? (
        <ValidatedForm
          form={form}
          onFocus={preloadSchemas}
          onSave={async (input) => {
            const updated = await call(
              api.engagements[":id"].agreement.$put({
                param: engagementParam(engagement),
                json: { ...input, version: form.version },
              }),
            );
            applied(updated, "Agreement proposed");
          }}
          aria-label="Agreement"
        >
          <StepConflict
            form={form}
            engagementId={engagement.id}
            labels={agreementLabels}
            latest={agreementOf}
          />
          <TextAreaField label="Goals" {...form.field("goals")} rows={3} maxLength={2000} />
          <div className="engagement-row">
            <SelectField
              label="Cadence"
              {...form.field("cadence")}
              options={cadences.map((c) => ({ value: c, label: cadenceLabels[c] }))}
            />
            <TextField
              label="Length in weeks"
              type="number"
              min={2}
              max={104}
              {...form.field("lengthWeeks")}
            />
          </div>
          <TextAreaField
            label="Confidentiality"
            {...form.field("confidentiality")}
            rows={3}
            maxLength={2000}
          />
          <p className="muted small">
            {mine ? "You accepted these terms." : "You have not accepted these terms yet."}{" "}
            {theirs ? "The other person accepted them." : "The other person has not accepted them yet."}
          </p>
          <div className="engagement-actions">
            <SubmitButton variant="secondary">Save changes</SubmitButton>
            {!mine ? (
              <Button pending={accept.isPending} onClick={() => accept.mutate()}>
                Accept the agreement
              </Button>
            ) : null}
          </div>
        </ValidatedForm>
      ) : (
        <dl className="engagement-terms">
          <dt>Goals</dt>
          <dd>{a.goals}</dd>
          <dt>Cadence</dt>
          <dd>
            {cadenceLabels[a.cadence]}, for {a.lengthWeeks} weeks
          </dd>
          <dt>Confidentiality</dt>
          <dd>{a.confidentiality}</dd>
        </dl>
      )}
    </Card>
  );
}
