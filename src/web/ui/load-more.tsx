import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Button } from "./button.tsx";
import { LoadFailed } from "./query-state.tsx";
import { Spinner } from "./spinner.tsx";

/**
 * The end of a list read a page at a time: a "Load more" button while pages follow. The button stays
 * focusable while the next page loads (a disabled one would drop keyboard focus), says so with a spinner
 * and aria-busy, and the count of items that arrived is announced.
 */
export function LoadMore({
  query,
  loaded,
  what,
  one,
}: {
  query: Pick<
    UseInfiniteQueryResult,
    "hasNextPage" | "isFetchingNextPage" | "isFetchNextPageError" | "error" | "fetchNextPage"
  >;
  /** How many items are on screen, to announce how many a page added. */
  loaded: number;
  /** "tours", "decisions" */
  what: string;
  /** "tour", "decision": how one is named */
  one: string;
}) {
  const [announcement, setAnnouncement] = useState("");
  const before = useRef<number | null>(null);
  useEffect(() => {
    if (before.current === null || query.isFetchingNextPage) return;
    const added = loaded - before.current;
    before.current = null;
    if (added > 0) setAnnouncement(`${added} more ${added === 1 ? one : what} loaded.`);
  }, [loaded, query.isFetchingNextPage, what, one]);

  function loadMore() {
    if (query.isFetchingNextPage) return;
    before.current = loaded;
    setAnnouncement("");
    void query.fetchNextPage();
  }

  return (
    <div className="load-more">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {query.isFetchNextPageError && query.error ? (
        <LoadFailed what={`More ${what}`} error={query.error} retry={loadMore} />
      ) : query.hasNextPage ? (
        <Button
          variant="secondary"
          aria-busy={query.isFetchingNextPage || undefined}
          aria-disabled={query.isFetchingNextPage || undefined}
          icon={query.isFetchingNextPage ? <Spinner /> : undefined}
          onClick={loadMore}
        >
          {query.isFetchingNextPage ? `Loading more ${what}…` : `Load more ${what}`}
        </Button>
      ) : null}
    </div>
  );
}
