import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { laneIds, lanes } from "../../../shared/lane-words.ts";
import {
  type MentorProfile,
  type MentorProfileInput,
  type MyMentorProfile,
  mentorStyleLabels,
  mentorStyles,
  proofKindLabels,
  proofKinds,
  weekdayLabels,
} from "../../../shared/mentors.ts";
import { levelLabels, levels } from "../../../shared/profile.ts";
import { api, call } from "../../api.ts";
import { useMe } from "../../session.ts";
import { buttonClass } from "../../ui/button.tsx";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { RowList } from "../../ui/row-list.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { newRowKey } from "../career-plan/career-plan-api.ts";
import { browserTimeZone, TimeZoneField } from "../profile/time-zone-field.tsx";
import { myMentorProfileQuery } from "./mentors-api.ts";

type WeeklyRow = { key: string; weekday: string; start: string; end: string };
type AwayRow = { key: string; from: string; to: string };
type ProofRow = { key: string; kind: string; title: string; url: string };
type Values = {
  headline: string;
  about: string;
  lanes: string[];
  levels: string[];
  style: string;
  capacity: string;
  timeZone: string;
  weekly: WeeklyRow[];
  away: AwayRow[];
  responseHours: string;
  urgentCalls: boolean;
  showPortfolio: boolean;
  proof: ProofRow[];
};

const labels: Partial<Record<keyof Values, string>> = {
  headline: "Headline",
  about: "About",
  lanes: "Lanes",
  levels: "Levels",
  style: "Style",
  capacity: "Capacity",
  timeZone: "Time zone",
  responseHours: "Response promise",
};

function toValues(profile: MentorProfile | null, fallbackZone: string): Values {
  return {
    headline: profile?.headline ?? "",
    about: profile?.about ?? "",
    lanes: profile?.lanes ?? [],
    levels: profile?.levels ?? [],
    style: profile?.style ?? "both",
    capacity: String(profile?.capacity ?? 2),
    timeZone: profile?.timeZone ?? fallbackZone,
    weekly: (profile?.weekly ?? []).map((rule) => ({
      key: newRowKey(),
      weekday: String(rule.weekday),
      start: rule.start,
      end: rule.end,
    })),
    away: (profile?.away ?? []).map((period) => ({ key: newRowKey(), ...period })),
    responseHours: String(profile?.responseHours ?? 24),
    urgentCalls: profile?.urgentCalls ?? false,
    showPortfolio: profile?.showPortfolio ?? true,
    proof: (profile?.proof ?? []).map((item) => ({ key: newRowKey(), ...item, url: item.url ?? "" })),
  };
}

function toInput(values: Values) {
  return {
    headline: values.headline,
    about: values.about,
    lanes: values.lanes,
    levels: values.levels,
    style: values.style,
    capacity: Number(values.capacity),
    timeZone: values.timeZone,
    weekly: values.weekly.map((row) => ({ weekday: Number(row.weekday), start: row.start, end: row.end })),
    away: values.away.map(({ from, to }) => ({ from, to })),
    responseHours: Number(values.responseHours),
    urgentCalls: values.urgentCalls,
    showPortfolio: values.showPortfolio,
    proof: values.proof.map((row) => ({ kind: row.kind, title: row.title, url: row.url.trim() || null })),
  };
}

