import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Briefcase, Compass, Grid3x3, Pencil, Plus, Route } from "lucide-react";
import { lazy, Suspense, useState } from "react";
import {
  companyStageLabels,
  experienceLabels,
  marketLabels,
  vantageLabels,
  workKindLabels,
} from "../../../shared/experience-words.ts";
import type { PortfolioCoverage, PortfolioRole } from "../../../shared/portfolio.ts";
import { api, call } from "../../api.ts";
import { useMe } from "../../session.ts";
import { Button, buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { DeleteButton } from "../../ui/delete-button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { discardDraft } from "../../ui/form.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { Term } from "../glossary/term.tsx";
import { GuideBanner } from "../home/first-run-guide.tsx";
import { NewTourLink } from "../tours/new-tour-link.tsx";
import { CoverageSingles, CoverageTable } from "./coverage-grid.tsx";
import {
  formatRolePeriod,
  portfolioCoverageQuery,
  portfolioRolesQuery,
  roleDraftKey,
  roleLabel,
} from "./portfolio-api.ts";
import "./portfolio.css";

// The role form and the form library load when the dialog first opens, not with the page.
const RoleForm = lazy(() => import("./role-form.tsx"));

type Editing = { mode: "add" } | { mode: "edit"; role: PortfolioRole } | null;

export function RoleItem({
  role,
  onEdit,
  onDelete,
}: {
  role: Omit<PortfolioRole, "notes" | "version"> & { notes?: string };
  /** Without these the role is shown read-only, as in a shared portfolio. */
  onEdit?: () => void;
  onDelete?: () => void;
}) {
  const label = roleLabel(role);
  return (
    <li className="portfolio-role">
      <div className="row-between">
        <div>
          <h3 className="portfolio-role-title">{label}</h3>
          <p className="small muted">
            {formatRolePeriod(role)}
            {role.endsOn ? "" : " · current role"}
          </p>
        </div>
        {onEdit && onDelete ? (
          <div className="row">
            <Button
              variant="secondary"
              size="small"
              icon={<Pencil size={16} aria-hidden="true" />}
              onClick={onEdit}
            >
              Edit<span className="visually-hidden"> {label}</span>
            </Button>
            <DeleteButton size="small" onClick={onDelete} what={label} />
          </div>
        ) : null}
      </div>
      <ul className="cell-badges portfolio-role-badges" aria-label={`Experience in ${label}`}>
        <li className="badge badge-accent">{companyStageLabels[role.stage]}</li>
        <li className="badge">{marketLabels[role.market]}</li>
        <li className="badge">{vantageLabels[role.vantage]}</li>
        {role.work.map((kind) => (
          <li key={kind} className="badge">
            {workKindLabels[kind]}
          </li>
        ))}
        {role.peopleManaged > 0 ? (
          <li className="badge">
            Managed {role.peopleManaged} {role.peopleManaged === 1 ? "person" : "people"}
          </li>
        ) : null}
        {role.wellKnownLogo ? <li className="badge">Well-known logo</li> : null}
      </ul>
      {role.notes ? <p className="small portfolio-role-notes">{role.notes}</p> : null}
    </li>
  );
}

function GapList({ coverage }: { coverage: PortfolioCoverage }) {
  if (coverage.gaps.length === 0) {
    return (
      <Card id="portfolio-gaps" title="Gaps" icon={<Route size={18} />} iconTone="success">
        <p>Your roles cover every combination on the grid. Pick the lane to deepen next on the Lanes page.</p>
      </Card>
    );
  }
  return (
    <Card
      id="portfolio-gaps"
      title="Missions for your next tour of duty"
      icon={<Route size={18} />}
      description="Each gap as a mission, the most useful first: what your next level and skip job ask for, then moves that build on what you already have. Gaps a tour of duty already plans come last."
    >
      <ol className="portfolio-gaps">
        {coverage.gaps.map((gap, index) => (
          <li key={gap.id} className="portfolio-gap">
            <div className="portfolio-gap-text">
              <p className="portfolio-gap-mission">
                {index === 0 && gap.plannedIn === null ? (
                  <span className="badge badge-warning">Biggest gap</span>
                ) : null}{" "}
                {gap.plannedIn ? <span className="badge badge-success">Planned</span> : null} {gap.mission}
              </p>
              <p className="small muted">{gap.reason}</p>
              <p className="small">Adds: {gap.experiences.map((key) => experienceLabels[key]).join(", ")}</p>
            </div>
            {gap.plannedIn ? (
              <Link
                to="/tours/$tourId"
                params={{ tourId: gap.plannedIn.id }}
                className={buttonClass("secondary", "small")}
              >
                See the tour<span className="visually-hidden">: {gap.plannedIn.title}</span>
              </Link>
            ) : (
              <NewTourLink
                mission={gap.mission}
                experiences={gap.experiences}
                className={buttonClass("secondary", "small")}
              >
                Turn into a tour<span className="visually-hidden">: {gap.mission}</span>
              </NewTourLink>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}

function CoverageCard({ coverage }: { coverage: PortfolioCoverage }) {
  return (
    <Card
      id="portfolio-coverage"
      title="Coverage"
      icon={<Grid3x3 size={18} />}
      description={`Your roles cover ${coverage.coveredCount} of ${coverage.totalCount} combinations of experience.`}
    >
      <div className="stack">
        {coverage.grids.map((grid) => (
          <CoverageTable key={grid.id} grid={grid} />
        ))}
        <CoverageSingles singles={coverage.singles} />
      </div>
    </Card>
  );
}

export function PortfolioPage() {
  useTitle("Experience portfolio");
  const me = useMe();
  const queryClient = useQueryClient();
  const toast = useToast();
  const roles = useQuery(portfolioRolesQuery);
  const coverage = useQuery(portfolioCoverageQuery);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<PortfolioRole | null>(null);

  const remove = useMutation({
    mutationFn: (role: PortfolioRole) =>
      call(api.portfolio.roles[":id"].$delete({ param: { id: encodeURIComponent(role.id) } })),
    onSuccess: async (_result, role) => {
      setDeleting(null);
      toast({ title: "Role deleted", description: roleLabel(role) });
      await queryClient.invalidateQueries({ queryKey: ["portfolio"] });
    },
    onError: (error) =>
      toast({ title: "The role was not deleted", description: error.message, tone: "error" }),
  });

  const list = roles.data?.roles ?? [];
  const addButton = (
    <Button icon={<Plus size={18} aria-hidden="true" />} onClick={() => setEditing({ mode: "add" })}>
      {list.length ? "Add a role" : "Add your first role"}
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Experience portfolio"
        description={
          <>
            Every role you have held: the company's <Term id="company-stage">stage</Term>, its market,{" "}
            <Term id="vantage">where you stood</Term> and the work you did. The grid shows which experiences
            you have and which you lack; each gap can become your next tour of duty. Private unless you share
            it.
          </>
        }
        actions={roles.isSuccess && list.length ? addButton : undefined}
      />
      <GuideBanner step="portfolio" />
      <QueryState query={roles} loading="Loading your portfolio…" failed="Your portfolio">
        {() => (
          <div className="stack-lg">
            {list.length === 0 ? (
              <Card>
                <EmptyState icon={<Briefcase size={24} />} title="No roles yet" action={addButton}>
                  Add each product role you have held, starting with your current one. Sidecar then shows
                  which combinations of stage, market and work you have covered, and turns the gaps into
                  missions for your next tour of duty.
                </EmptyState>
              </Card>
            ) : (
              <Card id="portfolio-roles" title="Your roles" icon={<Briefcase size={18} />}>
                <ul className="portfolio-roles">
                  {list.map((role) => (
                    <RoleItem
                      key={role.id}
                      role={role}
                      onEdit={() => setEditing({ mode: "edit", role })}
                      onDelete={() => setDeleting(role)}
                    />
                  ))}
                </ul>
              </Card>
            )}
            {list.length === 0 ? null : (
              <QueryState query={coverage} loading="Working out your coverage…" failed="Your coverage">
                {(data) => (
                  <>
                    <GapList coverage={data} />
                    <CoverageCard coverage={data} />
                  </>
                )}
              </QueryState>
            )}
            <p className="small muted row">
              <Compass size={16} aria-hidden="true" />
              <span>
                See what your next level asks for on <Link to="/next-level">Next level</Link>.
              </span>
            </p>
          </div>
        )}
      </QueryState>
      <Dialog
        open={editing !== null}
        onOpenChange={(open) => {
          if (open || !editing) return;
          // Closing without saving discards what was typed: the next "Add a role" starts empty.
          discardDraft(roleDraftKey(me.user.id, editing.mode === "edit" ? editing.role.id : undefined));
          setEditing(null);
        }}
        title={editing?.mode === "edit" ? `Edit ${roleLabel(editing.role)}` : "Add a role"}
        description="Describe the role as it was at its largest. Fields without “optional” are needed."
        wide
      >
        {editing ? (
          <Suspense fallback={<LoadingState label="Opening the form…" />}>
            <RoleForm
              key={editing.mode === "edit" ? editing.role.id : "new"}
              role={editing.mode === "edit" ? editing.role : undefined}
              onDone={() => setEditing(null)}
            />
          </Suspense>
        ) : null}
      </Dialog>
      <Dialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) setDeleting(null);
        }}
        title="Delete this role?"
        description={
          deleting
            ? `${roleLabel(deleting)} leaves your portfolio and your coverage grid. This cannot be undone.`
            : undefined
        }
      >
        <div className="form-actions">
          <Button
            variant="danger"
            pending={remove.isPending}
            onClick={() => {
              if (deleting) remove.mutate(deleting);
            }}
          >
            Delete role
          </Button>
          <Button variant="secondary" onClick={() => setDeleting(null)}>
            Keep it
          </Button>
        </div>
      </Dialog>
    </>
  );
}
