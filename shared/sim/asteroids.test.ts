/**
 * Rocks: the starting field, splitting on a hit (large → 2 medium → 2 small → gone) with
 * SCORE_ASTEROID to the shooter, and the refill that adds back a large rock over time.
 */
import {
  ASTEROID_MAX_SPEED,
  ASTEROID_MAX_SPIN,
  ASTEROID_MIN_SPEED,
  ASTEROID_RADIUS,
  ASTEROID_REFILL_INTERVAL,
  ASTEROID_SPLIT_SPEEDUP,
  ASTEROID_LARGE_PER_SCREEN,
  SCORE_ASTEROID,
  TICK_RATE,
  SCREEN_HEIGHT,
  SCREEN_WIDTH,
  type AsteroidSize,
} from "../constants";
import { createWorld, step } from "./step";
import { DT, emptyWorld, putBullet, putRock, putShip, run } from "../../test/support/testWorld";
import type { Asteroid, World } from "./world";

/** Fires a bullet that ends this step at `rock`'s new centre, coming from 10.67 px to its left. */
function shoot(world: World, rock: Asteroid, owner: string): void {
  const endX = rock.x + rock.vx * DT;
  const endY = rock.y + rock.vy * DT;
  putBullet(world, owner, { x: endX - 640 * DT, y: endY, vx: 640 });
  step(world, {}, DT);
}

describe("createWorld", () => {
  it(`starts one screen with ${ASTEROID_LARGE_PER_SCREEN} large rocks, ids 1–3, drifting 20–60 px/s inside the field`, () => {
    const world = createWorld(42);
    expect(world.asteroids).toHaveLength(3);
    expect(world.asteroids.map((rock) => rock.id)).toEqual([1, 2, 3]);
    expect(world).toMatchObject({ tick: 0, nextId: 4, ships: [], bullets: [], events: [], refillIn: ASTEROID_REFILL_INTERVAL });
    for (const rock of world.asteroids) {
      expect(rock.size).toBe(3);
      expect(rock.x).toBeGreaterThanOrEqual(0);
      expect(rock.x).toBeLessThan(SCREEN_WIDTH);
      expect(rock.y).toBeGreaterThanOrEqual(0);
      expect(rock.y).toBeLessThan(SCREEN_HEIGHT);
      const speed = Math.hypot(rock.vx, rock.vy);
      expect(speed).toBeGreaterThanOrEqual(ASTEROID_MIN_SPEED);
      expect(speed).toBeLessThan(ASTEROID_MAX_SPEED);
      expect(Math.abs(rock.spin)).toBeLessThanOrEqual(ASTEROID_MAX_SPIN);
    }
  });

  it("the seed decides the field: same seed same rocks, another seed other rocks", () => {
    expect(createWorld(7)).toEqual(createWorld(7));
    expect(createWorld(7).asteroids).not.toEqual(createWorld(8).asteroids);
  });
});

