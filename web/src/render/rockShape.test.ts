import { describe, expect, it } from "@jest/globals";
import { ASTEROID_RADIUS, type AsteroidSize } from "../../../shared/constants";
import { ROCK_MAX_VERTICES, ROCK_MIN_VERTICES, ROCK_RADIUS_JITTER, RockShapes, rockShape } from "./rockShape";

const SIZES: AsteroidSize[] = [1, 2, 3];
const IDS = Array.from({ length: 200 }, (_, i) => `rock-${i}`);

describe("rockShape", () => {
  it("gives the same outline for the same id every time", () => {
    const a = rockShape("a7", 3);
    const b = rockShape("a7", 3);
    expect(b.count).toBe(a.count);
    expect(Array.from(b.xs)).toEqual(Array.from(a.xs));
    expect(Array.from(b.ys)).toEqual(Array.from(a.ys));
  });

  it("gives different ids different outlines (a split rock's pieces look new)", () => {
    const signatures = new Set(IDS.map((id) => rockShape(id, 2).xs.join(",")));
    expect(signatures.size).toBe(IDS.length);
  });

  it(`has ${ROCK_MIN_VERTICES}–${ROCK_MAX_VERTICES} vertices, and every count occurs`, () => {
    const counts = new Set<number>();
    for (const id of IDS) {
      const { count, xs, ys } = rockShape(id, 1);
      expect(count).toBeGreaterThanOrEqual(ROCK_MIN_VERTICES);
      expect(count).toBeLessThanOrEqual(ROCK_MAX_VERTICES);
      expect(xs.length).toBe(count);
      expect(ys.length).toBe(count);
      counts.add(count);
    }
    expect(counts.size).toBe(ROCK_MAX_VERTICES - ROCK_MIN_VERTICES + 1);
  });

  it.each(SIZES)("keeps every vertex of a size-%p rock within ±25 %% of its radius", (size) => {
    const base = ASTEROID_RADIUS[size];
    for (const id of IDS) {
      const shape = rockShape(id, size);
      let farthest = 0;
      for (let i = 0; i < shape.count; i++) {
        const r = Math.hypot(shape.xs[i]!, shape.ys[i]!);
        expect(r).toBeGreaterThanOrEqual(base * (1 - ROCK_RADIUS_JITTER) - 1e-9);
        expect(r).toBeLessThanOrEqual(base * (1 + ROCK_RADIUS_JITTER) + 1e-9);
        farthest = Math.max(farthest, r);
      }
      expect(shape.boundRadius).toBeCloseTo(farthest, 9);
    }
  });

  it("goes round the centre once, vertex angles in order: the outline never crosses itself", () => {
    for (const id of IDS) {
      const shape = rockShape(id, 3);
      let turned = 0;
      for (let i = 0; i < shape.count; i++) {
        const j = (i + 1) % shape.count;
        const step = Math.atan2(shape.ys[j]!, shape.xs[j]!) - Math.atan2(shape.ys[i]!, shape.xs[i]!);
        const wrapped = ((step % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        expect(wrapped).toBeGreaterThan(0);
        expect(wrapped).toBeLessThan(Math.PI);
        turned += wrapped;
      }
      expect(turned).toBeCloseTo(2 * Math.PI, 9);
    }
  });
});

describe("RockShapes", () => {
  it("builds a rock's outline once and returns the same object while the rock is on screen", () => {
    const shapes = new RockShapes();
    const first = shapes.get("r1", 3);
    shapes.endFrame();
    expect(shapes.get("r1", 3)).toBe(first);
  });

  it("forgets rocks that were not drawn in the last frame", () => {
    const shapes = new RockShapes();
    shapes.get("r1", 3);
    shapes.get("r2", 2);
    shapes.endFrame();
    shapes.get("r1", 3);
    shapes.endFrame();
    expect(shapes.cached).toBe(1);
    shapes.endFrame();
    expect(shapes.cached).toBe(0);
  });

  it("rebuilds the outline if an id comes back with another size", () => {
    const shapes = new RockShapes();
    expect(shapes.get("r1", 3).size).toBe(3);
    expect(shapes.get("r1", 1).size).toBe(1);
  });
});
