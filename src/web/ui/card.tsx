import type { ReactNode } from "react";

type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  icon?: ReactNode;
  iconTone?: "accent" | "success" | "warning";
  headingLevel?: 2 | 3;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
  "aria-labelledby"?: string;
};

export function Card({
  title,
  description,
  icon,
  iconTone = "accent",
  headingLevel = 2,
  actions,
  children,
  className,
  id,
}: CardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      id={id}
      className={["card", className].filter(Boolean).join(" ")}
      aria-labelledby={title ? headingId : undefined}
    >
      {title ? (
        <div className="card-header">
          {icon ? (
            <span
              className={`card-icon${iconTone === "accent" ? "" : ` card-icon-${iconTone}`}`}
              aria-hidden="true"
            >
              {icon}
            </span>
          ) : null}
          <div className="card-header-text">
            <Heading id={headingId}>{title}</Heading>
            {description ? <p className="card-description">{description}</p> : null}
          </div>
        </div>
      ) : null}
      {children}
      {actions ? <div className="card-footer">{actions}</div> : null}
    </section>
  );
}
