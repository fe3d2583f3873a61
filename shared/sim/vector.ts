/** Small vector helpers for a wrap-around (toroidal) field. */
import type { WorldSize } from "./worldSize";

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

/**
 * wrapDelta for two coordinates already in the field [0, size): no modulo, for the hot
 * loops that test thousands of pairs a step or a patch (collisions' broad phase, interest management).
 */
export function fieldDelta(a: number, b: number, size: number): number {
  const d = b - a;
  if (d > size / 2) return d - size;
  if (d < -size / 2) return d + size;
  return d;
}

/** Shortest offset from `from` to `to` across a wrapped field of `size`. */
export function wrappedOffset(from: Vec2, to: Vec2, size: WorldSize): Vec2 {
  return { x: wrapDelta(from.x, to.x, size.width), y: wrapDelta(from.y, to.y, size.height) };
}

/** Shortest signed angle difference b − a, in [−π, π). */
export function angleDelta(a: number, b: number): number {
  return wrapCoord(b - a + Math.PI, 2 * Math.PI) - Math.PI;
}
