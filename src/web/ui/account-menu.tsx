import { Link } from "@tanstack/react-router";
import { ChevronDown, Database, LogOut, ShieldCheck, User, Users } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import type { MeUser } from "../session.ts";
import { initials } from "../session.ts";

/**
 * The account's links behind one button: a disclosure (a button that shows a list of links), the
 * pattern meant for navigation, closed by Escape, a click elsewhere or focus moving away.
 */
export function AccountMenu({ user, onSignOut }: { user: MeUser; onSignOut: () => void }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      triggerRef.current?.focus();
    };
    const closeOnFocusAway = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !rootRef.current?.contains(next)) setOpen(false);
    };
    const root = rootRef.current;
    document.addEventListener("pointerdown", closeOnOutsidePointer);
    document.addEventListener("keydown", closeOnEscape);
    root?.addEventListener("focusout", closeOnFocusAway);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutsidePointer);
      document.removeEventListener("keydown", closeOnEscape);
      root?.removeEventListener("focusout", closeOnFocusAway);
    };
  }, [open]);

  const close = () => setOpen(false);

  return (
    <div className="account-menu" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className="account-trigger"
        aria-label="Account menu"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-state={open ? "open" : "closed"}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true" data-initials={initials(user.name, user.email)} />
        <ChevronDown size={16} aria-hidden="true" />
      </button>
      {open ? (
        <div id={panelId} className="menu-content account-menu-panel">
          <div className="menu-label">
            <span className="menu-label-name">{user.name || "Your account"}</span>
            <span className="menu-label-email">{user.email}</span>
          </div>
          <hr className="menu-separator" />
          <ul className="account-menu-list">
            <li>
              <Link to="/profile" className="menu-item" onClick={close}>
                <User size={16} aria-hidden="true" />
                Profile
              </Link>
            </li>
            <li>
              <Link to="/security" className="menu-item" onClick={close}>
                <ShieldCheck size={16} aria-hidden="true" />
                Security
              </Link>
            </li>
            <li>
              <Link to="/settings/data" className="menu-item" onClick={close}>
                <Database size={16} aria-hidden="true" />
                Your data
              </Link>
            </li>
            {user.role === "admin" ? (
              <li>
                <Link to="/admin/users" className="menu-item" onClick={close}>
                  <Users size={16} aria-hidden="true" />
                  Admin
                </Link>
              </li>
            ) : null}
          </ul>
          <hr className="menu-separator" />
          <button
            type="button"
            className="menu-item account-menu-sign-out"
            onClick={() => {
              close();
              onSignOut();
            }}
          >
            <LogOut size={16} aria-hidden="true" />
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
