/**
 * The exact ship-hull tests in ship space. The hull is the triangle (−16,−16), (32,0), (−16,16):
 *   back edge   x = −16                  outward normal (−1, 0),      midpoint (−16, 0)
 *   lower edge  x − 3y − 32 = 0          outward normal (1, −3)/√10,  midpoint (8, −8)
 *   upper edge  x + 3y − 32 = 0          outward normal (1, 3)/√10,   midpoint (8, 8)
 * so inside means x ≥ −16 and |y| ≤ (32 − x)/3. Points are placed a hair inside/outside each edge.
 */
import { SHIP_HULL } from "../constants";
import { capsuleHitsHull, closestParameter, distancePointSegment, pointInHull, rotate } from "./geometry";
import type { Vec2 } from "./vector";

const SQRT10 = Math.sqrt(10);

/** Each edge as its midpoint and unit outward normal. */
const EDGES: ReadonlyArray<readonly [string, Vec2, Vec2]> = [
  ["back", { x: -16, y: 0 }, { x: -1, y: 0 }],
  ["lower", { x: 8, y: -8 }, { x: 1 / SQRT10, y: -3 / SQRT10 }],
  ["upper", { x: 8, y: 8 }, { x: 1 / SQRT10, y: 3 / SQRT10 }],
];

/** `from` moved `distance` along the unit vector `dir`. */
function along(from: Vec2, dir: Vec2, distance: number): Vec2 {
  return { x: from.x + dir.x * distance, y: from.y + dir.y * distance };
}

/** The static circle test: a capsule of zero length. */
function circleHits(center: Vec2, radius: number): boolean {
  return capsuleHitsHull(center, center, radius);
}

it("the hull constant is the triangle these tests assume", () => {
  expect(SHIP_HULL).toEqual([
    [-16, -16],
    [32, 0],
    [-16, 16],
  ]);
});

describe("pointInHull", () => {
  it.each(EDGES)("a point 0.01 px inside the %s edge is in, 0.01 px outside is out", (_name, mid, normal) => {
    expect(pointInHull(along(mid, normal, -0.01))).toBe(true);
    expect(pointInHull(along(mid, normal, 0.01))).toBe(false);
  });

  it("counts the boundary and the vertices as inside", () => {
    expect(pointInHull({ x: -16, y: 0 })).toBe(true);
    expect(pointInHull({ x: 32, y: 0 })).toBe(true);
    expect(pointInHull({ x: -16, y: 16 })).toBe(true);
    expect(pointInHull({ x: -16, y: -16 })).toBe(true);
  });

  it("near the nose the hull is thin: at x = 31 it spans |y| ≤ 1/3", () => {
    expect(pointInHull({ x: 31.9, y: 0 })).toBe(true);
    expect(pointInHull({ x: 32.1, y: 0 })).toBe(false);
    expect(pointInHull({ x: 31, y: 0.3 })).toBe(true);
    expect(pointInHull({ x: 31, y: 0.4 })).toBe(false);
    expect(pointInHull({ x: 31, y: -0.4 })).toBe(false);
  });

  it("at x = 0 the hull spans |y| ≤ 32/3 = 10.667", () => {
    expect(pointInHull({ x: 0, y: 10.6 })).toBe(true);
    expect(pointInHull({ x: 0, y: 10.7 })).toBe(false);
    expect(pointInHull({ x: 0, y: -10.6 })).toBe(true);
    expect(pointInHull({ x: 0, y: -10.7 })).toBe(false);
  });
});

describe("static circle against the hull", () => {
  it.each(EDGES)("a radius-3 circle whose centre is 2.99 px outside the %s edge hits, 3.01 px misses", (_name, mid, normal) => {
    expect(circleHits(along(mid, normal, 2.99), 3)).toBe(true);
    expect(circleHits(along(mid, normal, 3.01), 3)).toBe(false);
  });

  it.each([0, 45, -60])("near the nose vertex (32, 0), in direction %p°, the vertex is what it touches", (degrees) => {
    // Any direction within ±71.57° (atan 3) of +x has the nose vertex as its closest hull point.
    const dir = { x: Math.cos((degrees * Math.PI) / 180), y: Math.sin((degrees * Math.PI) / 180) };
    expect(circleHits(along({ x: 32, y: 0 }, dir, 2.99), 3)).toBe(true);
    expect(circleHits(along({ x: 32, y: 0 }, dir, 3.01), 3)).toBe(false);
  });

  it("near a tail corner (−16, 16), diagonally outward, the corner is what it touches", () => {
    const dir = { x: -Math.SQRT1_2, y: Math.SQRT1_2 };
    expect(circleHits(along({ x: -16, y: 16 }, dir, 2.99), 3)).toBe(true);
    expect(circleHits(along({ x: -16, y: 16 }, dir, 3.01), 3)).toBe(false);
  });

  it("the hull is not its bounding circle: (20, 10) is 22.4 px from the origin but 5.69 px from the hull", () => {
    // Distance to the upper edge: (20 + 3·10 − 32)/√10 = 18/3.1623 = 5.692
    expect(Math.hypot(20, 10)).toBeLessThan(32);
    expect(circleHits({ x: 20, y: 10 }, 5.6)).toBe(false);
    expect(circleHits({ x: 20, y: 10 }, 5.7)).toBe(true);
  });

  it("a circle whose centre is inside hits whatever its radius", () => {
    expect(circleHits({ x: 0, y: 0 }, 0)).toBe(true);
    expect(circleHits({ x: 30, y: 0 }, 0)).toBe(true);
  });
});

