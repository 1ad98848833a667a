import { Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "./button.tsx";

/**
 * The one button that starts deleting something, on every page: it only opens the confirmation, whose
 * own button is the solid danger one. `what` names the thing for screen readers when the row shows it.
 */
export function DeleteButton({
  onClick,
  what,
  size = "default",
  children = "Delete",
}: {
  onClick: () => void;
  what?: ReactNode;
  size?: "default" | "small";
  children?: ReactNode;
}) {
  return (
    <Button
      variant="ghost"
      size={size}
      className="button-delete"
      icon={<Trash2 size={16} aria-hidden="true" />}
      onClick={onClick}
    >
      {children}
      {what ? <span className="visually-hidden"> {what}</span> : null}
    </Button>
  );
}
