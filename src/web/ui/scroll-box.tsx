import type { ReactNode } from "react";

/** A wide table's own sideways scroll, reachable by keyboard and named for screen readers. */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard, so a wide table can be scrolled sideways on a phone.
    <section className="scroll-box" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
