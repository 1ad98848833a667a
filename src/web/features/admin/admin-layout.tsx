import { Link, Outlet } from "@tanstack/react-router";
import { Lock } from "lucide-react";
import { useMe } from "../../session.ts";
import { buttonClass } from "../../ui/button.tsx";
import { useTitle } from "../../ui/use-title.ts";

export function AdminLayout() {
  const { user } = useMe();
  if (user.role !== "admin") return <AdminsOnly />;
  return <Outlet />;
}

function AdminsOnly() {
  useTitle("Admins only");
  return (
    <div className="standalone">
      <span className="empty-state-icon" aria-hidden="true">
        <Lock size={22} />
      </span>
      <h1>Admins only</h1>
      <p>
        This part of Sidecar is for the administrators of this instance. Your account is a member account.
      </p>
      <Link to="/" className={buttonClass("primary")}>
        Go to your home page
      </Link>
    </div>
  );
}
