import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, CalendarClock, Eye, History, LifeBuoy, Share2, Trash2, Unlink } from "lucide-react";
import { useState } from "react";
import { formatCalendarDate } from "../../../shared/calendar-date.ts";
import { cutAtWord } from "../../../shared/cut-at-word.ts";
import {
  type Cadence,
  type CheckInArea,
  cadenceLabels,
  cadences,
  checkInAreaDescriptions,
  checkInAreaLabels,
  checkInAreas,
  needsTarget,
} from "../../../shared/manager-words.ts";
import type { AreaInput, areaInput, cadenceInput, ManagerLinkDetail } from "../../../shared/managers.ts";
import { api, call } from "../../api.ts";
import { useMemberToday } from "../../session.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { ConflictNotice } from "../../ui/conflict.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SelectField } from "../../ui/field.tsx";
import { FormActions } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState, RecordNotFound } from "../../ui/query-state.tsx";
import { SubmitButton, useSchemaForm, ValidatedForm } from "../../ui/schema-form.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { readAllDecisions } from "../decisions/decisions-api.ts";
import { readAllTours } from "../tours/tours-api.ts";
import { CheckInForm } from "./check-in-form.tsx";
import { managerLinkQuery, managersQuery } from "./managers-api.ts";
import "./managers.css";

const route = getRouteApi("/app/managers/$linkId");

export function BackToManagers() {
  return (
    <Link to="/managers" className="breadcrumb">
      <ArrowLeft size={16} aria-hidden="true" />
      Managers
    </Link>
  );
}

function otherName(detail: ManagerLinkDetail) {
  const { link } = detail;
  return link.side === "manager" ? (link.report?.name ?? link.reportEmail) : link.manager.name;
}

function StartCheckIn({ detail }: { detail: ManagerLinkDetail }) {
  const navigate = useNavigate();
  const today = useMemberToday();
  return (
    <Card
      id="start-check-in"
      title="What can I help you with?"
      icon={<LifeBuoy size={18} />}
      description={`Start a check-in with ${detail.link.manager.name} from your answer. The agenda is yours: they can suggest topics, you decide.`}
    >
      <CheckInForm
        initial={{ heldOn: today, helpWith: "" }}
        hint="Your manager reads this on the check-in. Leave it empty to decide later."
        submitLabel="Start the check-in"
        labelledBy="start-check-in-title"
        onSave={async (input) => {
          const checkIn = await call(
            api["manager-links"][":id"]["check-ins"].$post({
              param: { id: encodeURIComponent(detail.link.id) },
              json: input,
            }),
          );
          await navigate({ to: "/check-ins/$checkInId", params: { checkInId: checkIn.id } });
          return undefined;
        }}
      />
    </Card>
  );
}

type Target = { value: string; label: string };

function useTargets(area: CheckInArea) {
  return useQuery({
    queryKey: ["manager-targets", area],
    enabled: needsTarget(area),
    queryFn: async (): Promise<Target[]> => {
      if (area === "tour") {
        return (await readAllTours()).tours.map((t) => ({
          value: t.id,
          label: t.title,
        }));
      }
      if (area === "decision") {
        return (await readAllDecisions()).decisions.map((d) => ({
          value: d.id,
          label: d.dilemma,
        }));
      }
      if (area === "feedback_themes") {
        return (await call(api.feedback.requests.$get())).requests.map((r) => ({
          value: r.id,
          label: r.title ?? r.purpose,
        }));
      }
      return (await call(api["promotion-diagnoses"].$get())).history.map((d) => ({
        value: d.id,
        label: `Promotion diagnosis of ${formatCalendarDate(d.takenOn)}`,
      }));
    },
  });
}

/**
 * What the picker offers: a whole area (lanes, story) shared once is shared, so it is not offered again;
 * an area of records (a tour, a decision…) stays, for the records not shared yet. The first area with
 * nothing shared comes first; null when every area has something shared.
 */
function areaChoices(areas: ManagerLinkDetail["areas"]) {
  const shared = new Set(areas.map((a) => a.area));
  const offered = checkInAreas.filter((area) => needsTarget(area) || !shared.has(area));
  const next = checkInAreas.find((area) => !shared.has(area)) ?? null;
  const sharedTargets = new Set(areas.map((a) => a.targetId).filter(Boolean));
  return { offered, next, sharedTargets };
}

