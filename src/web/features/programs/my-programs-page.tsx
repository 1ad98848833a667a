import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Handshake } from "lucide-react";
import { useState } from "react";
import { laneIds, lanes } from "../../../shared/lane-words.ts";
import { weekdayLabels } from "../../../shared/mentors.ts";
import { levelLabels, levels } from "../../../shared/profile.ts";
import { criterionLabels, type Questionnaire } from "../../../shared/programs.ts";
import { api, call } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField, TextAreaField, TextField } from "../../ui/field.tsx";
import { Form, FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { myPlacesQuery, param } from "./programs-api.ts";
import "./programs.css";

type Place = Awaited<ReturnType<NonNullable<typeof myPlacesQuery.queryFn>>>["participations"][number];
type Slot = { weekday: number; start: string; end: string };

const dayOptions = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayLabels[d] ?? "" }));

function JoinForm({ place }: { place: Place }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [goals, setGoals] = useState(place.questionnaire?.goals.join("\n") ?? "");
  const [focus, setFocus] = useState<string[]>(place.questionnaire?.lanes ?? []);
  const [level, setLevel] = useState(place.questionnaire?.level ?? "");
  const [timeZone, setTimeZone] = useState(
    place.questionnaire?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  // Each row keeps its own key while its day or times change.
  const [slots, setSlots] = useState<(Slot & { key: string })[]>(
    (
      place.questionnaire?.availability ?? [
        { weekday: 2, start: "09:00", end: "11:00" },
        { weekday: 4, start: "14:00", end: "16:00" },
      ]
    ).map((slot, k) => ({ ...slot, key: `slot-${k}` })),
  );
  const join = useMutation({
    mutationFn: () => {
      const questionnaire: Questionnaire = {
        goals: goals
          .split("\n")
          .map((g) => g.trim())
          .filter(Boolean),
        stages: [],
        markets: [],
        level: (level || null) as Questionnaire["level"],
        timeZone: timeZone || null,
        availability: slots.map(({ weekday, start, end }) => ({ weekday, start, end })),
        lanes: focus as Questionnaire["lanes"],
      };
      return call(api["my-programs"][":id"].join.$post({ param: param(place.id), json: { questionnaire } }));
    },
    onSuccess: (data) => {
      queryClient.setQueryData(myPlacesQuery.queryKey, data);
      toast({ title: "You joined the cohort" });
    },
  });
  return (
    <Form onSubmit={() => join.mutate()} aria-label={`Join ${place.cohortName}`} error={join.error?.message}>
      <TextAreaField
        label={place.role === "mentee" ? "Your goals, one a line" : "Goals you can help with, one a line"}
        value={goals}
        onValueChange={setGoals}
        rows={3}
      />
      <CheckboxGroup
        name={`lanes-${place.id}`}
        legend={place.role === "mentee" ? "Lanes you want to grow in" : "Lanes you can help with"}
        hint="Left empty, your latest lane assessment decides."
        options={laneIds.map((id) => ({ value: id, label: lanes[id].label }))}
        value={focus}
        onChange={setFocus}
      />
      <SelectField
        label="Your level"
        hint="Used only where your profile has none."
        value={level}
        onValueChange={setLevel}
        options={[
          { value: "", label: "From my profile" },
          ...levels.map((l) => ({ value: l, label: levelLabels[l] })),
        ]}
      />
      <TextField label="Time zone of your availability" value={timeZone} onValueChange={setTimeZone} />
      <fieldset className="field">
        <legend className="field-label">When you can meet each week</legend>
        {slots.map((slot, index) => (
          <div className="program-actions" key={slot.key}>
            <SelectField
              label={`Day ${index + 1}`}
              value={String(slot.weekday)}
              onValueChange={(v) =>
                setSlots(slots.map((s, k) => (k === index ? { ...s, weekday: Number(v) } : s)))
              }
              options={dayOptions}
            />
            <TextField
              label="From"
              type="time"
              value={slot.start}
              onValueChange={(v) => setSlots(slots.map((s, k) => (k === index ? { ...s, start: v } : s)))}
            />
            <TextField
              label="To"
              type="time"
              value={slot.end}
              onValueChange={(v) => setSlots(slots.map((s, k) => (k === index ? { ...s, end: v } : s)))}
            />
          </div>
        ))}
      </fieldset>
      <FormActions>
        <Button type="submit" pending={join.isPending}>
          {place.joined ? "Save my answers" : "Join the cohort"}
        </Button>
      </FormActions>
    </Form>
  );
}

function Match({ match }: { match: Place["matches"][number] }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [metOn, setMetOn] = useState("");
  const done = (data: unknown, title: string) => {
    queryClient.setQueryData(myPlacesQuery.queryKey, data as never);
    toast({ title });
  };
  const accept = useMutation({
    mutationFn: () => call(api["program-matches"][":id"].accept.$post({ param: param(match.pairId) })),
    onSuccess: (data) => done(data, "Match confirmed"),
  });
  const met = useMutation({
    mutationFn: () =>
      call(api["program-matches"][":id"].meetings.$post({ param: param(match.pairId), json: { metOn } })),
    onSuccess: (data) => {
      done(data, "Meeting recorded");
      setMetOn("");
    },
  });
  return (
    <div className="program-pair">
      <h3>
        Your {match.with.role}: {match.with.name}
      </h3>
      <p className="muted small">{match.with.email}</p>
      <p>Why you were matched:</p>
      <ul>
        {match.explanation.criteria.map((c) => (
          <li key={c.criterion + c.text}>
            <strong>{criterionLabels[c.criterion]}</strong>: {c.text}
          </li>
        ))}
      </ul>
      <div className="program-actions">
        {match.accepted ? (
          <span className="badge badge-success">You confirmed this match</span>
        ) : (
          <Button pending={accept.isPending} onClick={() => accept.mutate()}>
            Confirm this match
          </Button>
        )}
      </div>
      <Form onSubmit={() => met.mutate()} aria-label="Record a meeting" error={met.error?.message}>
        <TextField
          label="We met on"
          type="date"
          value={metOn}
          onValueChange={setMetOn}
          required
          hint={
            match.lastMetOn
              ? `Last meeting recorded: ${match.lastMetOn}. Only the date is kept.`
              : "Only the date is kept."
          }
        />
        <FormActions>
          <Button type="submit" variant="secondary" pending={met.isPending} disabled={!metOn}>
            Record the meeting
          </Button>
        </FormActions>
      </Form>
      {accept.isError ? <Alert tone="error">{accept.error.message}</Alert> : null}
    </div>
  );
}

export function MyProgramsPage() {
  useTitle("My program places");
  const query = useQuery(myPlacesQuery);
  return (
    <>
      <PageHeader
        title="My program places"
        description="Mentoring programs you are invited to. Join with a few answers; your lanes, level, time zone and availability come from your own Sidecar data where you have them."
      />
      {query.isPending ? (
        <LoadingState label="Loading your places…" />
      ) : query.isError ? (
        <LoadFailed what="Your program places" error={query.error} retry={() => query.refetch()} />
      ) : query.data.participations.length === 0 ? (
        <EmptyState title="No program has invited you">
          When a program admin imports your email address into a cohort, it shows here.
        </EmptyState>
      ) : (
        <div className="program-grid">
          {query.data.participations.map((place) => (
            <Card
              key={place.id}
              id={`place-${place.id}`}
              title={`${place.programName}: ${place.cohortName}`}
              icon={<Handshake size={18} />}
              description={`As a ${place.role}, ${place.startsOn} to ${place.endsOn}`}
            >
              {place.matches.length > 0 ? (
                place.matches.map((m) => <Match key={m.pairId} match={m} />)
              ) : place.joined ? (
                <p>You joined. Your match shows here once the program publishes its pairs.</p>
              ) : null}
              {place.matches.length === 0 ? <JoinForm place={place} /> : null}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
