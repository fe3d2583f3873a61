import { describe, expect, it } from "@jest/globals";
import { BULLET_SPEED } from "../../../shared/constants";
import { ONE_SCREEN } from "../../../shared/sim/worldSize";
import { BulletTrails, TRAIL_DURATION_MS, type Trail } from "./bulletTrails";
import { TRAIL_BANDS, TRIANGLE_FLOATS, pointAtAge, trailTriangles, type Point } from "./trailShape";

const FRAME_MS = 1000 / 60;
/** Bullet speed in px per ms. */
const SPEED = BULLET_SPEED / 1000;

/** Feeds positions one per 60 fps frame; returns the trail and the last frame's time. */
function trailOf(positions: Array<[number, number]>): { trail: Trail; now: number } {
  const trails = new BulletTrails();
  let now = 0;
  positions.forEach(([x, y], f) => {
    now = f * FRAME_MS;
    trails.update([{ id: "b", x, y, radius: 3, color: "#ffffff" }], now, ONE_SCREEN);
  });
  return { trail: trails.get("b")!, now };
}

/** A bullet flying along +x at bullet speed for `frames` frames. */
function flight(frames: number): Array<[number, number]> {
  return Array.from({ length: frames }, (_, f): [number, number] => [100 + SPEED * FRAME_MS * f, 200]);
}

function triangles(positions: Array<[number, number]>, radius: number): { n: number; out: Float64Array } {
  const { trail, now } = trailOf(positions);
  const out = new Float64Array(TRAIL_BANDS * TRIANGLE_FLOATS);
  return { n: trailTriangles(trail, radius, now, out), out };
}

describe("pointAtAge", () => {
  it("interpolates between remembered positions by time, and stops at the oldest", () => {
    const { trail, now } = trailOf([
      [0, 0],
      [10, 0],
      [20, 0],
    ]);
    const p: Point = { x: NaN, y: NaN };
    pointAtAge(trail, now, 0, p);
    expect(p).toEqual({ x: 20, y: 0 });
    pointAtAge(trail, now, FRAME_MS / 2, p);
    expect(p.x).toBeCloseTo(15, 9);
    pointAtAge(trail, now, 1.5 * FRAME_MS, p);
    expect(p.x).toBeCloseTo(5, 9);
    pointAtAge(trail, now, 10 * FRAME_MS, p);
    expect(p).toEqual({ x: 0, y: 0 });
  });
});

describe("trailTriangles", () => {
  it("draws no trail for a bullet just fired, or one that has not moved", () => {
    expect(triangles([[100, 100]], 3).n).toBe(0);
    expect(
      triangles(
        [
          [100, 100],
          [100, 100],
        ],
        3,
      ).n,
    ).toBe(0);
  });

  it("puts the band tips where the bullet was 1/3, 2/3 and 3/3 of the trail's duration ago", () => {
    const positions = flight(20);
    const [headX] = positions[positions.length - 1]!;
    const { n, out } = triangles(positions, 4);
    expect(n).toBe(TRAIL_BANDS);
    for (let band = 0; band < TRAIL_BANDS; band++) {
      const o = band * TRIANGLE_FLOATS;
      expect(headX - out[o + 2]!).toBeCloseTo((SPEED * TRAIL_DURATION_MS * (band + 1)) / TRAIL_BANDS, 6);
      expect(out[o + 3]).toBeCloseTo(200, 9);
    }
  });

  it("spans the bullet's width at the bullet, across its direction of flight", () => {
    const positions = flight(20);
    const [headX] = positions[positions.length - 1]!;
    const { out } = triangles(positions, 4);
    for (let band = 0; band < TRAIL_BANDS; band++) {
      const o = band * TRIANGLE_FLOATS;
      expect(out[o]).toBeCloseTo(headX, 9);
      expect(out[o + 4]).toBeCloseTo(headX, 9);
      expect(Math.abs(out[o + 1]! - out[o + 5]!)).toBeCloseTo(8, 9);
    }
  });

  it("is only as long as the history while the bullet is new", () => {
    const { out } = triangles(
      [
        [100, 50],
        [110, 50],
      ],
      3,
    );
    expect(out[(TRAIL_BANDS - 1) * TRIANGLE_FLOATS + 2]).toBe(100);
  });

  it("follows a bullet through the wrap, tips beyond the edge it crossed, never across the field", () => {
    const { n, out } = triangles(
      [
        [940, 50],
        [950, 50],
        [0, 50],
        [10, 50],
      ],
      3,
    );
    expect(n).toBe(TRAIL_BANDS);
    for (let band = 0; band < TRAIL_BANDS; band++) {
      const tipX = out[band * TRIANGLE_FLOATS + 2]!;
      expect(tipX).toBeLessThan(10);
      expect(tipX).toBeGreaterThanOrEqual(-20);
    }
  });
});