describe("swept capsule against the hull", () => {
  it("a radius-3 path across the nose tip (x = 30, y −16/3 → 16/3) hits though neither end does", () => {
    // Each end is (30 + 16 − 32)/√10 = 14/√10 = 4.427 px from its edge: more than the radius 3.
    const from = { x: 30, y: -16 / 3 };
    const to = { x: 30, y: 16 / 3 };
    expect(circleHits(from, 3)).toBe(false);
    expect(circleHits(to, 3)).toBe(false);
    expect(capsuleHitsHull(from, to, 3)).toBe(true);
  });

  it("a zero-radius path straight through the middle (x = 0, y −30 → 30) hits; its ends are outside", () => {
    const from = { x: 0, y: -30 };
    const to = { x: 0, y: 30 };
    expect(pointInHull(from) || pointInHull(to)).toBe(false);
    expect(capsuleHitsHull(from, to, 0)).toBe(true);
  });

  it("a path beside the nose (x = 33) is 1 px from the vertex: radius 0.99 misses, 1.01 hits", () => {
    const from = { x: 33, y: -5 };
    const to = { x: 33, y: 5 };
    expect(capsuleHitsHull(from, to, 0.99)).toBe(false);
    expect(capsuleHitsHull(from, to, 1.01)).toBe(true);
  });

  it("a path parallel to the back edge: 3.01 px behind misses a radius-3 capsule, 2.99 px hits", () => {
    expect(capsuleHitsHull({ x: -19.01, y: -30 }, { x: -19.01, y: 30 }, 3)).toBe(false);
    expect(capsuleHitsHull({ x: -18.99, y: -30 }, { x: -18.99, y: 30 }, 3)).toBe(true);
  });

  it("a path that stops short: (0, −40) → (0, −11) ends 1/√10 = 0.3162 px from the lower edge", () => {
    // (0 − 3·(−11) − 32)/√10 = 1/√10
    const from = { x: 0, y: -40 };
    const to = { x: 0, y: -11 };
    expect(capsuleHitsHull(from, to, 0.31)).toBe(false);
    expect(capsuleHitsHull(from, to, 0.32)).toBe(true);
  });

  it("a path that starts inside or ends inside hits", () => {
    expect(capsuleHitsHull({ x: 0, y: 0 }, { x: 0, y: 100 }, 0)).toBe(true);
    expect(capsuleHitsHull({ x: 0, y: 100 }, { x: 0, y: 0 }, 0)).toBe(true);
  });

  it("a path that passes well clear misses", () => {
    expect(capsuleHitsHull({ x: 40, y: -30 }, { x: 40, y: 30 }, 3)).toBe(false);
    expect(capsuleHitsHull({ x: -30, y: 20 }, { x: 40, y: 20 }, 3)).toBe(false); // 4 px above the top of the hull at y = 16
  });
});

describe("helpers", () => {
  it("rotate by π/2 takes (1, 0) to (0, 1); by π takes (3, 4) to (−3, −4)", () => {
    const p = rotate({ x: 1, y: 0 }, Math.PI / 2);
    expect(p.x).toBeCloseTo(0, 12);
    expect(p.y).toBeCloseTo(1, 12);
    const q = rotate({ x: 3, y: 4 }, Math.PI);
    expect(q.x).toBeCloseTo(-3, 12);
    expect(q.y).toBeCloseTo(-4, 12);
  });

  it("distancePointSegment and closestParameter: middle, past the end, degenerate segment", () => {
    const a = { x: 0, y: 0 };
    const b = { x: 10, y: 0 };
    expect(distancePointSegment({ x: 5, y: 5 }, a, b)).toBe(5);
    expect(closestParameter({ x: 5, y: 5 }, a, b)).toBe(0.5);
    expect(distancePointSegment({ x: 15, y: 0 }, a, b)).toBe(5);
    expect(closestParameter({ x: 15, y: 0 }, a, b)).toBe(1);
    expect(closestParameter({ x: -3, y: 1 }, a, b)).toBe(0);
    expect(distancePointSegment({ x: 3, y: 4 }, a, a)).toBe(5);
    expect(closestParameter({ x: 3, y: 4 }, a, a)).toBe(0);
  });
});
