/**
 * The field is a torus (960 × 540): ships, bullets and rocks leaving one edge come back
 * at the opposite one, and distances and angles are measured the short way round.
 */
import { SCREEN_HEIGHT, SCREEN_WIDTH } from "../constants";
import { ONE_SCREEN } from "./worldSize";
import { Key } from "./input";
import { step } from "./step";
import { DT, emptyWorld, putBullet, putRock, putShip } from "../../test/support/testWorld";
import { angleDelta, wrapCoord, wrapDelta, wrappedOffset } from "./vector";

describe("wrapCoord", () => {
  it.each([
    [965, 5],
    [-5, 955],
    [960, 0],
    [0, 0],
    [-960, 0],
    [2000, 80], // 2000 − 2 × 960
  ])("wrapCoord(%p, 960) = %p", (value, expected) => {
    expect(wrapCoord(value, SCREEN_WIDTH)).toBeCloseTo(expected, 12); // −960 gives −0, which is fine
  });

  it("keeps a tiny negative value inside [0, size): −1e−14 + 960 rounds to 960, which must become 0", () => {
    const wrapped = wrapCoord(-1e-14, SCREEN_WIDTH);
    expect(wrapped).toBeGreaterThanOrEqual(0);
    expect(wrapped).toBeLessThan(SCREEN_WIDTH);
  });
});

describe("wrapDelta and wrappedOffset", () => {
  it.each([
    [100, 300, 200], // plain difference
    [950, 10, 20], // 10 is 20 px to the right of 950 across the edge
    [10, 950, -20],
    [0, 480, -480], // exactly half way: the range is [−480, 480)
    [480, 0, -480],
  ])("wrapDelta(%p, %p, 960) = %p", (a, b, expected) => {
    expect(wrapDelta(a, b, SCREEN_WIDTH)).toBe(expected);
  });

  it("wrappedOffset takes the short way on both axes: (955, 5) → (5, 535) is (+10, −10)", () => {
    expect(wrappedOffset({ x: 955, y: 5 }, { x: 5, y: 535 }, ONE_SCREEN)).toEqual({ x: 10, y: -10 });
  });
});

describe("angleDelta", () => {
  it("is the short signed turn: from 3 to −3 is +(2π − 6) = +0.283185", () => {
    expect(angleDelta(3, -3)).toBeCloseTo(0.283185, 6);
    expect(angleDelta(-3, 3)).toBeCloseTo(-0.283185, 6);
  });

  it("maps a half turn to −π (range [−π, π)) and a full turn to 0", () => {
    expect(angleDelta(0, Math.PI)).toBeCloseTo(-Math.PI, 12);
    expect(angleDelta(1, 1 + 2 * Math.PI)).toBeCloseTo(0, 12);
    expect(angleDelta(0, 0.5)).toBeCloseTo(0.5, 12);
  });
});

describe("ships wrap at every edge", () => {
  // No keys: drag first (60 → 59.4 px/s), then the move of 59.4/60 = 0.99 px.
  it.each([
    ["right", { x: 959.9, vx: 60 }, { x: 0.89, y: 270 }], // 959.9 + 0.99 = 960.89 → 0.89
    ["left", { x: 0.1, vx: -60 }, { x: 959.11, y: 270 }], // 0.1 − 0.99 = −0.89 → 959.11
    ["top", { y: 0.1, vy: -60 }, { x: 480, y: 539.11 }], // 0.1 − 0.99 = −0.89 → 539.11
    ["bottom", { y: 539.9, vy: 60 }, { x: 480, y: 0.89 }], // 539.9 + 0.99 = 540.89 → 0.89
    ["corner", { x: 959.9, y: 539.9, vx: 60, vy: 60 }, { x: 0.89, y: 0.89 }],
  ])("across the %s edge", (_edge, fields, expected) => {
    const world = emptyWorld();
    const ship = putShip(world, "a", fields);
    step(world, {}, DT);
    expect(ship.x).toBeCloseTo(expected.x, 4);
    expect(ship.y).toBeCloseTo(expected.y, 4);
  });
});

describe("bullets wrap at every edge", () => {
  // 640/60 = 10.6667 px per step.
  it.each([
    ["right", { x: 955, y: 270, vx: 640 }, { x: 5.6667, y: 270 }], // 965.667 → 5.667
    ["left", { x: 5, y: 270, vx: -640 }, { x: 954.3333, y: 270 }], // −5.667 → 954.333
    ["top", { x: 480, y: 3, vy: -640 }, { x: 480, y: 532.3333 }], // −7.667 → 532.333
    ["bottom", { x: 480, y: 535, vy: 640 }, { x: 480, y: 5.6667 }], // 545.667 → 5.667
  ])("across the %s edge", (_edge, fields, expected) => {
    const world = emptyWorld();
    const bullet = putBullet(world, "nobody", fields);
    step(world, {}, DT);
    expect(world.bullets).toContain(bullet);
    expect(bullet.x).toBeCloseTo(expected.x, 4);
    expect(bullet.y).toBeCloseTo(expected.y, 4);
  });
});

describe("asteroids wrap at every edge", () => {
  // 60 px/s is 1 px per step.
  it.each([
    ["right", { x: 959.5, y: 270, vx: 60 }, { x: 0.5, y: 270 }],
    ["left", { x: 0.5, y: 270, vx: -60 }, { x: 959.5, y: 270 }],
    ["top", { x: 480, y: 0.5, vy: -60 }, { x: 480, y: 539.5 }],
    ["bottom", { x: 480, y: 539.5, vy: 60 }, { x: 480, y: 0.5 }],
  ])("across the %s edge", (_edge, fields, expected) => {
    const world = emptyWorld();
    const rock = putRock(world, 3, fields);
    step(world, {}, DT);
    expect(rock.x).toBeCloseTo(expected.x, 9);
    expect(rock.y).toBeCloseTo(expected.y, 9);
  });

  it("spin wraps the angle into [0, 2π): 6.28 + 1.5/60 − 2π = 0.021815", () => {
    const world = emptyWorld();
    const rock = putRock(world, 2, { x: 100, y: 100, angle: 6.28, spin: 1.5 });
    step(world, {}, DT);
    expect(rock.angle).toBeCloseTo(0.021815, 6);
  });
});

it("nothing leaves the field over a long run with everything moving fast", () => {
  // One world per object, so nothing collides and each keeps moving for all 300 steps.
  const shipWorld = emptyWorld();
  const ship = putShip(shipWorld, "a", { vx: 700, vy: -450 });
  const bulletWorld = emptyWorld();
  const bullet = putBullet(bulletWorld, "a", { x: 1, y: 1, vx: -640, vy: 410, life: 100 });
  const rockWorld = emptyWorld();
  const rock = putRock(rockWorld, 1, { x: 2, y: 2, vx: -333, vy: 777 });
  for (let i = 0; i < 300; i++) {
    for (const world of [shipWorld, bulletWorld, rockWorld]) step(world, { a: i % 50 < 25 ? Key.Up : Key.Left }, DT);
    for (const thing of [ship, bullet, rock]) {
      expect(thing.x).toBeGreaterThanOrEqual(0);
      expect(thing.x).toBeLessThan(SCREEN_WIDTH);
      expect(thing.y).toBeGreaterThanOrEqual(0);
      expect(thing.y).toBeLessThan(SCREEN_HEIGHT);
    }
  }
  expect(bulletWorld.bullets).toContain(bullet);
  expect(rockWorld.asteroids).toContain(rock);
});