function ShareAreas({ detail }: { detail: ManagerLinkDetail }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const key = managerLinkQuery(detail.link.id).queryKey;
  const { offered, next, sharedTargets } = areaChoices(detail.areas);
  const form = useSchemaForm<{ area: CheckInArea; targetId: string }, typeof areaInput>(
    { area: next ?? offered[0] ?? "tour", targetId: "" },
    {
      schema: () => import("../../../shared/managers.ts").then((m) => m.areaInput),
      toInput: ({ area, targetId }) => ({ area, targetId: needsTarget(area) ? targetId || null : null }),
    },
  );
  const targets = useTargets(form.values.area);
  const share = async (input: AreaInput) => {
    const result = await call(
      api["manager-links"][":id"].areas.$post({
        param: { id: encodeURIComponent(detail.link.id) },
        json: input,
      }),
    );
    queryClient.setQueryData(key, result);
    const after = areaChoices(result.areas);
    form.setValues({ area: after.next ?? after.offered[0] ?? "tour", targetId: "" });
    toast({ title: `${detail.link.manager.name} can now see it, read-only` });
  };
  const revoke = useMutation({
    mutationFn: (areaId: string) =>
      call(
        api["manager-links"][":id"].areas[":areaId"].$delete({
          param: { id: encodeURIComponent(detail.link.id), areaId: encodeURIComponent(areaId) },
        }),
      ),
    onSuccess: (result) => {
      queryClient.setQueryData(key, result);
      toast({
        title: "No longer shared",
        description: `${detail.link.manager.name}'s next page load no longer shows it.`,
      });
    },
    onError: (error) => toast({ title: "It was not revoked", description: error.message, tone: "error" }),
  });
  const withTarget = needsTarget(form.values.area);
  const unshared = (targets.data ?? []).filter((target) => !sharedTargets.has(target.value));
  return (
    <Card
      id="shared-areas"
      title={`What I invite ${detail.link.manager.name} into`}
      icon={<Share2 size={18} />}
      description="Each area is shared read-only until you take it back. Nothing else of yours is visible to your manager."
    >
      <div className="stack">
        {detail.areas.length === 0 ? (
          <EmptyState icon={<Share2 size={24} />} title="Nothing shared yet" headingLevel={3}>
            Pick an area below where you would like your manager's help: your lanes, a tour of duty, a
            decision, your story, the themes of a feedback request or a promotion diagnosis.
          </EmptyState>
        ) : (
          <ul className="managers-list">
            {detail.areas.map((area) => (
              <li key={area.id} className="managers-person">
                <span>
                  <span className="managers-person-name">{checkInAreaLabels[area.area]}</span>
                  {area.targetId ? <span className="small muted"> — {area.label}</span> : null}
                </span>
                <span className="managers-actions">
                  <Link
                    to="/managers/$linkId/areas/$areaId"
                    params={{ linkId: detail.link.id, areaId: area.id }}
                    className={buttonClass("ghost", "small")}
                  >
                    See what they see
                    <span className="visually-hidden"> for {area.label}</span>
                  </Link>
                  <Button
                    variant="ghost"
                    size="small"
                    icon={<Trash2 size={16} aria-hidden="true" />}
                    pending={revoke.isPending && revoke.variables === area.id}
                    onClick={() => revoke.mutate(area.id)}
                  >
                    Stop sharing
                    <span className="visually-hidden"> {area.label}</span>
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        )}
        {next ? null : (
          <p className="small muted">
            Every area is shared with {detail.link.manager.name}. You can still share another tour of duty,
            decision, feedback request or promotion diagnosis.
          </p>
        )}
        <ValidatedForm form={form} onSave={share} aria-label="Share an area">
          <div className="form-grid">
            <SelectField
              label="Area"
              name="area"
              value={form.values.area}
              onValueChange={(value) => {
                form.set("area", value as CheckInArea);
                form.set("targetId", "");
              }}
              options={offered.map((area) => ({ value: area, label: checkInAreaLabels[area] }))}
              error={form.errors.area}
              hint={checkInAreaDescriptions[form.values.area]}
            />
            {withTarget ? (
              <SelectField
                label="Which one"
                name="targetId"
                value={form.values.targetId}
                onValueChange={(value) => form.set("targetId", value)}
                options={[{ value: "", label: targets.isPending ? "Loading…" : "Choose…" }, ...unshared]}
                error={form.errors.targetId}
                hint={
                  targets.data?.length === 0
                    ? "You have none of these yet."
                    : targets.data && unshared.length === 0
                      ? `Every one of these is shared with ${detail.link.manager.name} already.`
                      : undefined
                }
              />
            ) : null}
          </div>
          <FormActions>
            <SubmitButton>Share read-only</SubmitButton>
          </FormActions>
        </ValidatedForm>
      </div>
    </Card>
  );
}

function SharedWithManager({ detail }: { detail: ManagerLinkDetail }) {
  const name = otherName(detail);
  return (
    <Card
      id="shared-areas"
      title={`What ${name} invites you into`}
      icon={<Eye size={18} />}
      description="Read-only, for as long as they choose. You see nothing else of theirs."
    >
      {detail.areas.length === 0 ? (
        <EmptyState icon={<Eye size={24} />} title="Nothing shared with you yet" headingLevel={3}>
          Ask “what can I help you with?” and wait to be invited in. When {name} shares an area, it appears
          here.
        </EmptyState>
      ) : (
        <ul className="managers-list">
          {detail.areas.map((area) => (
            <li key={area.id} className="managers-person">
              <span>
                <span className="managers-person-name">{checkInAreaLabels[area.area]}</span>
                {area.targetId ? <span className="small muted"> — {area.label}</span> : null}
              </span>
              <Link
                to="/managers/$linkId/areas/$areaId"
                params={{ linkId: detail.link.id, areaId: area.id }}
                className={buttonClass("secondary", "small")}
              >
                Open
                <span className="visually-hidden"> {area.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function CadenceCard({ detail }: { detail: ManagerLinkDetail }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { link } = detail;
  const key = managerLinkQuery(link.id).queryKey;
  const form = useSchemaForm<{ cadence: Cadence }, ReturnType<typeof cadenceInput.omit<{ version: true }>>>(
    { cadence: link.proposedCadence ?? link.cadence ?? "fortnightly" },
    {
      schema: () => import("../../../shared/managers.ts").then((m) => m.cadenceInput.omit({ version: true })),
      version: link.version,
    },
  );
  const onSaved = (result: ManagerLinkDetail) => {
    queryClient.setQueryData(key, result);
    form.markSaved(result.link.version, {
      cadence: result.link.proposedCadence ?? result.link.cadence ?? "fortnightly",
    });
  };
  const propose = async ({ cadence }: { cadence: Cadence }) => {
    const result = await call(
      api["manager-links"][":id"].cadence.$post({
        param: { id: encodeURIComponent(link.id) },
        json: { cadence, version: form.version },
      }),
    );
    onSaved(result);
    toast({ title: "Cadence proposed", description: `${otherName(detail)} can agree to it.` });
  };
  const agree = useMutation({
    mutationFn: () =>
      call(
        api["manager-links"][":id"].cadence.agree.$post({
          param: { id: encodeURIComponent(link.id) },
          json: { version: form.version },
        }),
      ),
    onSuccess: (result) => {
      onSaved(result);
      toast({ title: "Cadence agreed", description: "Sidecar reminds you both when a check-in is due." });
    },
    onError: (error) => form.showApiError(error, ["cadence"]),
  });
  const mySide = link.side === "manager" ? "manager" : "report";
  const theirProposal = link.proposedCadence && link.proposedBy && link.proposedBy !== mySide;
  return (
    <Card
      id="cadence"
      title="How often we check in"
      icon={<CalendarClock size={18} />}
      description={
        link.cadence
          ? `Agreed: ${cadenceLabels[link.cadence].toLowerCase()}.${link.nextReminderAt ? ` Next reminder on ${formatCalendarDate(link.nextReminderAt.slice(0, 10))}.` : ""}`
          : "No cadence agreed yet. One of you proposes, the other agrees; then Sidecar reminds you both."
      }
    >
      <ValidatedForm form={form} onSave={propose} aria-label="Check-in cadence">
        <ConflictNotice
          form={form}
          labels={{ cadence: "Cadence" }}
          describe={(value) => cadenceLabels[value as Cadence] ?? null}
          loadLatest={async () => {
            const latest = await queryClient.fetchQuery({ ...managerLinkQuery(link.id), staleTime: 0 });
            return {
              values: { cadence: latest.link.proposedCadence ?? latest.link.cadence ?? "fortnightly" },
              version: latest.link.version,
            };
          }}
        />
        {theirProposal && link.proposedCadence ? (
          <Alert
            tone="info"
            title={`${otherName(detail)} proposes: ${cadenceLabels[link.proposedCadence].toLowerCase()}`}
          >
            <Button size="small" pending={agree.isPending} onClick={() => agree.mutate()}>
              Agree
            </Button>
          </Alert>
        ) : link.proposedCadence ? (
          <p className="small muted">
            You proposed {cadenceLabels[link.proposedCadence].toLowerCase()}; waiting for {otherName(detail)}{" "}
            to agree.
          </p>
        ) : null}
        <div className="form-grid">
          <SelectField
            label="Propose a cadence"
            name="cadence"
            value={form.values.cadence}
            onValueChange={(value) => form.set("cadence", value as Cadence)}
            options={cadences.map((c) => ({ value: c, label: cadenceLabels[c] }))}
            error={form.errors.cadence}
          />
        </div>
        <FormActions>
          <SubmitButton variant="secondary">Propose</SubmitButton>
        </FormActions>
      </ValidatedForm>
    </Card>
  );
}

function CheckInHistory({ detail }: { detail: ManagerLinkDetail }) {
  return (
    <Card id="check-in-history" title="Check-ins" icon={<History size={18} />}>
      {detail.checkIns.length === 0 ? (
        <EmptyState icon={<History size={24} />} title="No check-ins yet" headingLevel={3}>
          {detail.link.side === "report"
            ? "Start one above from what you would like help with."
            : `${otherName(detail)} starts a check-in from what they would like help with; it appears here.`}
        </EmptyState>
      ) : (
        <ul className="managers-list">
          {detail.checkIns.map((checkIn) => (
            <li key={checkIn.id} className="managers-person">
              <span>
                <span className="managers-person-name">{formatCalendarDate(checkIn.heldOn)}</span>{" "}
                <span className="small muted">
                  {checkIn.helpWith ? `— ${cutAtWord(checkIn.helpWith, 80)}` : "— no help asked for yet"} ·{" "}
                  {checkIn.agenda} {checkIn.agenda === 1 ? "topic" : "topics"} · {checkIn.comments}{" "}
                  {checkIn.comments === 1 ? "comment" : "comments"}
                </span>
              </span>
              <Link
                to="/check-ins/$checkInId"
                params={{ checkInId: checkIn.id }}
                className={buttonClass("secondary", "small")}
              >
                Open
                <span className="visually-hidden"> the check-in of {formatCalendarDate(checkIn.heldOn)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function EndLink({ detail }: { detail: ManagerLinkDetail }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const invited = detail.link.state === "invited";
  const end = useMutation({
    mutationFn: () =>
      call(api["manager-links"][":id"].end.$post({ param: { id: encodeURIComponent(detail.link.id) } })),
    onSuccess: async (overview) => {
      queryClient.setQueryData(managersQuery.queryKey, overview);
      toast({
        title: invited ? "Invitation withdrawn" : "Link ended",
        description: invited ? undefined : "Nothing is shared any more.",
      });
      await navigate({ to: "/managers" });
    },
    onError: (error) => toast({ title: "The link was not ended", description: error.message, tone: "error" }),
  });
  const label = invited ? "Withdraw the invitation" : "End this link";
  return (
    <>
      <Button variant="danger" icon={<Unlink size={16} aria-hidden="true" />} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={label}
        description={
          invited
            ? "The invitation stops waiting; you can invite again later."
            : "Check-ins together stop, and every area shared through this link is revoked at once."
        }
      >
        <div className="managers-actions">
          <Button variant="danger" pending={end.isPending} onClick={() => end.mutate()}>
            {label}
          </Button>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Keep it
          </Button>
        </div>
      </Dialog>
    </>
  );
}

export function ManagerLinkPage() {
  const { linkId } = route.useParams();
  const query = useQuery(managerLinkQuery(linkId));
  const detail = query.data;
  useTitle(detail ? `Check-ins with ${otherName(detail)}` : "Check-ins");
  return (
    <QueryState
      query={query}
      loading="Loading the check-ins…"
      failed="The check-ins"
      notFound={
        <RecordNotFound
          thing="manager link"
          back={<Link to="/managers">Back to Managers</Link>}
          before={<BackToManagers />}
        />
      }
    >
      {(data) => (
        <>
          <PageHeader
            before={<BackToManagers />}
            title={`Check-ins with ${otherName(data)}`}
            description={
              data.link.side === "manager"
                ? "You see only what your report invites you into, read-only."
                : data.link.side === "report"
                  ? "You decide what your manager sees, area by area, and the agenda of each check-in."
                  : undefined
            }
          />
          <div className="stack-lg">
            {data.link.state === "invited" ? (
              <Card>
                <EmptyState icon={<CalendarClock size={24} />} title="Waiting for an answer" headingLevel={2}>
                  {data.link.reportEmail} has not accepted yet. Once they do, you hold check-ins here.
                </EmptyState>
              </Card>
            ) : (
              <>
                {data.link.side === "report" ? <StartCheckIn detail={data} /> : null}
                {data.link.side === "report" ? (
                  <ShareAreas detail={data} />
                ) : (
                  <SharedWithManager detail={data} />
                )}
                <CheckInHistory detail={data} />
                <CadenceCard detail={data} />
              </>
            )}
            {data.link.side !== "invitee" ? (
              <div>
                <EndLink detail={data} />
              </div>
            ) : null}
          </div>
        </>
      )}
    </QueryState>
  );
}
