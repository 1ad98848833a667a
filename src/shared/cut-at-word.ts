/** `text` whole if it fits in `max` characters; otherwise cut at a word boundary, with an ellipsis. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  // A single very long word is cut where it must be rather than leaving almost nothing.
  return `${(lastSpace > max / 4 ? cut.slice(0, lastSpace) : cut).replace(/[\s,]+$/, "")}…`;
}
