/**
 * Bullets against ships through step(). A bullet at 640 px/s moves 640/60 = 10.667 px per step,
 * so a bullet can start a step on one side of a thin part of the hull and end it on the other:
 * only the swept test (path segment thickened by the radius) sees that hit.
 *
 * The target "t" sits at rest at (480, 270) facing +x, so ship space = world − (480, 270).
 * Shooters sit far away at (100, 100) and (860, 100), out of every bullet's path.
 */
import { MAX_REWIND_TICKS, SCORE_SHIP_KILL, SHIP_MAX_SPEED, SPAWN_PROTECTION } from "../constants";
import { capsuleHitsHull } from "./geometry";
import { step } from "./step";
import { Key } from "./input";
import { DT, emptyWorld, putBullet, putRock, putShip } from "../../test/support/testWorld";
import { fieldDelta } from "./vector";
import { LARGEST_WORLD } from "./worldSize";
import type { Ship, World } from "./world";

const STEP_PX = 640 / 60; // 10.667

function arena(target: Partial<Ship> = {}): { world: World; target: Ship; a: Ship; b: Ship } {
  const world = emptyWorld();
  const targetShip = putShip(world, "t", target);
  const a = putShip(world, "A", { x: 100, y: 100 });
  const b = putShip(world, "B", { x: 860, y: 100 });
  return { world, target: targetShip, a, b };
}

function destroyedEvents(world: World) {
  return world.events.filter((event) => event.kind === "shipDestroyed");
}

describe("swept bullet hits", () => {
  it("a bullet crossing the nose tip within one step hits though its start and end both miss", () => {
    // Path in ship space: x = 30, y from −16/3 to +16/3 (the hull there is only 2/3 px tall).
    // Each end is 14/√10 = 4.43 px from the hull, more than the radius 3 (see geometry.test.ts).
    const { world, target, a } = arena();
    putBullet(world, "A", { x: 510, y: 270 - STEP_PX / 2, vy: 640 });
    expect(capsuleHitsHull({ x: 30, y: -STEP_PX / 2 }, { x: 30, y: -STEP_PX / 2 }, 3)).toBe(false);
    expect(capsuleHitsHull({ x: 30, y: STEP_PX / 2 }, { x: 30, y: STEP_PX / 2 }, 3)).toBe(false);
    step(world, {}, DT);
    expect(target.alive).toBe(false);
    expect(world.bullets).toHaveLength(0);
    expect(a.score).toBe(SCORE_SHIP_KILL);
  });

  it("the same crossing against a ship turned to π/2 (nose at +y): the path is rotated into ship space", () => {
    // Nose at (480, 302); the bullet crosses world y = 300 leftwards from x = 485.333 to 474.667,
    // which is ship-space x = 30, y from −16/3 to +16/3 again.
    const { world, target } = arena({ angle: Math.PI / 2 });
    putBullet(world, "A", { x: 480 + STEP_PX / 2, y: 300, vx: -640 });
    step(world, {}, DT);
    expect(target.alive).toBe(false);
  });

  it("a bullet inside the bounding circle but beside the hull misses", () => {
    // Ship-space x = 20, y from 8 to 18.67: the closest point is (20, 8), (20 + 24 − 32)/√10 = 3.79 px from the hull.
    const { world, target } = arena();
    const bullet = putBullet(world, "A", { x: 500, y: 278, vy: 640 });
    step(world, {}, DT);
    expect(target.alive).toBe(true);
    expect(world.bullets).toEqual([bullet]);
  });

  it("a bullet passing 4 px beyond the nose misses a radius-3 test, a radius-5 bullet on the same path hits", () => {
    // Ship-space x = 36: 4 px from the nose vertex (32, 0).
    const miss = arena();
    putBullet(miss.world, "A", { x: 516, y: 270 - STEP_PX / 2, vy: 640, radius: 3 });
    step(miss.world, {}, DT);
    expect(miss.target.alive).toBe(true);
    const hit = arena();
    putBullet(hit.world, "A", { x: 516, y: 270 - STEP_PX / 2, vy: 640, radius: 5 });
    step(hit.world, {}, DT);
    expect(hit.target.alive).toBe(false);
  });
});

