import { describe, expect, it } from "@jest/globals";
import { BULLET_SPEED } from "../../../shared/constants";
import { wrapCoord } from "../../../shared/sim/vector";
import { ONE_SCREEN, worldSizeFor } from "../../../shared/sim/worldSize";
import { BulletTrails, TRAIL_BREAK_DISTANCE, TRAIL_CAPACITY, TRAIL_DURATION_MS, TRAIL_MIN_SAMPLE_MS, type Trail } from "./bulletTrails";
import type { RenderBullet } from "../../../client/frame";

/** The one-screen field (960 × 540) most tests fly in. */
const FIELD = ONE_SCREEN;
/** 60 fps. */
const FRAME_MS = 1000 / 60;

function bullet(id: string, x: number, y: number): RenderBullet {
  return { id, x, y, radius: 3, color: "#4fc3f7" };
}

function points(trail: Trail): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  for (let i = 0; i < trail.count; i++) result.push([trail.x(i), trail.y(i)]);
  return result;
}

/** A position brought into the field, as the server sends it. */
function wrapped(x: number, y: number): [number, number] {
  return [wrapCoord(x, FIELD.width), wrapCoord(y, FIELD.height)];
}

/** Flies bullet "b" with a constant velocity (px per frame) for `frames` frames from time 0. */
function fly(trails: BulletTrails, from: [number, number], step: [number, number], frames: number, frameMs = FRAME_MS): void {
  for (let f = 0; f < frames; f++) {
    const [x, y] = wrapped(from[0] + step[0] * f, from[1] + step[1] * f);
    trails.update([bullet("b", x, y)], f * frameMs, FIELD);
  }
}

