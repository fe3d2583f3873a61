/** Small vector helpers for a wrap-around (toroidal) field. */
import { WORLD_HEIGHT, WORLD_WIDTH } from "./constants";

export interface Vec2 {
  x: number;
  y: number;
}

/** Brings a coordinate into [0, size). */
export function wrapCoord(value: number, size: number): number {
  const r = value % size;
  // A tiny negative r gives r + size === size after rounding: the second % maps it to 0.
  return r < 0 ? (r + size) % size : r;
}

/** Shortest signed difference b − a on a ring of length `size`, in [−size/2, size/2). */
export function wrapDelta(a: number, b: number, size: number): number {
  return wrapCoord(b - a + size / 2, size) - size / 2;
}

/** Shortest offset from `from` to `to` across the wrapped field. */
export function wrappedOffset(from: Vec2, to: Vec2): Vec2 {
  return { x: wrapDelta(from.x, to.x, WORLD_WIDTH), y: wrapDelta(from.y, to.y, WORLD_HEIGHT) };
}

/** Shortest signed angle difference b − a, in [−π, π). */
export function angleDelta(a: number, b: number): number {
  return wrapCoord(b - a + Math.PI, 2 * Math.PI) - Math.PI;
}
