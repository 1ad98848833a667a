import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { ExperienceKey } from "../../../shared/experience-words.ts";

/** A link to the new-tour form, prefilled with a mission and the experiences it adds. */
export function NewTourLink({
  mission,
  experiences,
  className,
  children,
}: {
  mission?: string;
  experiences?: readonly ExperienceKey[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link
      to="/tours/new"
      search={{ mission, experiences: experiences?.length ? experiences.join(",") : undefined }}
      className={className}
    >
      {children}
    </Link>
  );
}
