import { Link } from "@tanstack/react-router";
import { buttonClass } from "../../ui/button.tsx";
import { StandalonePage } from "../../ui/shell-context.tsx";
import { useTitle } from "../../ui/use-title.ts";
import "./errors.css";

export function NotFoundPage() {
  useTitle("Page not found");
  return (
    <StandalonePage>
      <div className="auth-card-header">
        <p className="standalone-code">Error 404</p>
        <h1>Page not found</h1>
        <p className="muted">
          There is no page at this address. It may have moved, or the link may be mistyped.
        </p>
      </div>
      <div>
        <Link to="/" className={buttonClass("primary")}>
          Go to your home page
        </Link>
      </div>
    </StandalonePage>
  );
}
