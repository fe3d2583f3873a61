/**
 * Whether a series grows over a run: the median of its first window against the median
 * of its last (robust to the garbage collector's saw-tooth), and the least-squares slope
 * over the whole run, per minute. Points whose value is not a number (not measured yet)
 * are left out.
 */
import { summarize } from "../../shared/stats";

export interface Trend {
  /** Seconds each window spans. */
  windowS: number;
  firstMedian: number;
  lastMedian: number;
  /** lastMedian − firstMedian. */
  growth: number;
  /** Least-squares slope over every point, units per minute. */
  slopePerMinute: number;
}

/** Ordinary least-squares slope of `y` over `x`; NaN with fewer than two distinct x. */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.x - meanX) * (p.y - meanY);
    variance += (p.x - meanX) ** 2;
  }
  return variance === 0 ? Number.NaN : covariance / variance;
}

/**
 * The trend of `value` over samples taken at `t` seconds (ascending), with windows of
 * `windowS` seconds at each end (a third of the run at most, so the two never overlap).
 */
export function trendOf<S extends { t: number }>(samples: readonly S[], value: (sample: S) => number, windowS: number): Trend {
  const points = samples.map((s) => ({ x: s.t, y: value(s) })).filter((p) => Number.isFinite(p.y));
  const first = points[0]?.x ?? 0;
  const last = points[points.length - 1]?.x ?? 0;
  const span = Math.min(windowS, (last - first) / 3);
  const firstMedian = summarize(points.filter((p) => p.x <= first + span).map((p) => p.y)).median;
  const lastMedian = summarize(points.filter((p) => p.x >= last - span).map((p) => p.y)).median;
  return {
    windowS: span,
    firstMedian,
    lastMedian,
    growth: lastMedian - firstMedian,
    slopePerMinute: slope(points.map((p) => ({ x: p.x / 60, y: p.y }))),
  };
}
