import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Flag } from "lucide-react";
import { lazy } from "react";
import { type ExperienceKey, experienceKeys } from "../../../shared/experience-words.ts";
import { type LaneId, laneIds } from "../../../shared/lane-words.ts";
import { AfterPaint } from "../../ui/after-paint.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Card } from "../../ui/card.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { GuideBanner } from "../home/first-run-guide.tsx";
import { TourNotFound } from "./tour-not-found.tsx";
import { BackToTours } from "./tour-parts.tsx";
import { tourQuery, toursQuery } from "./tours-api.ts";

// The form and the form library arrive once the page is on screen, into a box that keeps its place.
const NewTourForm = lazy(() => import("./tour-form.tsx").then((m) => ({ default: m.NewTourForm })));
const EditTourForm = lazy(() => import("./tour-form.tsx").then((m) => ({ default: m.EditTourForm })));

const newRoute = getRouteApi("/app/tours/new");
const editRoute = getRouteApi("/app/tours/$tourId/edit");

/** Comma-separated values from a link, keeping only the ones Sidecar knows, each once. */
function knownValues<T extends string>(text: string | undefined, known: readonly T[]): T[] {
  const wanted = new Set((text ?? "").split(",").map((part) => part.trim()));
  return known.filter((value) => wanted.has(value));
}

export function NewTourPage() {
  useTitle("New tour of duty");
  const search = newRoute.useSearch();
  const navigate = useNavigate();
  const tours = useQuery(toursQuery);
  const prefill = {
    mission: search.mission?.slice(0, 1000),
    lanes: knownValues<LaneId>(search.lanes, laneIds),
    experiences: knownValues<ExperienceKey>(search.experiences, experienceKeys),
  };
  const prefilled = Boolean(prefill.mission || prefill.lanes.length || prefill.experiences.length);
  return (
    <>
      <PageHeader
        before={<BackToTours />}
        title="New tour of duty"
        description="A tour of duty is one version of your career, usually 12 to 18 months: a mission that matters to the company and to you, agreed with your manager, with a date to renegotiate."
      />
      <GuideBanner step="first-tour" />
      {tours.isPending ? (
        <LoadingState label="Loading your tours…" />
      ) : (
        <Card id="tour-form" title="The tour" icon={<Flag size={18} />}>
          {prefilled ? (
            <Alert tone="info">
              We filled in a suggestion from your portfolio, title included. Add it as it is, or make it yours
              first.
            </Alert>
          ) : null}
          <div className="tour-form-slot">
            <AfterPaint
              component={NewTourForm}
              props={{
                existing: tours.data?.tours ?? [],
                prefill,
                draftKey: `tour-new:${search.mission ?? ""}|${search.lanes ?? ""}|${search.experiences ?? ""}`,
                submitLabel: "Add tour of duty",
                onCancel: () => navigate({ to: "/tours" }),
              }}
            />
          </div>
        </Card>
      )}
    </>
  );
}

export function EditTourPage() {
  const { tourId } = editRoute.useParams();
  const navigate = useNavigate();
  const query = useQuery(tourQuery(tourId));
  useTitle(query.data ? `Edit ${query.data.title}` : "Edit tour");
  if (query.isPending) return <LoadingState label="Loading the tour…" />;
  if (query.isError) return <TourNotFound error={query.error} retry={() => query.refetch()} />;
  return (
    <>
      <PageHeader before={<BackToTours />} title={`Edit “${query.data.title}”`} />
      <Card id="tour-form" title="The tour" icon={<Flag size={18} />}>
        <div className="tour-form-slot">
          <AfterPaint
            component={EditTourForm}
            props={{
              tour: query.data,
              draftKey: `tour-edit:${tourId}`,
              submitLabel: "Save tour",
              onCancel: () => navigate({ to: "/tours/$tourId", params: { tourId } }),
            }}
          />
        </div>
      </Card>
    </>
  );
}
