import type { ReactNode } from "react";
import "./chart-parts.css";

/** A key entry: its swatch is drawn by the class names in `swatch` (a feature's colour). */
export type KeyItem = { key: string; label: ReactNode; swatch: string };

/** The key below a picture, in the page's own text, so it never runs into the picture. */
export function ChartKey({ items, className }: { items: KeyItem[]; className?: string }) {
  return (
    <ul className={className ? `chart-key ${className}` : "chart-key"} aria-hidden="true">
      {items.map((item) => (
        <li key={item.key}>
          <span className={item.swatch} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