describe("what a hit does", () => {
  it("kills the ship, emits shipDestroyed with the killer, scores the shooter and spends the bullet", () => {
    const { world, target, a, b } = arena();
    const bullet = putBullet(world, "A", { x: 480, y: 270 - STEP_PX, vy: 640 }); // ends at the ship's centre
    step(world, {}, DT);
    expect(target.alive).toBe(false);
    expect(target.respawnIn).toBeGreaterThan(0);
    expect(destroyedEvents(world)).toEqual([{ kind: "shipDestroyed", shipId: "t", killerId: "A", bulletId: bullet.id, x: 480, y: 270 }]);
    expect(a.score).toBe(SCORE_SHIP_KILL);
    expect(b.score).toBe(0);
    expect(target.score).toBe(0);
    expect(world.bullets).toHaveLength(0);
  });

  it("a bullet never hits its own shooter, even passing straight through its hull", () => {
    const { world, target } = arena();
    const own = putBullet(world, "t", { x: 480, y: 270 - STEP_PX / 2, vy: 640 });
    step(world, {}, DT);
    expect(target.alive).toBe(true);
    expect(world.bullets).toEqual([own]);
    expect(own.y).toBeCloseTo(270 + STEP_PX / 2, 9);
  });

  it("a shot leaving the nose (on its own hull) spares the shooter and hits the ship 22 px ahead", () => {
    // "t" fires from its nose (512, 270); "A" sits 20 px ahead, so the bullet reaches it on the next step.
    const { world, target, a } = arena();
    a.x = 532 + 16 + 2; // A's tail at 534: the bullet path 512 → 522.67 does not reach it yet
    a.y = 270;
    target.charging = true;
    step(world, {}, DT);
    expect(world.bullets).toHaveLength(1);
    step(world, {}, DT); // 512 → 522.67
    expect(a.alive).toBe(true);
    step(world, {}, DT); // 522.67 → 533.33: within 3 px of A's back edge at 534
    expect(a.alive).toBe(false);
    expect(target.score).toBe(SCORE_SHIP_KILL);
  });

  it("a spawn-protected ship is not hit and the bullet flies on", () => {
    const { world, target } = arena({ protection: SPAWN_PROTECTION });
    const bullet = putBullet(world, "A", { x: 480, y: 270 - STEP_PX, vy: 640 });
    step(world, {}, DT);
    expect(target.alive).toBe(true);
    expect(world.bullets).toEqual([bullet]);
    expect(destroyedEvents(world)).toHaveLength(0);
  });
});

describe("one hit per ship", () => {
  /** Bullets from A (nose crossing) and B (through the centre) both reach "t" in the same step. */
  function crossfire(order: "AB" | "BA") {
    const setup = arena();
    const fromA = { x: 510, y: 270 - STEP_PX / 2, vy: 640 };
    const fromB = { x: 480, y: 270 - STEP_PX / 2, vy: 640 };
    const [first, second] =
      order === "AB"
        ? ([
            ["A", fromA],
            ["B", fromB],
          ] as const)
        : ([
            ["B", fromB],
            ["A", fromA],
          ] as const);
    putBullet(setup.world, first[0], first[1]);
    const survivor = putBullet(setup.world, second[0], second[1]);
    step(setup.world, {}, DT);
    return { ...setup, survivor };
  }

  it.each(["AB", "BA"] as const)("bullet order %s: the ship dies once, only the first bullet's shooter scores", (order) => {
    const { world, target, a, b, survivor } = crossfire(order);
    const killer = order === "AB" ? a : b;
    const other = order === "AB" ? b : a;
    expect(target.alive).toBe(false);
    expect(destroyedEvents(world)).toEqual([expect.objectContaining({ shipId: "t", killerId: killer.id })]);
    expect(killer.score).toBe(SCORE_SHIP_KILL);
    expect(other.score).toBe(0);
    // The second bullet was not spent on the dead ship: it is still flying, 16/3 px below the ship's centre line.
    expect(world.bullets).toEqual([survivor]);
    expect(survivor.owner).toBe(other.id);
    expect(survivor.y).toBeCloseTo(270 + STEP_PX / 2, 9);
  });
});

