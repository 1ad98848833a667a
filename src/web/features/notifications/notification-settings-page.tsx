import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, Mail, ShieldCheck } from "lucide-react";
import {
  type Delivery,
  deliveries,
  deliveryLabels,
  type Preferences,
  type PreferencesInput,
  type preferencesInput,
} from "../../../shared/notifications.ts";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { preferencesQuery, useSavePreferences } from "./notifications-api.ts";
import "./notifications.css";

const deliveryHints: Record<Delivery, string> = {
  each: "An email as soon as it happens.",
  digest: "One email a day, from 8:00 in your time zone.",
  off: "Only here in Sidecar.",
};

export function NotificationSettingsPage() {
  useTitle("Email settings");
  const query = useQuery(preferencesQuery);
  return (
    <>
      <PageHeader
        before={
          <Link to="/notifications" className="breadcrumb">
            <ArrowLeft size={16} aria-hidden="true" />
            Notifications
          </Link>
        }
        title="Email settings"
        description="Choose how Sidecar emails you about each kind of notification. Every notification stays in your Notifications inbox whatever you choose here."
      />
      <QueryState query={query} loading="Loading your settings…" failed="Your email settings">
        {(preferences) => <PreferencesForm preferences={preferences} />}
      </QueryState>
    </>
  );
}

type Choices = Record<string, Delivery>;

const choicesOf = (preferences: Preferences): Choices =>
  Object.fromEntries(preferences.preferences.filter((p) => !p.essential).map((p) => [p.kind, p.delivery]));

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useSchemaForm<Choices, typeof preferencesInput>(choicesOf(preferences), {
    schema: () => import("../../../shared/notifications.ts").then((m) => m.preferencesInput),
    toInput: (values) => ({ deliveries: values }),
    serverFields: (values) => [...Object.keys(values), "deliveries"],
    version: preferences.version,
  });
  const save = useSavePreferences();

  const optional = preferences.preferences.filter((p) => !p.essential);
  const essential = preferences.preferences.filter((p) => p.essential);

  async function submit(input: PreferencesInput) {
    const saved = await save.mutateAsync({ deliveries: input.deliveries, version: form.version });
    form.markSaved(saved.version, choicesOf(saved));
    toast({ title: "Email settings saved" });
  }

  return (
    <div className="stack-lg">
      <Card
        id="email-choices"
        title="Notifications by email"
        icon={<Mail size={18} />}
        description="Every email of these kinds also carries a link to stop it in one click."
      >
        <ValidatedForm form={form} onSave={submit}>
          <ConflictNotice
            form={form}
            labels={Object.fromEntries(optional.map((p) => [p.kind, p.label]))}
            describe={(value) => deliveryLabels[value as Delivery] ?? null}
            loadLatest={async () => {
              const latest = await queryClient.fetchQuery({ ...preferencesQuery, staleTime: 0 });
              return { values: choicesOf(latest), version: latest.version };
            }}
          />
          <div className="stack-lg">
            {optional.map((preference) => (
              <fieldset key={preference.kind} className="choice-group">
                <legend className="field-label">{preference.label}</legend>
                <p className="muted notification-kind-description">{preference.description}</p>
                <div className="choice-options">
                  {deliveries.map((delivery) => {
                    const id = `delivery-${preference.kind}-${delivery}`;
                    return (
                      <label key={delivery} className="choice" htmlFor={id}>
                        <input
                          id={id}
                          type="radio"
                          name={preference.kind}
                          value={delivery}
                          checked={form.values[preference.kind] === delivery}
                          onChange={() => form.set(preference.kind, delivery)}
                        />
                        <span>
                          <span className="choice-label">{deliveryLabels[delivery]}</span>
                          <span className="choice-hint">{deliveryHints[delivery]}</span>
                        </span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            ))}
          </div>
          <FormActions>
            <SubmitButton>Save email settings</SubmitButton>
          </FormActions>
        </ValidatedForm>
      </Card>
      <Card
        id="essential-mail"
        title="Always sent"
        icon={<ShieldCheck size={18} />}
        iconTone="success"
        description="Sidecar sends these whatever you choose above: your account depends on them, or someone waits for your reply."
      >
        <ul className="essential-list">
          {essential.map((preference) => (
            <li key={preference.kind}>
              <span className="choice-label">{preference.label}</span>
              <span className="badge badge-success">Always on</span>
              <p className="muted">{preference.description}</p>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
