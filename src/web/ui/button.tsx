import { type ButtonHTMLAttributes, cloneElement, isValidElement, type ReactNode } from "react";
import { Spinner } from "./spinner.tsx";

type Variant = "primary" | "secondary" | "danger" | "ghost" | "link";

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  size?: "default" | "small";
  block?: boolean;
  pending?: boolean;
  /** Render the child element (a link) with button styles. */
  asChild?: boolean;
  icon?: ReactNode;
};

export function buttonClass(
  variant: Variant = "primary",
  size: "default" | "small" = "default",
  block = false,
) {
  return ["button", `button-${variant}`, size === "small" ? "button-small" : "", block ? "button-block" : ""]
    .filter(Boolean)
    .join(" ");
}

export function Button({
  variant = "primary",
  size = "default",
  block = false,
  pending = false,
  asChild = false,
  icon,
  className,
  disabled,
  children,
  type,
  ...rest
}: ButtonProps) {
  const classes = [buttonClass(variant, size, block), className].filter(Boolean).join(" ");
  // The child (a link) takes the button's looks; its own props win, class names add up. No slot library:
  // every page draws buttons, so this stays small.
  if (asChild && isValidElement<{ className?: string }>(children)) {
    const own = children.props;
    return cloneElement(children, {
      ...rest,
      ...own,
      className: [classes, own.className].filter(Boolean).join(" "),
    });
  }
  return (
    <button
      type={type ?? "button"}
      className={classes}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending ? <Spinner /> : icon}
      {children}
    </button>
  );
}
