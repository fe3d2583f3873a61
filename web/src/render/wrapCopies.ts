/**
 * Where to draw an object on the wrapping field, seen through a camera: at its copy
 * nearest the camera, and one field width or height further for each copy that also
 * reaches into the visible area. On a field no bigger than the view (the one-screen room,
 * the spectator's whole field) an object leaving on one side of the screen already shows
 * on the other (four copies at a corner); on a big field an object far from the camera
 * has no copy at all, so it costs nothing to "draw". Pure: no canvas here.
 */
import { wrapDelta } from "../../../shared/sim/vector";
import type { CameraView } from "./camera";

/** 3 offsets per axis (−size, 0, +size) at most, so 3 × 3 copies. */
const MAX_COPIES = 9;

/** The part of a camera view that decides which copies are seen. */
export type VisibleArea = Pick<CameraView, "x" | "y" | "halfWidth" | "halfHeight" | "world">;

/**
 * Reusable result of computeWrapOffsets: copy k is drawn at (x + dx[k], y + dy[k]), with
 * (x, y) the position given, in field coordinates near the camera. Reused so drawing allocates nothing.
 */
export class WrapOffsets {
  count = 0;
  readonly dx = new Float64Array(MAX_COPIES);
  readonly dy = new Float64Array(MAX_COPIES);
}

/** Copies per axis in fields from the nearest one, nearest first. */
const SHIFTS: readonly number[] = [0, -1, 1];
const axisX = new Float64Array(3);
const axisY = new Float64Array(3);

/**
 * Offsets on one axis that bring `c` (any coordinate) to each of its copies whose extent
 * `half` either way overlaps [center − visibleHalf, center + visibleHalf]; the copy
 * nearest the centre first. An edge just touched does not count.
 */
function axisOffsets(c: number, half: number, center: number, visibleHalf: number, size: number, out: Float64Array): number {
  // c + nearest is c's copy within size/2 of the centre.
  const nearest = center + wrapDelta(center, c, size) - c;
  let n = 0;
  for (let k = 0; k < 3; k++) {
    // The nearest copy, then the ones a field before and after it.
    const offset = nearest + SHIFTS[k]! * size;
    const at = c + offset - center;
    if (at + half > -visibleHalf && at - half < visibleHalf) out[n++] = offset;
  }
  return n;
}

/**
 * Fills `out` with the offsets at which an object at (x, y) with half-extents
 * (halfWidth, halfHeight) must be drawn to show every part of it the camera sees.
 * Returns the number of copies: 0 when no copy is in sight.
 */
export function computeWrapOffsets(
  x: number,
  y: number,
  halfWidth: number,
  halfHeight: number,
  area: VisibleArea,
  out: WrapOffsets,
): number {
  const nx = axisOffsets(x, halfWidth, area.x, area.halfWidth, area.world.width, axisX);
  const ny = nx === 0 ? 0 : axisOffsets(y, halfHeight, area.y, area.halfHeight, area.world.height, axisY);
  let n = 0;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      out.dx[n] = axisX[i]!;
      out.dy[n] = axisY[j]!;
      n++;
    }
  }
  out.count = n;
  return n;
}
