import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Eye, Users } from "lucide-react";
import { type SharePart, sharePartLabels } from "../../../shared/sharing.ts";
import { useMe } from "../../session.ts";
import { buttonClass } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { LoadFailed } from "../../ui/query-state.tsx";
import { LoadingState } from "../../ui/spinner.tsx";
import { useTitle } from "../../ui/use-title.ts";
import { sharedWithMeQuery } from "./sharing-api.ts";
import "./sharing.css";

const partList = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

const viewPaths = {
  plan: "/shared/$ownerId/plan",
  lanes: "/shared/$ownerId/lanes",
  portfolio: "/shared/$ownerId/portfolio",
  story: "/shared/$ownerId/story",
} as const;

function PartLink({ ownerId, ownerName, part }: { ownerId: string; ownerName: string; part: SharePart }) {
  return (
    <Link to={viewPaths[part]} params={{ ownerId }} className={buttonClass("secondary", "small")}>
      <Eye size={16} aria-hidden="true" />
      {sharePartLabels[part]}
      <span className="visually-hidden"> of {ownerName}</span>
    </Link>
  );
}

export function SharedWithMePage() {
  useTitle("Shared with me");
  const { user } = useMe();
  const query = useQuery(sharedWithMeQuery);
  return (
    <>
      <PageHeader
        title="Shared with me"
        description="Parts of other members' plans they chose to share with you, read-only. What they revoke disappears from here at once."
      />
      {query.isPending ? (
        <LoadingState label="Loading what is shared with you…" />
      ) : query.isError ? (
        <LoadFailed what="What is shared with you" error={query.error} retry={() => void query.refetch()} />
      ) : query.data.shares.length === 0 ? (
        <Card>
          <EmptyState icon={<Users size={24} />} title="Nothing is shared with you yet">
            When a member you mentor, coach or manage shares part of their plan with {user.email}, it appears
            here. Ask them to open Sharing in Sidecar and enter this email.
          </EmptyState>
        </Card>
      ) : (
        <ul className="stack shared-owners">
          {query.data.shares.map((share) => (
            <li key={share.owner.id}>
              <Card
                id={`shared-${share.owner.id}`}
                title={share.owner.name || share.owner.email}
                icon={<Users size={18} />}
                description={`${share.owner.email} shares their ${partList.format(
                  share.parts.map((part) => sharePartLabels[part].toLowerCase()),
                )} with you.`}
              >
                <div className="row shared-part-links">
                  {share.parts.map((part) => (
                    <PartLink key={part} ownerId={share.owner.id} ownerName={share.owner.name} part={part} />
                  ))}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
