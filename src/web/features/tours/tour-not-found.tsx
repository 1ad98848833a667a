import { Link } from "@tanstack/react-router";
import { Flag } from "lucide-react";
import { ApiError } from "../../api.ts";
import { Alert } from "../../ui/alert.tsx";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

export function TourNotFound({ error, retry }: { error: Error; retry: () => void }) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <>
        <PageHeader title="Tour not found" />
        <Card>
          <EmptyState
            icon={<Flag size={22} />}
            title="This tour of duty doesn't exist"
            action={
              <Link to="/tours" className={buttonClass("secondary")}>
                See your tours of duty
              </Link>
            }
          >
            It may have been deleted, or the link is mistyped.
          </EmptyState>
        </Card>
      </>
    );
  }
  return (
    <Alert tone="error">
      The tour could not be loaded. {error.message}{" "}
      <button type="button" className="button-link" onClick={retry}>
        Try again
      </button>
    </Alert>
  );
}
