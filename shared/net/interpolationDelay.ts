/**
 * How far behind the server a client draws remote objects: two patch intervals cover one
 * late patch, and measured jitter is added on top so a jittery link does not run the buffer
 * dry. The client moves towards it (client/interpolationDelay.ts); the server takes the same
 * rule to estimate a client's delay when it bounds a shot's rewind (server/rooms/RoundTrips.ts).
 */
import { BASE_INTERPOLATION_DELAY_MS, MAX_INTERPOLATION_DELAY_MS, MIN_INTERPOLATION_DELAY_MS } from "./netConstants";

export function targetInterpolationDelay(jitterMs: number): number {
  return Math.min(MAX_INTERPOLATION_DELAY_MS, Math.max(MIN_INTERPOLATION_DELAY_MS, BASE_INTERPOLATION_DELAY_MS + jitterMs));
}
