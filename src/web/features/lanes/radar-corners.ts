/**
 * The corners of a radar polygon that have a value: a lane with none (feedback still hidden below k)
 * is left out and its neighbours joined, instead of being drawn as a 0 at the centre.
 */
export function cornersWithValues<P extends { value?: number | null }>(points: readonly P[]): P[] {
  return points.filter((point) => point.value !== undefined && point.value !== null);
}

/** A lane's value for the givers' polygon: only lanes shown (k or more raters) have one. */
export function giversRatings<L extends string>(
  results: readonly { lane: L; shown: boolean; median: number | null }[],
): Partial<Record<L, number>> {
  const ratings: Partial<Record<L, number>> = {};
  for (const lane of results) if (lane.shown && lane.median !== null) ratings[lane.lane] = lane.median;
  return ratings;
}
