/**
 * Where to draw an object on the wrapping field: at its position, and once more one field
 * width or height away for each edge its bounds cross, so an object leaving on the right
 * already shows on the left (four copies at a corner). Pure: no canvas here.
 */
import { WORLD_HEIGHT, WORLD_WIDTH } from "../../../shared/constants";

/** 3 offsets per axis (−size, 0, +size) at most, so 3 × 3 copies; only an object wider than the field needs more than 2 × 2. */
const MAX_COPIES = 9;

/** Reusable result of computeWrapOffsets: copy k is drawn at (x + dx[k], y + dy[k]). Reused so drawing allocates nothing. */
export class WrapOffsets {
  count = 0;
  readonly dx = new Float64Array(MAX_COPIES);
  readonly dy = new Float64Array(MAX_COPIES);
}

const axisX = new Float64Array(3);
const axisY = new Float64Array(3);

/** Offsets on one axis for a centre `c` in [0, size) whose extent is `half` either way. */
function axisOffsets(c: number, half: number, size: number, out: Float64Array): number {
  let n = 0;
  out[n++] = 0;
  if (c - half < 0) out[n++] = size; // sticks out of the low edge: it also shows at the high edge
  if (c + half > size) out[n++] = -size;
  return n;
}

/**
 * Fills `out` with the offsets at which an object centred at (x, y) in [0, W) × [0, H)
 * with half-extents (halfWidth, halfHeight) must be drawn; the first is always (0, 0).
 * Returns the number of copies.
 */
export function computeWrapOffsets(x: number, y: number, halfWidth: number, halfHeight: number, out: WrapOffsets): number {
  const nx = axisOffsets(x, halfWidth, WORLD_WIDTH, axisX);
  const ny = axisOffsets(y, halfHeight, WORLD_HEIGHT, axisY);
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
