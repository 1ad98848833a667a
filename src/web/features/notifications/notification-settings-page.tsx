import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ArrowLeft, Mail, ShieldCheck } from "lucide-react";
import {
  type Delivery,
  deliveries,
  deliveryLabels,
  type Preferences,
} from "../../../shared/notifications.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { Form, FormActions, useFormState } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
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
      {query.isPending ? (
        <LoadingState label="Loading your settings…" />
      ) : query.isError ? (
        <Alert tone="error" title="Couldn't load your settings">
          <div className="stack">
            <span>{query.error.message}</span>
            <div>
              <Button variant="secondary" size="small" onClick={() => query.refetch()}>
                Try again
              </Button>
            </div>
          </div>
        </Alert>
      ) : (
        <PreferencesForm preferences={query.data} />
      )}
    </>
  );
}

type Choices = Record<string, Delivery>;

const choicesOf = (preferences: Preferences): Choices =>
  Object.fromEntries(preferences.preferences.filter((p) => !p.essential).map((p) => [p.kind, p.delivery]));

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useFormState<Choices>(choicesOf(preferences), { version: preferences.version });
  const save = useSavePreferences();

  const optional = preferences.preferences.filter((p) => !p.essential);
  const essential = preferences.preferences.filter((p) => p.essential);

  function submit() {
    save.mutate(
      { deliveries: form.values, version: form.version },
      {
        onSuccess: (saved) => {
          form.markSaved(saved.version, choicesOf(saved));
          toast({ title: "Email settings saved" });
        },
        onError: (failure) => form.showApiError(failure),
      },
    );
  }

  return (
    <div className="stack-lg">
      <Card
        id="email-choices"
        title="Notifications by email"
        icon={<Mail size={18} />}
        description="Every email of these kinds also carries a link to stop it in one click."
      >
        <Form onSubmit={submit} formRef={form.formRef} error={form.formError ?? undefined}>
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
            <Button type="submit" pending={save.isPending}>
              Save email settings
            </Button>
          </FormActions>
        </Form>
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
