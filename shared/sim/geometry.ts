/**
 * Exact collision tests against the ship's triangle. Shapes are tested in ship space
 * (ship at the origin, nose on +x), so callers rotate the other object into it.
 * A moving bullet is a capsule: its path segment thickened by its radius, which is
 * what makes the test swept — nothing passes through between two steps.
 */
import { SHIP_HULL } from "../constants";
import type { Vec2 } from "./vector";
import { cos, hypot, sin } from "./deterministicMath";

/** Rotates `p` by `angle` radians around the origin. */
export function rotate(p: Vec2, angle: number): Vec2 {
  const c = cos(angle);
  const s = sin(angle);
  return { x: p.x * c - p.y * s, y: p.x * s + p.y * c };
}

function cross(o: Vec2, a: Vec2, b: Vec2): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Distance from `p` to the segment a–b (a point when a = b). */
export function distancePointSegment(p: Vec2, a: Vec2, b: Vec2): number {
  const abx = b.x - a.x;
  const aby = b.y - a.y;
  const lengthSq = abx * abx + aby * aby;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * abx + (p.y - a.y) * aby) / lengthSq));
  return hypot(p.x - (a.x + t * abx), p.y - (a.y + t * aby));
}

/** Parameter in [0, 1] of the point of segment a–b closest to `p`. */
export function closestParameter(p: Vec2, a: Vec2, b: Vec2): number {
  const abx = b.x - a.x;
  const aby = b.y - a.y;
  const lengthSq = abx * abx + aby * aby;
  return lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * abx + (p.y - a.y) * aby) / lengthSq));
}

/** True when the segments cross at a single interior point; touching is left to the distance test. */
function segmentsCross(a: Vec2, b: Vec2, c: Vec2, d: Vec2): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function distanceSegmentSegment(a: Vec2, b: Vec2, c: Vec2, d: Vec2): number {
  if (segmentsCross(a, b, c, d)) return 0;
  return Math.min(
    distancePointSegment(a, c, d),
    distancePointSegment(b, c, d),
    distancePointSegment(c, a, b),
    distancePointSegment(d, a, b),
  );
}

const HULL: readonly Vec2[] = SHIP_HULL.map(([x, y]) => ({ x, y }));

/** Inside or on the hull (counter-clockwise or clockwise winding both work). */
export function pointInHull(p: Vec2): boolean {
  let positive = false;
  let negative = false;
  for (let i = 0; i < HULL.length; i++) {
    const c = cross(HULL[i]!, HULL[(i + 1) % HULL.length]!, p);
    if (c > 0) positive = true;
    if (c < 0) negative = true;
  }
  return !(positive && negative);
}

/**
 * Does a circle of `radius` moving from `from` to `to` (ship space) touch the hull?
 * With from = to this is the static circle–triangle test.
 */
export function capsuleHitsHull(from: Vec2, to: Vec2, radius: number): boolean {
  if (pointInHull(from)) return true;
  for (let i = 0; i < HULL.length; i++) {
    if (distanceSegmentSegment(from, to, HULL[i]!, HULL[(i + 1) % HULL.length]!) <= radius) return true;
  }
  return false;
}
