/**
 * The client's interpolation delay, moving towards its target (shared/net/interpolationDelay.ts)
 * gradually, so the drawn time never jumps.
 */
import { INTERPOLATION_DELAY_ADAPT_PER_S } from "../shared/net/netConstants";
import { targetInterpolationDelay } from "../shared/net/interpolationDelay";

/** The delay after `frameMs` of screen time, moving from `current` towards the target for `jitterMs`. */
export function adaptInterpolationDelay(current: number, jitterMs: number, frameMs: number): number {
  const target = targetInterpolationDelay(jitterMs);
  const share = Math.min(1, (INTERPOLATION_DELAY_ADAPT_PER_S * frameMs) / 1000);
  return current + (target - current) * share;
}