describe("BulletTrails", () => {
  it("starts a new bullet's trail at its position, and ends it at the bullet's newest position", () => {
    const trails = new BulletTrails();
    trails.update([bullet("b", 100, 200)], 0, FIELD);
    expect(points(trails.get("b")!)).toEqual([[100, 200]]);
    trails.update([bullet("b", 110, 200)], FRAME_MS, FIELD);
    expect(points(trails.get("b")!)).toEqual([
      [110, 200],
      [100, 200],
    ]);
  });

  it("keeps a bounded history: at most TRAIL_CAPACITY points, only the oldest TRAIL_DURATION_MS old or more", () => {
    const trails = new BulletTrails();
    for (const frameMs of [4, FRAME_MS, 33]) {
      for (let f = 0; f < 100; f++) {
        const now = f * frameMs;
        trails.update([bullet("b", 100 + f, 100)], now, FIELD);
        const trail = trails.get("b")!;
        expect(trail.count).toBeLessThanOrEqual(TRAIL_CAPACITY);
        if (trail.count >= 2) expect(now - trail.time(trail.count - 2)).toBeLessThan(TRAIL_DURATION_MS);
      }
      trails.update([], 1e6, FIELD); // next frame rate starts afresh
    }
  });

  it("reaches back TRAIL_DURATION_MS at 30, 60 and 250 fps alike", () => {
    for (const frameMs of [33, FRAME_MS, 4]) {
      const trails = new BulletTrails();
      fly(trails, [100, 100], [frameMs * (BULLET_SPEED / 1000), 0], 60, frameMs);
      const trail = trails.get("b")!;
      const span = trail.time(0) - trail.time(trail.count - 1);
      expect(span).toBeGreaterThanOrEqual(TRAIL_DURATION_MS);
      // Points are at least TRAIL_MIN_SAMPLE_MS apart, except the newest, which follows the bullet.
      for (let i = 2; i < trail.count; i++) {
        expect(trail.time(i - 1) - trail.time(i)).toBeGreaterThanOrEqual(TRAIL_MIN_SAMPLE_MS);
      }
    }
  });

  it("forgets bullets that are no longer in the frame", () => {
    const trails = new BulletTrails();
    trails.update([bullet("a", 10, 10), bullet("b", 20, 20)], 0, FIELD);
    trails.update([bullet("a", 12, 10)], FRAME_MS, FIELD);
    expect(trails.size).toBe(1);
    expect(trails.get("b")).toBeUndefined();
    trails.update([], 2 * FRAME_MS, FIELD);
    expect(trails.size).toBe(0);
  });

  it("starts a fresh trail when an id comes back after being forgotten", () => {
    const trails = new BulletTrails();
    trails.update([bullet("a", 10, 10)], 0, FIELD);
    trails.update([bullet("a", 20, 10)], FRAME_MS, FIELD);
    trails.update([], 2 * FRAME_MS, FIELD);
    trails.update([bullet("a", 500, 300)], 3 * FRAME_MS, FIELD);
    expect(points(trails.get("a")!)).toEqual([[500, 300]]);
  });

  it.each([
    ["the right edge", [900, 270], [10, 0]],
    ["the left edge", [60, 270], [-10, 0]],
    ["the bottom edge", [480, 480], [0, 10]],
    ["the top edge", [480, 60], [0, -10]],
    ["a corner", [900, 480], [10, 10]],
  ] as Array<[string, [number, number], [number, number]]>)(
    "never draws a segment across the field when a bullet wraps through %s",
    (_edge, from, step) => {
      const trails = new BulletTrails();
      const stepLength = Math.hypot(step[0], step[1]);
      for (let f = 0; f < 12; f++) {
        const [x, y] = wrapped(from[0] + step[0] * f, from[1] + step[1] * f);
        trails.update([bullet("b", x, y)], f * FRAME_MS, FIELD);
        const trail = points(trails.get("b")!);
        expect(trail[0]).toEqual([x, y]);
        for (let i = 1; i < trail.length; i++) {
          const [ax, ay] = trail[i - 1]!;
          const [bx, by] = trail[i]!;
          // Consecutive points are one step apart: the history was moved to lie beyond the edge.
          expect(Math.hypot(ax - bx, ay - by)).toBeCloseTo(stepLength, 9);
        }
      }
      expect(trails.get("b")!.count).toBeGreaterThan(2);
    },
  );

  it("wraps at the edge of the field it is given: on a two-screen field, 950 → 0 is a jump, 1910 → 0 a wrap", () => {
    const big = worldSizeFor(32);
    const trails = new BulletTrails();
    trails.update([bullet("b", 950, 100)], 0, big);
    trails.update([bullet("b", 0, 100)], FRAME_MS, big);
    expect(points(trails.get("b")!)).toEqual([[0, 100]]);
    trails.update([bullet("c", big.width - 10, 100)], 2 * FRAME_MS, big);
    trails.update([bullet("c", 0, 100)], 3 * FRAME_MS, big);
    expect(points(trails.get("c")!)).toEqual([
      [0, 100],
      [-10, 100],
    ]);
  });

  it("keeps the older points beyond the edge the bullet crossed", () => {
    const trails = new BulletTrails();
    trails.update([bullet("b", 950, 100)], 0, FIELD);
    trails.update([bullet("b", 0, 100)], FRAME_MS, FIELD);
    trails.update([bullet("b", 10, 100)], 2 * FRAME_MS, FIELD);
    expect(points(trails.get("b")!)).toEqual([
      [10, 100],
      [0, 100],
      [-10, 100],
    ]);
  });

  it("restarts the trail on a jump no bullet can fly between two frames", () => {
    const trails = new BulletTrails();
    trails.update([bullet("b", 100, 100)], 0, FIELD);
    trails.update([bullet("b", 110, 100)], FRAME_MS, FIELD);
    trails.update([bullet("b", 110 + TRAIL_BREAK_DISTANCE + 1, 100)], 2 * FRAME_MS, FIELD);
    expect(points(trails.get("b")!)).toEqual([[111 + TRAIL_BREAK_DISTANCE, 100]]);
  });

  it("after a pause longer than the trail, keeps only the newest point and one older than the trail", () => {
    const trails = new BulletTrails();
    trails.update([bullet("b", 100, 100)], 0, FIELD);
    trails.update([bullet("b", 110, 100)], FRAME_MS, FIELD);
    trails.update([bullet("b", 120, 100)], 2 * FRAME_MS, FIELD);
    trails.update([bullet("b", 130, 100)], 2 * FRAME_MS + TRAIL_DURATION_MS + 1, FIELD);
    expect(points(trails.get("b")!)).toEqual([
      [130, 100],
      [120, 100],
    ]);
  });
});
