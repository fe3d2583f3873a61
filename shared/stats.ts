/**
 * Order statistics for skewed samples (round trips, tick times): medians and tail
 * percentiles, never means. The server's dashboard, the bots' tally and the benchmarks
 * summarise with them.
 */

export interface Summary {
  /** Samples summarised. */
  n: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * The `p`-th percentile (0..100) of ascending `sorted`, interpolated linearly between
 * the two nearest ranks; NaN for no samples.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
  };
}

/** `part / whole`, or NaN when there is nothing to divide. */
export function share(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : part / whole;
}