describe("splitting", () => {
  it("a large rock hit splits into two mediums 1.5× faster, ±30°–60° off its heading, 11 px from its centre", () => {
    // The rock drifts +x at 30 px/s: after this step it is at (480.5, 270), and the pieces leave at 45 px/s.
    const world = emptyWorld();
    const shooter = putShip(world, "s", { x: 100, y: 100 });
    const rock = putRock(world, 3, { x: 480, y: 270, vx: 30, angle: 1.25 });
    shoot(world, rock, "s");
    expect(world.bullets).toHaveLength(0);
    expect(shooter.score).toBe(SCORE_ASTEROID[3]);
    expect(world.events).toContainEqual({ kind: "asteroidDestroyed", asteroidId: rock.id, size: 3, shooterId: "s", x: 480.5, y: 270 });
    expect(world.asteroids).not.toContain(rock);
    const headings = world.asteroids.map((piece) => Math.atan2(piece.vy, piece.vx)).sort((a, b) => a - b);
    expect(world.asteroids).toHaveLength(2);
    for (const piece of world.asteroids) {
      expect(piece.size).toBe(2);
      expect(piece.angle).toBe(1.25);
      expect(Math.hypot(piece.vx, piece.vy)).toBeCloseTo(30 * ASTEROID_SPLIT_SPEEDUP, 9); // 45
      // Offset by ASTEROID_RADIUS[2] / 2 = 11 px along its own heading.
      const heading = Math.atan2(piece.vy, piece.vx);
      expect(piece.x).toBeCloseTo(480.5 + 11 * Math.cos(heading), 9);
      expect(piece.y).toBeCloseTo(270 + 11 * Math.sin(heading), 9);
    }
    const [down, up] = headings as [number, number];
    expect(down).toBeGreaterThanOrEqual(-Math.PI / 3);
    expect(down).toBeLessThanOrEqual(-Math.PI / 6);
    expect(up).toBeGreaterThanOrEqual(Math.PI / 6);
    expect(up).toBeLessThanOrEqual(Math.PI / 3);
  });

  it.each([
    [3, [2, 2], 1],
    [2, [1, 1], 2],
    [1, [], 3],
  ] as const)("a size-%p rock hit leaves sizes %p and scores the shooter %p", (size, pieces, points) => {
    const world = emptyWorld();
    const shooter = putShip(world, "s", { x: 100, y: 100 });
    const bystander = putShip(world, "b", { x: 860, y: 100 });
    const rock = putRock(world, size as AsteroidSize, { x: 480, y: 270, vx: -20, vy: 10 });
    shoot(world, rock, "s");
    expect(world.asteroids.map((piece) => piece.size)).toEqual(pieces);
    expect(shooter.score).toBe(points);
    expect(SCORE_ASTEROID[size as AsteroidSize]).toBe(points);
    expect(bystander.score).toBe(0);
  });

  it("shooting a large rock down to nothing takes 7 hits and scores 1 + 2×2 + 4×3 = 17", () => {
    const world = emptyWorld();
    const shooter = putShip(world, "s", { x: 60, y: 60 });
    putRock(world, 3, { x: 480, y: 270, vx: 25, vy: -15 });
    let hits = 0;
    while (world.asteroids.length > 0 && hits < 20) {
      // Park every rock on its own spot 120 px apart, still, so each shot hits only its target.
      world.asteroids.forEach((piece, i) => Object.assign(piece, { x: 200 + 120 * (i % 6), y: 200 + 120 * Math.floor(i / 6) }));
      const target = world.asteroids[0]!;
      shoot(world, target, "s");
      expect(world.asteroids).not.toContain(target);
      hits++;
    }
    expect(hits).toBe(7);
    expect(shooter.score).toBe(17);
  });

  it("a bullet stops at the first rock along its path, whatever the array order", () => {
    // The bullet runs 469.33 → 480 (radius 3). Small rocks (radius 12) at x = 484 and 475 are both within reach
    // (4 px and 0 px from the path); the one at 475 is met first (path parameter 0.53 against 1). It is listed second.
    expect(ASTEROID_RADIUS[1]).toBe(12);
    const world = emptyWorld();
    putShip(world, "s", { x: 100, y: 100 });
    const behind = putRock(world, 1, { x: 484, y: 270 });
    const front = putRock(world, 1, { x: 475, y: 270 });
    putBullet(world, "s", { x: 480 - 640 * DT, y: 270, vx: 640 });
    step(world, {}, DT);
    expect(world.asteroids).toEqual([behind]);
    expect(world.events).toContainEqual(expect.objectContaining({ kind: "asteroidDestroyed", asteroidId: front.id }));
  });
});

describe("refill", () => {
  const REFILL_STEPS = ASTEROID_REFILL_INTERVAL * TICK_RATE; // 4 × 60 = 240

  it("an empty field gets one large rock back every 4 s (240 steps)", () => {
    const world = emptyWorld();
    world.refillIn = ASTEROID_REFILL_INTERVAL;
    run(world, {}, REFILL_STEPS - 1);
    expect(world.asteroids).toHaveLength(0);
    step(world, {}, DT);
    expect(world.asteroids.map((rock) => rock.size)).toEqual([3]);
    run(world, {}, REFILL_STEPS - 1);
    expect(world.asteroids).toHaveLength(1);
    step(world, {}, DT);
    expect(world.asteroids.map((rock) => rock.size)).toEqual([3, 3]);
  });

  it("refills until one screen holds the mass of 3 large rocks, then stops", () => {
    const world = emptyWorld();
    world.refillIn = ASTEROID_REFILL_INTERVAL;
    run(world, {}, REFILL_STEPS * 7);
    expect(world.asteroids).toHaveLength(ASTEROID_LARGE_PER_SCREEN);
  });

  it.each([
    ["2 large (mass 8)", [3, 3], 3],
    ["2 large + 1 medium (mass 10)", [3, 3, 2], 3],
    ["1 large + 2 medium (mass 8)", [3, 2, 2], 4],
    ["8 small (mass 8)", Array<AsteroidSize>(8).fill(1), 9],
    ["3 large (mass 12)", [3, 3, 3], 3],
  ] as const)("with %s the next refill leaves %p rocks", (_name, sizes, expected) => {
    // Mass in small-rock units: large 4, medium 2, small 1. A large rock (4) is added only if the total stays ≤ 12 (3 large).
    const world = emptyWorld();
    world.refillIn = DT; // due on the next step
    sizes.forEach((size, i) => putRock(world, size, { x: 40 + 55 * i, y: 40 + 30 * (i % 2) }));
    step(world, {}, DT);
    expect(world.asteroids).toHaveLength(expected);
    expect(world.refillIn).toBe(ASTEROID_REFILL_INTERVAL);
  });
});
