/**
 * How far behind the server remote objects are drawn. Two patch intervals cover one
 * late patch; measured jitter is added on top so a jittery link does not run the buffer
 * dry. The delay moves towards its target gradually, so the drawn time never jumps.
 */
import { PATCH_RATE } from "../shared/constants";

/** One patch interval, ms (50 ms at 20 Hz). */
export const PATCH_INTERVAL_MS = 1000 / PATCH_RATE;
/** Bounds of the delay, ms: never under 1.4 intervals (a buffer needs two snapshots), never over 5 (it would feel late). */
export const MIN_INTERPOLATION_DELAY_MS = PATCH_INTERVAL_MS * 1.4;
export const MAX_INTERPOLATION_DELAY_MS = PATCH_INTERVAL_MS * 5;
/** Share of the gap to the target closed per second of screen time. */
const ADAPT_RATE_PER_S = 2;

export function targetInterpolationDelay(jitterMs: number): number {
  return Math.min(MAX_INTERPOLATION_DELAY_MS, Math.max(MIN_INTERPOLATION_DELAY_MS, 2 * PATCH_INTERVAL_MS + jitterMs));
}

/** The delay after `frameMs` of screen time, moving from `current` towards the target for `jitterMs`. */
export function adaptInterpolationDelay(current: number, jitterMs: number, frameMs: number): number {
  const target = targetInterpolationDelay(jitterMs);
  const share = Math.min(1, (ADAPT_RATE_PER_S * frameMs) / 1000);
  return current + (target - current) * share;
}
