import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Link } from "@tanstack/react-router";
import { ChevronDown, LogOut, ShieldCheck, User, Users } from "lucide-react";
import type { MeUser } from "../session.ts";
import { initials } from "../session.ts";

export function AccountMenu({ user, onSignOut }: { user: MeUser; onSignOut: () => void }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="account-trigger" aria-label="Account menu">
        <span className="avatar" aria-hidden="true" data-initials={initials(user.name, user.email)} />
        <ChevronDown size={16} aria-hidden="true" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu-content" align="end" sideOffset={6} collisionPadding={8}>
          <div className="menu-label">
            <span className="menu-label-name">{user.name || "Your account"}</span>
            <span className="menu-label-email">{user.email}</span>
          </div>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item asChild className="menu-item">
            <Link to="/profile">
              <User size={16} aria-hidden="true" />
              Profile
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item asChild className="menu-item">
            <Link to="/security">
              <ShieldCheck size={16} aria-hidden="true" />
              Security
            </Link>
          </DropdownMenu.Item>
          {user.role === "admin" ? (
            <DropdownMenu.Item asChild className="menu-item">
              <Link to="/admin/users">
                <Users size={16} aria-hidden="true" />
                Admin
              </Link>
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item className="menu-item" onSelect={onSignOut}>
            <LogOut size={16} aria-hidden="true" />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
