import { describe, expect, it } from "@jest/globals";
import type { RngState } from "../../../shared/sim/rng";
import {
  Bursts,
  EXPLOSION_MAX_LIFE_MS,
  EXPLOSION_MIN_LIFE_MS,
  MAX_BURSTS,
  PARTICLE_DRAG_S,
  SHATTER_COLOR,
  createExplosion,
  createShatter,
  particleFade,
  particleTravel,
} from "./particles";

const seed = (): RngState => ({ rngState: 42 });

describe("createExplosion", () => {
  const burst = createExplosion(100, 200, "#ff8a65", 1000, seed());

  it("throws 24–40 sparks in the ship's color, fading within 0.8–1.2 s", () => {
    expect(burst.kind).toBe("explosion");
    expect(burst.color).toBe("#ff8a65");
    expect(burst.particles.length).toBeGreaterThanOrEqual(24);
    expect(burst.particles.length).toBeLessThanOrEqual(40);
    const lives = burst.particles.map((p) => p.lifeMs);
    expect(Math.min(...lives)).toBeGreaterThanOrEqual(EXPLOSION_MIN_LIFE_MS);
    expect(Math.max(...lives)).toBeLessThanOrEqual(EXPLOSION_MAX_LIFE_MS);
    expect(burst.endMs).toBe(1000 + Math.max(...lives));
  });

  it("sends sparks outward all round: every quadrant gets a quarter of them, give or take one", () => {
    const quadrants = [0, 0, 0, 0];
    for (const p of burst.particles) {
      expect(Math.hypot(p.vx, p.vy)).toBeGreaterThan(0);
      const q = (p.vx >= 0 ? 0 : 1) + (p.vy >= 0 ? 0 : 2);
      quadrants[q] = quadrants[q]! + 1;
    }
    const quarter = burst.particles.length / 4;
    for (const n of quadrants) expect(Math.abs(n - quarter)).toBeLessThanOrEqual(1);
  });

  it("is reproducible from the same seed", () => {
    expect(createExplosion(1, 2, "#fff", 0, seed())).toEqual(createExplosion(1, 2, "#fff", 0, seed()));
  });
});

describe("createShatter", () => {
  it("throws grey debris, more of it for a bigger rock", () => {
    const counts = ([1, 2, 3] as const).map((size) => {
      const burst = createShatter(0, 0, size, 0, seed());
      expect(burst.kind).toBe("shatter");
      expect(burst.color).toBe(SHATTER_COLOR);
      return burst.particles.length;
    });
    expect(counts[0]!).toBeLessThan(counts[1]!);
    expect(counts[1]!).toBeLessThan(counts[2]!);
  });
});

describe("particle motion", () => {
  it("starts at the origin, moves outward ever slower, and never farther than speed × drag time", () => {
    expect(particleTravel(0)).toBe(0);
    expect(particleTravel(-50)).toBe(0); // an effect stamped a hair after the frame
    let previous = 0;
    let previousStep = Number.POSITIVE_INFINITY;
    for (let t = 100; t <= 2000; t += 100) {
      const travel = particleTravel(t);
      expect(travel).toBeGreaterThan(previous);
      expect(travel - previous).toBeLessThan(previousStep);
      expect(travel).toBeLessThan(PARTICLE_DRAG_S);
      previousStep = travel - previous;
      previous = travel;
    }
  });

  it("fades linearly from 1 at birth to 0 at the end of life", () => {
    expect(particleFade(0, 1000)).toBe(1);
    expect(particleFade(250, 1000)).toBe(0.75);
    expect(particleFade(1000, 1000)).toBe(0);
    expect(particleFade(1500, 1000)).toBe(0);
  });
});

describe("Bursts", () => {
  it("counts an explosion as live until its last spark fades, and not shatters", () => {
    const bursts = new Bursts();
    const explosion = createExplosion(0, 0, "#fff", 1000, seed());
    bursts.add(explosion);
    bursts.add(createShatter(0, 0, 3, 1000, seed()));
    expect(bursts.countLive("explosion", 1000)).toBe(1);
    expect(bursts.countLive("explosion", explosion.endMs - 1)).toBe(1);
    expect(bursts.countLive("explosion", explosion.endMs)).toBe(0);
    expect(bursts.countLive("shatter", 1000)).toBe(1);
  });

  it("prunes bursts that have ended and keeps the rest", () => {
    const bursts = new Bursts();
    bursts.add(createExplosion(0, 0, "#fff", 0, seed()));
    bursts.add(createExplosion(0, 0, "#fff", 5000, seed()));
    bursts.prune(3000);
    expect(bursts.all.map((b) => b.startMs)).toEqual([5000]);
  });

  it(`keeps at most ${MAX_BURSTS} bursts, dropping the oldest`, () => {
    const bursts = new Bursts();
    const rng = seed();
    for (let i = 0; i < MAX_BURSTS + 10; i++) bursts.add(createShatter(0, 0, 1, i, rng));
    expect(bursts.all.length).toBe(MAX_BURSTS);
    expect(bursts.all[0]!.startMs).toBe(10);
  });
});
