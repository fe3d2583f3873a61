/**
 * How far behind the server remote objects are drawn. Two patch intervals cover one
 * late patch; measured jitter is added on top so a jittery link does not run the buffer
 * dry. The delay moves towards its target gradually, so the drawn time never jumps.
 */
import {
  BASE_INTERPOLATION_DELAY_MS,
  INTERPOLATION_DELAY_ADAPT_PER_S,
  MAX_INTERPOLATION_DELAY_MS,
  MIN_INTERPOLATION_DELAY_MS,
} from "../shared/constants";

export function targetInterpolationDelay(jitterMs: number): number {
  return Math.min(MAX_INTERPOLATION_DELAY_MS, Math.max(MIN_INTERPOLATION_DELAY_MS, BASE_INTERPOLATION_DELAY_MS + jitterMs));
}

/** The delay after `frameMs` of screen time, moving from `current` towards the target for `jitterMs`. */
export function adaptInterpolationDelay(current: number, jitterMs: number, frameMs: number): number {
  const target = targetInterpolationDelay(jitterMs);
  const share = Math.min(1, (INTERPOLATION_DELAY_ADAPT_PER_S * frameMs) / 1000);
  return current + (target - current) * share;
}
