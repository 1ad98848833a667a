import { parseISO } from "date-fns";

export const ms = (iso: string) => parseISO(iso).getTime();
export const yearStart = (year: number) => new Date(year, 0, 1).getTime();
export const chartMargin = { top: 28, right: 24, bottom: 8, left: 8 };

/**
 * Where to scroll the roadmap so that today is in view on a narrow screen: today's line a third of the
 * way into the visible part, never before the start. All in pixels of the drawn picture.
 */
export function scrollLeftForToday(options: {
  todayFraction: number;
  plotLeft: number;
  plotWidth: number;
  visibleWidth: number;
  totalWidth: number;
}): number {
  const { todayFraction, plotLeft, plotWidth, visibleWidth, totalWidth } = options;
  const todayX = plotLeft + Math.min(1, Math.max(0, todayFraction)) * plotWidth;
  const wanted = todayX - visibleWidth / 3;
  return Math.round(Math.max(0, Math.min(wanted, totalWidth - visibleWidth)));
}

/** A tour's name in at most two lines of about `perLine` characters, cut with an ellipsis only after that. */
export function labelLines(text: string, perLine = 22): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= perLine || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= 2)
    return lines.map((line) => (line.length > perLine ? `${line.slice(0, perLine - 1)}…` : line));
  const second = lines.slice(1).join(" ");
  return [lines[0] ?? "", `${second.slice(0, perLine - 1)}…`];
}
