import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { type ErrorComponentProps, useRouter } from "@tanstack/react-router";
import { useEffect } from "react";
import { Button } from "../../ui/button.tsx";
import { StandalonePage } from "../../ui/shell-context.tsx";
import { useTitle } from "../../ui/use-title.ts";

export function ErrorPage({ error, reset }: ErrorComponentProps) {
  useTitle("Something went wrong");
  const router = useRouter();
  const queryReset = useQueryErrorResetBoundary();

  useEffect(() => {
    queryReset.reset();
  }, [queryReset]);

  const details = error instanceof Error ? error.message : undefined;

  const retry = () => {
    reset();
    void router.invalidate();
  };

  return (
    <StandalonePage>
      <div className="auth-card-header" role="alert">
        <h1>Something went wrong</h1>
        <p className="muted">
          This page couldn't be shown. Nothing you saved is lost. Try again, and if it keeps happening, reload
          the page.
        </p>
        {details ? <p className="small muted">Details: {details}</p> : null}
      </div>
      <div className="row">
        <Button onClick={retry}>Try again</Button>
        <Button variant="secondary" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </div>
    </StandalonePage>
  );
}