export default function MentorProfileForm({ data }: { data: MyMentorProfile }) {
  const me = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const zone = me.profile.timeZone ?? browserTimeZone();
  const form = useSchemaForm(toValues(data.profile, zone), {
    schema: () => import("../../../shared/mentors.ts").then((m) => m.mentorProfileInput),
    toInput,
    version: data.version,
  });
  const save = useMutation({
    mutationFn: (input: MentorProfileInput) =>
      call(api.mentors.me.$put({ json: { ...input, version: form.version } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(myMentorProfileQuery.queryKey, saved);
      form.markSaved(saved.version, toValues(saved.profile, zone));
      toast({ title: data.profile ? "Mentor profile saved" : "You are now a mentor" });
    },
  });
  const { values } = form;
  const setRow = <K extends "weekly" | "away" | "proof">(
    key: K,
    index: number,
    change: Partial<Values[K][number]>,
  ) =>
    form.set(
      key,
      (values[key] as Values[K][number][]).map((row, i) =>
        i === index ? { ...row, ...change } : row,
      ) as Values[K],
    );
  const err = (path: string) => form.errors[path];

  return (
    <ValidatedForm
      form={form}
      onSave={(input) => save.mutateAsync(input)}
      aria-labelledby="mentor-profile-form-title"
    >
      <ConflictNotice
        form={form}
        labels={labels}
        loadLatest={async () => {
          const latest = await call(api.mentors.me.$get());
          queryClient.setQueryData(myMentorProfileQuery.queryKey, latest);
          return { values: toValues(latest.profile, zone), version: latest.version };
        }}
      />
      <TextField
        label="Headline"
        name="headline"
        value={values.headline}
        onValueChange={(value) => form.set("headline", value)}
        error={err("headline")}
        hint="Such as “Former VP Product, scaled two B2B companies”"
        maxLength={170}
      />
      <TextAreaField
        label="About"
        name="about"
        value={values.about}
        onValueChange={(value) => form.set("about", value)}
        error={err("about")}
        optional
        rows={4}
        maxLength={3000}
      />
      <CheckboxGroup
        optional={false}
        legend="Lanes you can help with"
        name="lanes"
        options={laneIds.map((id) => ({ value: id, label: lanes[id].label }))}
        value={values.lanes}
        onChange={(value) => form.set("lanes", value)}
        error={err("lanes")}
      />
      <CheckboxGroup
        optional={false}
        legend="Levels of mentee you can help"
        name="levels"
        options={levels.map((id) => ({ value: id, label: levelLabels[id] }))}
        value={values.levels}
        onChange={(value) => form.set("levels", value)}
        error={err("levels")}
      />
      <div className="form-grid">
        <SelectField
          label="Style"
          name="style"
          value={values.style}
          onValueChange={(value) => form.set("style", value)}
          options={mentorStyles.map((id) => ({ value: id, label: mentorStyleLabels[id] }))}
          error={err("style")}
        />
        <TextField
          label="Capacity (mentees at once)"
          name="capacity"
          type="number"
          min={1}
          max={20}
          value={values.capacity}
          onValueChange={(value) => form.set("capacity", value)}
          error={err("capacity")}
        />
        <SelectField
          label="I answer requests within"
          name="responseHours"
          value={values.responseHours}
          onValueChange={(value) => form.set("responseHours", value)}
          options={[4, 12, 24, 48].map((h) => ({ value: String(h), label: `${h} hours` }))}
          error={err("responseHours")}
        />
      </div>
      <TimeZoneField
        label="Your time zone"
        value={values.timeZone}
        onValueChange={(value) => form.set("timeZone", value)}
        error={err("timeZone")}
      />
      <fieldset className="plan-part">
        <legend>Weekly availability, on your clock</legend>
        <RowList
          rows={values.weekly}
          noun="time"
          addLabel="Add a weekly time"
          max={28}
          rowClassName="mentor-plan-rows"
          empty={<p className="muted small">No weekly times yet: members see no open times.</p>}
          onAdd={() =>
            form.set("weekly", [
              ...values.weekly,
              { key: newRowKey(), weekday: "2", start: "09:00", end: "10:00" },
            ])
          }
          onRemove={(index) =>
            form.set(
              "weekly",
              values.weekly.filter((_, i) => i !== index),
            )
          }
          renderRow={(row, index) => (
            <div className="availability-row">
              <SelectField
                label={`Day ${index + 1}`}
                value={row.weekday}
                onValueChange={(value) => setRow("weekly", index, { weekday: value })}
                options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
                  value: String(d),
                  label: weekdayLabels[d] ?? "",
                }))}
                error={err(`weekly.${index}.weekday`)}
              />
              <TextField
                label={`From ${index + 1}`}
                type="time"
                value={row.start}
                onValueChange={(value) => setRow("weekly", index, { start: value })}
                error={err(`weekly.${index}.start`)}
              />
              <TextField
                label={`Until ${index + 1}`}
                type="time"
                value={row.end}
                onValueChange={(value) => setRow("weekly", index, { end: value })}
                error={err(`weekly.${index}.end`)}
              />
            </div>
          )}
        />
      </fieldset>
      <fieldset className="plan-part">
        <legend>Time away</legend>
        <RowList
          rows={values.away}
          noun="period away"
          addLabel="Add time away"
          max={20}
          rowClassName="mentor-plan-rows"
          empty={<p className="muted small">No time away planned.</p>}
          onAdd={() => form.set("away", [...values.away, { key: newRowKey(), from: "", to: "" }])}
          onRemove={(index) =>
            form.set(
              "away",
              values.away.filter((_, i) => i !== index),
            )
          }
          renderRow={(row, index) => (
            <div className="availability-row">
              <TextField
                label={`Away from ${index + 1}`}
                type="date"
                value={row.from}
                onValueChange={(value) => setRow("away", index, { from: value })}
                error={err(`away.${index}.from`)}
              />
              <TextField
                label={`Back after ${index + 1}`}
                type="date"
                value={row.to}
                onValueChange={(value) => setRow("away", index, { to: value })}
                error={err(`away.${index}.to`)}
              />
            </div>
          )}
        />
      </fieldset>
      <fieldset className="plan-part">
        <legend>Proof of work</legend>
        <RowList
          rows={values.proof}
          noun="proof"
          addLabel="Add proof of work"
          max={20}
          rowClassName="mentor-plan-rows"
          empty={<p className="muted small">Past results, writing and talks help members choose you.</p>}
          onAdd={() =>
            form.set("proof", [...values.proof, { key: newRowKey(), kind: "result", title: "", url: "" }])
          }
          onRemove={(index) =>
            form.set(
              "proof",
              values.proof.filter((_, i) => i !== index),
            )
          }
          renderRow={(row, index) => (
            <div className="availability-row">
              <SelectField
                label={`Kind ${index + 1}`}
                value={row.kind}
                onValueChange={(value) => setRow("proof", index, { kind: value })}
                options={proofKinds.map((k) => ({ value: k, label: proofKindLabels[k] }))}
              />
              <TextField
                label={`What ${index + 1}`}
                value={row.title}
                onValueChange={(value) => setRow("proof", index, { title: value })}
                error={err(`proof.${index}.title`)}
              />
              <TextField
                label={`Link ${index + 1}`}
                type="url"
                value={row.url}
                optional
                onValueChange={(value) => setRow("proof", index, { url: value })}
                error={err(`proof.${index}.url`)}
              />
            </div>
          )}
        />
      </fieldset>
      <label className="checkbox-option">
        <input
          type="checkbox"
          checked={values.showPortfolio}
          onChange={(event) => form.set("showPortfolio", event.target.checked)}
        />
        <span>Show the experiences of my portfolio on my profile (roles and notes stay private)</span>
      </label>
      <label className="checkbox-option">
        <input
          type="checkbox"
          checked={values.urgentCalls}
          onChange={(event) => form.set("urgentCalls", event.target.checked)}
        />
        <span>I take urgent calls</span>
      </label>
      <FormActions>
        <SubmitButton>{data.profile ? "Save mentor profile" : "Become a mentor"}</SubmitButton>
        {data.profile ? (
          <Link to="/mentors/$mentorId" params={{ mentorId: me.user.id }} className={buttonClass("ghost")}>
            See it as members do
          </Link>
        ) : null}
      </FormActions>
    </ValidatedForm>
  );
}