describe("across the wrap edge", () => {
  it("a ship at x = 2 is hit by a bullet coming from the x = 950 side", () => {
    // The bullet moves 940 → 950.667; relative to the ship at x = 2 that is −22 → −11.33 (the tail is at −16).
    const { world, target } = arena({ x: 2, y: 270 });
    putBullet(world, "A", { x: 940, y: 270, vx: 640 });
    step(world, {}, DT);
    expect(target.alive).toBe(false);
  });

  it("the swept nose crossing also works when the nose is across the edge", () => {
    // Ship at x = 2 facing −x (angle π): its nose tip is at x = −30 ≡ 930. The bullet crosses at x = 932
    // (ship-space x = 30) from y = 264.67 to 275.33, exactly the nose-tip crossing above.
    const { world, target } = arena({ x: 2, y: 270, angle: Math.PI });
    putBullet(world, "A", { x: 932, y: 270 - STEP_PX / 2, vy: 640 });
    step(world, {}, DT);
    expect(target.alive).toBe(false);
  });

  it("the same bullet misses a ship that is really 22 px further away (control)", () => {
    const { world, target } = arena({ x: 24, y: 270 });
    putBullet(world, "A", { x: 940, y: 270, vx: 640 }); // ends 33.33 px behind the centre: 17.3 px behind the tail
    step(world, {}, DT);
    expect(target.alive).toBe(true);
  });
});

/**
 * The broad phase (shared/sim/fieldGrid.ts) tests only the ships and rocks in the cells around a
 * bullet. These hits lie where a broad phase that forgot the rewind, the wrap or a fast
 * rock would not look.
 */
describe("the broad phase keeps every hit", () => {
  it("no ship flies faster than SHIP_MAX_SPEED, however long it thrusts", () => {
    const world = emptyWorld();
    const ship = putShip(world, "s", { vx: SHIP_MAX_SPEED - 1, angle: 0.3 });
    let fastest = 0;
    for (let i = 0; i < 3000; i++) {
      step(world, { s: Key.Up }, DT);
      fastest = Math.max(fastest, Math.hypot(ship.vx, ship.vy));
    }
    expect(fastest).toBeGreaterThan(SHIP_MAX_SPEED - 2); // it does reach top speed
    expect(fastest).toBeLessThanOrEqual(SHIP_MAX_SPEED);
  });

  it.each([
    ["into the next cell", 1100],
    ["across the wrap", LARGEST_WORLD.width - 60],
  ])("a lag-compensated shot hits a top-speed ship where its shooter saw it, %p", (_, startX) => {
    const world = emptyWorld(1, LARGEST_WORLD);
    const target = putShip(world, "t", { x: startX, y: 600, vx: SHIP_MAX_SPEED - 1 });
    putShip(world, "A", { x: 100, y: 100 });
    for (let i = 0; i < MAX_REWIND_TICKS; i++) step(world, { t: Key.Up }, DT);
    // Seen MAX_REWIND_TICKS steps ago, ~260 px behind where the ship is now.
    const seen = world.history[world.history.length - MAX_REWIND_TICKS]!.ships.t!;
    expect(Math.abs(fieldDelta(seen.x, target.x, LARGEST_WORLD.width))).toBeGreaterThan(150);
    putBullet(world, "A", { x: seen.x, y: seen.y - 15, vy: 640, rewind: MAX_REWIND_TICKS });
    step(world, { t: Key.Up }, DT);
    expect(target.alive).toBe(false);
  });

  it("a bullet meets a rock that swept past it from another cell, however fast", () => {
    const world = emptyWorld(1, LARGEST_WORLD);
    putShip(world, "A", { x: 100, y: 100 });
    // 100 px a step: from x = 140, over the still bullet at 150, to 240, the first px of the next 240 px cell.
    const rock = putRock(world, 1, { x: 140, y: 1000, vx: 100 / DT });
    putBullet(world, "A", { x: 150, y: 1000 });
    step(world, {}, DT);
    expect(world.asteroids).not.toContain(rock);
  });

  it("a rock across the wrap breaks a ship", () => {
    const world = emptyWorld(1, LARGEST_WORLD);
    const ship = putShip(world, "s", { x: 5, y: 5 });
    putRock(world, 3, { x: LARGEST_WORLD.width - 20, y: LARGEST_WORLD.height - 20 });
    step(world, {}, DT);
    expect(ship.alive).toBe(false);
  });
});
