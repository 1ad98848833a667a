import { Link } from "@tanstack/react-router";
import { Flag } from "lucide-react";
import { buttonClass } from "../../ui/button.tsx";
import { isNotFound, LoadFailed, RecordNotFound } from "../../ui/query-state.tsx";

export function TourNotFound({ error, retry }: { error: Error; retry: () => void }) {
  if (isNotFound(error)) {
    return (
      <RecordNotFound
        thing="tour of duty"
        icon={<Flag size={22} />}
        back={
          <Link to="/tours" className={buttonClass("secondary")}>
            See your tours of duty
          </Link>
        }
      />
    );
  }
  return <LoadFailed what="The tour" error={error} retry={retry} />;
}
