import { type HTMLAttributes, type ReactNode, useLayoutEffect, useRef, useState } from "react";
import type { KeyItem } from "./chart-key.tsx";
import "./chart-parts.css";

/**
 * The pieces the app's pictures share: a measured box, axes, grid lines and a tooltip. They load with
 * the pictures, after the page's first paint; the key, drawn with the page, is in `chart-key.tsx`.
 */

export type BoxSize = { width: number; height: number };

/**
 * An SVG as big as its box. The page's CSS gives the box its size before the picture arrives, so the
 * picture is measured before it is first painted and nothing moves; it follows the box when it changes.
 */
export function ChartBox({
  className,
  children,
  overlay,
  ...boxProps
}: Omit<HTMLAttributes<HTMLDivElement>, "children"> & {
  children: (size: BoxSize) => ReactNode;
  /** HTML drawn over the picture (a tooltip), announced politely when it changes. */
  overlay?: (size: BoxSize) => ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<BoxSize>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const width = Math.floor(element.clientWidth);
      const height = Math.floor(element.clientHeight);
      setSize((known) => (known.width === width && known.height === height ? known : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className={className ? `chart-box ${className}` : "chart-box"} {...boxProps}>
      {size.width > 0 && size.height > 0 ? (
        <svg className="chart" width={size.width} height={size.height} aria-hidden="true" focusable="false">
          {children(size)}
        </svg>
      ) : null}
      {overlay ? <div aria-live="polite">{size.width > 0 ? overlay(size) : null}</div> : null}
    </div>
  );
}

/** A tick at `at` pixels along its axis; a label given as several strings is drawn on several lines. */
export type Tick = { key: string | number; at: number; label: string | string[] };

/** Labels at least `gap` pixels apart on evenly spaced ticks, always keeping the last one. */
export function spacedTicks(ticks: Tick[], gap: number): Tick[] {
  const first = ticks[0];
  const second = ticks[1];
  if (!first || !second) return ticks;
  const every = Math.max(1, Math.ceil(gap / Math.abs(second.at - first.at)));
  return ticks.filter((_, index) => (ticks.length - 1 - index) % every === 0);
}

const tickSize = 6;
const lineHeight = 15;

function TickLabel({ tick, x, y, anchor }: { tick: Tick; x: number; y: number; anchor: "middle" | "end" }) {
  const lines = typeof tick.label === "string" ? [tick.label] : tick.label;
  return (
    <text className="chart-tick" x={x} y={y} textAnchor={anchor} dominantBaseline="central">
      {lines.map((line, index) => (
        <tspan key={line} x={x} dy={index === 0 ? (-(lines.length - 1) * lineHeight) / 2 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** An axis along the bottom of the plot, at height `y` from `x1` to `x2`. */
export function BottomAxis({
  ticks,
  y,
  x1,
  x2,
  gap = 44,
}: {
  ticks: Tick[];
  y: number;
  x1: number;
  x2: number;
  gap?: number;
}) {
  return (
    <g className="chart-axis">
      <line x1={x1} x2={x2} y1={y} y2={y} />
      {ticks.map((tick) => (
        <line key={tick.key} x1={tick.at} x2={tick.at} y1={y} y2={y + tickSize} />
      ))}
      {spacedTicks(ticks, gap).map((tick) => (
        <TickLabel key={tick.key} tick={tick} x={tick.at} y={y + tickSize + 10} anchor="middle" />
      ))}
    </g>
  );
}

/** An axis down the left of the plot, at `x` from `y1` to `y2`. */
export function LeftAxis({
  ticks,
  x,
  y1,
  y2,
  className,
}: {
  ticks: Tick[];
  x: number;
  y1: number;
  y2: number;
  className?: string;
}) {
  return (
    <g className={className ? `chart-axis ${className}` : "chart-axis"}>
      <line x1={x} x2={x} y1={y1} y2={y2} />
      {ticks.map((tick) => (
        <g key={tick.key}>
          <line x1={x - tickSize} x2={x} y1={tick.at} y2={tick.at} />
          <TickLabel tick={tick} x={x - tickSize - 3} y={tick.at} anchor="end" />
        </g>
      ))}
    </g>
  );
}

/** Grid lines across the plot: vertical ones at x positions, or horizontal ones at y positions. */
export function GridLines({
  at,
  direction,
  from,
  to,
  dashed = false,
}: {
  at: number[];
  direction: "vertical" | "horizontal";
  from: number;
  to: number;
  dashed?: boolean;
}) {
  return (
    <g className={dashed ? "chart-grid chart-grid-dashed" : "chart-grid"}>
      {at.map((position) =>
        direction === "vertical" ? (
          <line key={position} x1={position} x2={position} y1={from} y2={to} />
        ) : (
          <line key={position} x1={from} x2={to} y1={position} y2={position} />
        ),
      )}
    </g>
  );
}

/** The figures at one point of a picture, beside it: on the side with more room. */
export function ChartTooltip({
  x,
  boxWidth,
  title,
  rows,
}: {
  x: number;
  boxWidth: number;
  title: string;
  rows: KeyItem[];
}) {
  const onLeft = x > boxWidth / 2;
  const place = onLeft ? { right: boxWidth - x + 12 } : { left: x + 12 };
  return (
    <div className="chart-tooltip" style={place}>
      <p className="chart-tooltip-title">{title}</p>
      <ul>
        {rows.map((row) => (
          <li key={row.key}>
            <span className={row.swatch} />
            {row.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
