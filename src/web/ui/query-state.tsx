import type { UseQueryResult } from "@tanstack/react-query";
import { SearchX } from "lucide-react";
import type { ReactNode } from "react";
import { ApiError } from "../api.ts";
import { Alert } from "./alert.tsx";
import { Card } from "./card.tsx";
import { EmptyState } from "./empty-state.tsx";
import { PageHeader } from "./page-header.tsx";
import { LoadingState } from "./spinner.tsx";

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** The one "could not be loaded" block: what failed, why, and a way to try again. */
export function LoadFailed({ what, error, retry }: { what: string; error: Error; retry?: () => void }) {
  return (
    <Alert tone="error" title={`${what} could not be loaded`}>
      {error.message}{" "}
      {retry ? (
        <button type="button" className="button-link" onClick={retry}>
          Try again
        </button>
      ) : null}
    </Alert>
  );
}

/**
 * The one not-found page for a record, in every module: a heading naming the kind of thing, a sentence
 * on why, and the way back to the list. It never shows the address's id or the server's wording.
 */
export function RecordNotFound({
  thing,
  back,
  before,
  icon = <SearchX size={22} />,
}: {
  /** "tour of duty", "decision", "feedback request"… */
  thing: string;
  /** The link back to the list, shown as the only action. */
  back: ReactNode;
  before?: ReactNode;
  icon?: ReactNode;
}) {
  const title = `${thing.charAt(0).toUpperCase()}${thing.slice(1)} not found`;
  return (
    <>
      <PageHeader title={title} before={before} />
      <Card>
        <EmptyState icon={icon} title={`This ${thing} doesn't exist`} action={back}>
          It may have been deleted, or the link may be mistyped or no longer yours to open.
        </EmptyState>
      </Card>
    </>
  );
}

/** What QueryState reads of a query: a plain one or a list read a page at a time. */
type QueryStatus<T> =
  | { isPending: true; isError: false; error: null; data: undefined; refetch: () => unknown }
  | { isPending: false; isError: true; error: Error; data: T | undefined; refetch: () => unknown }
  | { isPending: false; isError: false; error: null; data: T; refetch: () => unknown };

/**
 * Loading, failure, not found and empty for one query, the same on every page; `children` gets the
 * data once it is there. Pass `empty` with `isEmpty` for lists, `notFound` for a single record.
 */
export function QueryState<T>({
  query,
  loading,
  failed,
  notFound,
  isEmpty,
  empty,
  children,
}: {
  query: QueryStatus<T> | UseQueryResult<T, Error>;
  /** "Loading your tours…" */
  loading: string;
  /** "Your tours" → "Your tours could not be loaded" */
  failed: string;
  notFound?: ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError) {
    if (notFound && isNotFound(query.error)) return <>{notFound}</>;
    return <LoadFailed what={failed} error={query.error} retry={() => void query.refetch()} />;
  }
  if (empty !== undefined && isEmpty?.(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
