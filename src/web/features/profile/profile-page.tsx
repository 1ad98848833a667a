import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import {
  type Level,
  levelLabels,
  levels,
  type ProfileInput,
  type Track,
  trackLabels,
  tracks,
} from "../../../shared/profile.ts";
import { api, call } from "../../api.ts";
import { type ProfileData, useMe, useSetMe } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { browserTimeZone, TimeZoneField } from "./time-zone-field.tsx";

const levelOptions = [
  { value: "", label: "Not set" },
  ...levels.map((level) => ({ value: level, label: levelLabels[level] })),
];
const trackOptions = [
  { value: "", label: "Not set" },
  ...tracks.map((track) => ({ value: track, label: trackLabels[track] })),
];

type Values = {
  name: string;
  headline: string;
  level: string;
  track: string;
  company: string;
  timeZone: string;
};

function toValues(profile: ProfileData): Values {
  return {
    name: profile.name,
    headline: profile.headline,
    level: profile.level ?? "",
    track: profile.track ?? "",
    company: profile.company,
    timeZone: profile.timeZone || browserTimeZone(),
  };
}

const profileLabels: Partial<Record<keyof Values, string>> = {
  name: "Name",
  headline: "Headline",
  level: "Level",
  track: "Track",
  company: "Company",
  timeZone: "Time zone",
};

export function ProfilePage() {
  useTitle("Profile");
  const { user, profile } = useMe();
  const setMe = useSetMe();
  const toast = useToast();
  const form = useSchemaForm(toValues(profile), {
    schema: () => import("../../../shared/profile.ts").then((m) => m.profileInput),
    draftKey: `sidecar:draft:${user.id}:profile`,
    toInput: (values) => ({
      ...values,
      level: (values.level || null) as Level | null,
      track: (values.track || null) as Track | null,
    }),
    version: profile.version,
  });
  const [headlineCount, setHeadlineCount] = useState(form.values.headline.length);

  const save = useMutation({
    mutationFn: (input: ProfileInput) =>
      call(api.profile.$put({ json: { ...input, version: form.version } })),
    onSuccess: (saved) => {
      setMe((me) => ({ ...me, profile: saved, user: { ...me.user, name: saved.name } }));
      form.clearDraft();
      form.setValues(toValues(saved));
      form.markSaved(saved.version, toValues(saved));
      setHeadlineCount(saved.headline.length);
      toast({ title: "Profile saved" });
    },
  });

  return (
    <>
      <PageHeader
        title="Profile"
        description="Tell Sidecar where you are in your career. Only you and the people you choose to work with see this."
      />
      <Card>
        <ValidatedForm form={form} onSave={(input) => save.mutateAsync(input)}>
          <ConflictNotice
            form={form}
            labels={profileLabels}
            loadLatest={async () => {
              const latest = await call(api.profile.$get());
              setMe((me) => ({ ...me, profile: latest, user: { ...me.user, name: latest.name } }));
              return { values: toValues(latest), version: latest.version };
            }}
          />
          {form.draftRestored ? (
            <Alert tone="info">
              We kept the changes you had not saved yet. Check them, then save your profile.
            </Alert>
          ) : null}
          <div className="form-grid">
            <TextField
              label="Name"
              name="name"
              autoComplete="name"
              value={form.values.name}
              onValueChange={(value) => form.set("name", value)}
              error={form.errors.name}
              required
            />
            <div className="field">
              <div className="field-label-row">
                <span className="field-label">Email</span>
              </div>
              <p className="field-static muted">{user.email}</p>
            </div>
            <TextField
              label="Headline"
              name="headline"
              fieldClassName="field-wide"
              value={form.values.headline}
              onValueChange={(value) => {
                form.set("headline", value);
                setHeadlineCount(value.length);
              }}
              error={form.errors.headline}
              hint={`One line about what you do, such as “Senior PM for payments at a fintech scale-up”. ${headlineCount}/160`}
              optional
              maxLength={200}
            />
            <SelectField
              label="Current level"
              name="level"
              options={levelOptions}
              value={form.values.level}
              onValueChange={(value) => form.set("level", value)}
              error={form.errors.level}
            />
            <SelectField
              label="Track"
              name="track"
              options={trackOptions}
              value={form.values.track}
              onValueChange={(value) => form.set("track", value)}
              error={form.errors.track}
            />
            <TextField
              label="Company"
              name="company"
              autoComplete="organization"
              value={form.values.company}
              onValueChange={(value) => form.set("company", value)}
              error={form.errors.company}
              optional
            />
            <TimeZoneField
              value={form.values.timeZone}
              onValueChange={(value) => form.set("timeZone", value)}
              error={form.errors.timeZone}
            />
          </div>
          <FormActions>
            <SubmitButton>Save profile</SubmitButton>
          </FormActions>
        </ValidatedForm>
      </Card>
    </>
  );
}
