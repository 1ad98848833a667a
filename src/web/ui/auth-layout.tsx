import { Outlet } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { Wordmark } from "./wordmark.tsx";

export function AuthLayout() {
  return (
    <div className="auth-page">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="auth-brand">
        <Wordmark to="/sign-in" />
      </header>
      <main id="main" className="auth-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="auth-page-footer">
        <p>Sidecar · open-source career companion for product people</p>
      </footer>
    </div>
  );
}

export function AuthCard({
  title,
  description,
  icon,
  iconTone,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  iconTone?: "success" | "danger";
  children?: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <>
      <div className="auth-card">
        <div className="auth-card-header">
          {icon ? (
            <span className={iconTone ? `auth-icon auth-icon-${iconTone}` : "auth-icon"} aria-hidden="true">
              {icon}
            </span>
          ) : null}
          <h1>{title}</h1>
          {description ? <p className="muted">{description}</p> : null}
        </div>
        {children}
      </div>
      {footer ? <div className="auth-footer">{footer}</div> : null}
    </>
  );
}
