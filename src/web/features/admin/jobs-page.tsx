import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { CircleCheck } from "lucide-react";
import type { AdminJobs, DeadJob } from "../../../shared/jobs.ts";
import { useMomentFormat } from "../../session.ts";
import { Button } from "../../ui/button.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { QueryState } from "../../ui/query-state.tsx";
import { useToast } from "../../ui/toast.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { jobKindLabels, jobsQuery, retryJob } from "./admin-api.ts";
import { Pagination } from "./pagination.tsx";
import "./admin.css";

const route = getRouteApi("/app/admin/jobs");

const kindLabel = (kind: string) => jobKindLabels[kind] ?? kind;

export function JobsPage() {
  useTitle("Jobs");
  const { page = 1 } = route.useSearch();
  const navigate = useNavigate({ from: "/admin/jobs" });
  const query = useQuery(jobsQuery(page));

  return (
    <>
      <PageHeader
        title="Jobs"
        description="Work Sidecar does in the background: delivering email, closing feedback requests on their date, sending reminders. A job that failed on every try is dead; fix the cause, then retry it."
      />
      <QueryState query={query} loading="Loading jobs…" failed="Jobs">
        {(data) => (
          <div className="stack-lg">
            <JobCounts counts={data.counts} />
            <section aria-labelledby="dead-jobs-title" className="stack">
              <h2 id="dead-jobs-title" className="jobs-section-title">
                Dead jobs
              </h2>
              {data.dead.length === 0 ? (
                <div className="card">
                  <EmptyState icon={<CircleCheck size={22} />} title="No dead jobs">
                    Every job has finished or is still being tried. A job that fails on every try, for example
                    email while the mail server is down, appears here with its last error so you can retry it.
                  </EmptyState>
                </div>
              ) : (
                <>
                  <DeadJobsTable jobs={data.dead} busy={query.isFetching} />
                  <Pagination
                    page={data.page}
                    pageSize={data.pageSize}
                    total={data.total}
                    noun={data.total === 1 ? "dead job" : "dead jobs"}
                    onPage={(next) => void navigate({ search: { page: next > 1 ? next : undefined } })}
                  />
                </>
              )}
            </section>
          </div>
        )}
      </QueryState>
    </>
  );
}

function JobCounts({ counts }: { counts: AdminJobs["counts"] }) {
  const items = [
    { label: "Waiting", value: counts.queued, hint: "due now or scheduled" },
    { label: "Running", value: counts.running, hint: "in progress now" },
    { label: "Done", value: counts.done, hint: "kept for 14 days" },
    { label: "Dead", value: counts.dead, hint: "out of tries" },
  ];
  return (
    <dl className="job-counts" aria-label="Jobs by state">
      {items.map((item) => (
        <div
          key={item.label}
          className={`card job-count${item.label === "Dead" && item.value > 0 ? " job-count-dead" : ""}`}
        >
          <dt>{item.label}</dt>
          <dd>
            <span className="job-count-value">{item.value}</span>
            <span className="small muted">{item.hint}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function DeadJobsTable({ jobs, busy }: { jobs: DeadJob[]; busy: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const format = useMomentFormat();
  const retry = useMutation({
    mutationFn: (job: DeadJob) => retryJob(job.id),
    onSuccess: (_, job) => {
      void queryClient.invalidateQueries({ queryKey: ["admin", "jobs"] });
      toast({ title: `${kindLabel(job.kind)} queued again`, description: "It gets all its tries again." });
    },
    onError: (error) => toast({ title: "Couldn't retry", description: error.message, tone: "error" }),
  });
  return (
    <div className="table-wrap" aria-busy={busy || undefined}>
      <table className="table table-responsive">
        <caption className="visually-hidden">Dead jobs</caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Tries</th>
            <th scope="col">Last error</th>
            <th scope="col">Failed</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <td data-label="Job">
                <span className="cell-primary">{kindLabel(job.kind)}</span>
                <span className="cell-secondary">
                  {job.kind} · queued {format.moment(job.createdAt)}
                </span>
              </td>
              <td data-label="Tries">{job.attempts}</td>
              <td data-label="Last error" className="job-error">
                {job.lastError ?? "—"}
              </td>
              <td data-label="Failed">{format.moment(job.failedAt)}</td>
              <td className="cell-actions">
                <Button
                  variant="secondary"
                  size="small"
                  pending={retry.isPending && retry.variables?.id === job.id}
                  onClick={() => retry.mutate(job)}
                >
                  Retry<span className="visually-hidden"> {kindLabel(job.kind)}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
