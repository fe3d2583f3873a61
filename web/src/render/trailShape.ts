/**
 * The drawn shape of a bullet's trail: TRAIL_BANDS nested tapered triangles, all with their
 * base across the bullet (as wide as it) and their tips at the places the bullet was
 * 1/3, 2/3 and 3/3 of TRAIL_DURATION_MS ago. Filled at one low opacity each, they overlap
 * most near the bullet, so the trail fades with age. Each color and band is a single
 * path (drawBullets.ts): a few fills for all trails, and three triangles of raster work per
 * bullet, which also keeps software-rendered canvases fast. Pure: no canvas here.
 */
import { TRAIL_DURATION_MS, type Trail } from "./bulletTrails";

export const TRAIL_BANDS = 3;
/** Floats per triangle: base left (x, y), tip (x, y), base right (x, y). */
export const TRIANGLE_FLOATS = 6;
/** Below this length, px, a trail has no usable direction (a bullet that has not moved yet). */
const MIN_TRAIL_LENGTH = 1e-6;

export interface Point {
  x: number;
  y: number;
}

/**
 * Where the bullet was `ageMs` before `nowMs`, interpolated between remembered positions,
 * written to `out`. Ages beyond the history give its oldest point.
 */
export function pointAtAge(trail: Trail, nowMs: number, ageMs: number, out: Point): void {
  const time = nowMs - ageMs;
  for (let i = 1; i < trail.count; i++) {
    const newer = trail.time(i - 1);
    const older = trail.time(i);
    if (older <= time) {
      const t = newer === older ? 0 : (newer - time) / (newer - older);
      out.x = trail.x(i - 1) + (trail.x(i) - trail.x(i - 1)) * t;
      out.y = trail.y(i - 1) + (trail.y(i) - trail.y(i - 1)) * t;
      return;
    }
  }
  out.x = trail.x(trail.count - 1);
  out.y = trail.y(trail.count - 1);
}

const tip: Point = { x: 0, y: 0 };

/**
 * Writes the trail's triangles, newest (shortest) first, to `out` (TRAIL_BANDS ×
 * TRIANGLE_FLOATS long) and returns how many there are: TRAIL_BANDS, or 0 when the
 * bullet has not moved.
 */
export function trailTriangles(trail: Trail, radius: number, nowMs: number, out: Float64Array): number {
  if (trail.count < 2) return 0;
  const headX = trail.x(0);
  const headY = trail.y(0);
  pointAtAge(trail, nowMs, TRAIL_DURATION_MS, tip);
  const length = Math.hypot(tip.x - headX, tip.y - headY);
  if (length < MIN_TRAIL_LENGTH) return 0;
  // The base is perpendicular to the whole trail: one direction for all bands, so they nest.
  const nx = (-(tip.y - headY) / length) * radius;
  const ny = ((tip.x - headX) / length) * radius;
  for (let band = 0; band < TRAIL_BANDS; band++) {
    pointAtAge(trail, nowMs, (TRAIL_DURATION_MS * (band + 1)) / TRAIL_BANDS, tip);
    const o = band * TRIANGLE_FLOATS;
    out[o] = headX + nx;
    out[o + 1] = headY + ny;
    out[o + 2] = tip.x;
    out[o + 3] = tip.y;
    out[o + 4] = headX - nx;
    out[o + 5] = headY - ny;
  }
  return TRAIL_BANDS;
}
