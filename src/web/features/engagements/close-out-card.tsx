import { useMutation } from "@tanstack/react-query";
import { Star } from "lucide-react";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { SelectField, TextAreaField } from "../../ui/field.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import {
  type E,
  engagementParam,
  preloadSchemas,
  StepConflict,
  schemas,
  useEngagementUpdate,
} from "./engagement-steps.tsx";

const ratings = ["5", "4", "3", "2", "1"].map((x) => ({ value: x, label: `${x} of 5` }));
const reviewLabels = { rating: "Rating", text: "Your review", quoteAllowed: "May be quoted" };

/** Either side begins the close-out; each writes a review, shown once both are in or after 14 days. */
export function CloseOutCard({ engagement }: { engagement: E }) {
  const applied = useEngagementUpdate(engagement.id);
  const form = useSchemaForm(
    { rating: "5", text: "", quoteAllowed: false },
    {
      schema: () => schemas().then((m) => m.reviewInput),
      toInput: (values) => ({ ...values, rating: Number(values.rating) }),
      version: engagement.version,
    },
  );
  const close = useMutation({
    mutationFn: () =>
      call(
        api.engagements[":id"].close.$post({
          param: engagementParam(engagement),
          json: { version: form.version },
        }),
      ),
    onSuccess: (updated) => applied(updated, "Close-out begun"),
    onError: (error) => form.showApiError(error),
  });
  const r = engagement.reviews;
  const running = engagement.state === "active" || engagement.state === "agreeing";
  return (
    <Card
      id="close-out"
      title="Close-out"
      icon={<Star size={18} />}
      description="Each of you writes a review. Neither is shown until both are in, or 14 days have passed."
    >
      <StepConflict
        form={form}
        engagementId={engagement.id}
        labels={reviewLabels}
        latest={(e) => ({ values: form.values, version: e.version })}
      />
      {running ? (
        <>
          {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
          <Button variant="secondary" pending={close.isPending} onClick={() => close.mutate()}>
            Begin the close-out
          </Button>
        </>
      ) : null}
      {!running && !r.mine ? (
        <ValidatedForm
          form={form}
          onFocus={preloadSchemas}
          onSave={async (input) => {
            const updated = await call(
              api.engagements[":id"].review.$post({ param: engagementParam(engagement), json: input }),
            );
            applied(updated, "Review saved");
          }}
          aria-label="Your review"
        >
          <SelectField label="Rating" {...form.field("rating")} options={ratings} />
          <TextAreaField label="Your review" {...form.field("text")} rows={4} maxLength={4000} />
          {engagement.side === "mentee" ? (
            <label className="checkbox-option">
              <input
                type="checkbox"
                name="quoteAllowed"
                checked={form.values.quoteAllowed}
                onChange={(e) => form.set("quoteAllowed", e.target.checked)}
              />
              The mentor's profile may quote my review
            </label>
          ) : null}
          <SubmitButton>Save review</SubmitButton>
        </ValidatedForm>
      ) : null}
      {r.mine ? (
        <p className="small">
          Your review: {r.mine.rating} of 5. “{r.mine.text}”
        </p>
      ) : null}
      {r.theirs ? (
        <p className="small">
          {r.theirs.authorName}'s review: {r.theirs.rating} of 5. “{r.theirs.text}”
        </p>
      ) : !running ? (
        <p className="muted small">
          {r.theirsIn ? "The other review is in; it shows once yours is." : "The other review is not in yet."}
        </p>
      ) : null}
    </Card>
  );
}
