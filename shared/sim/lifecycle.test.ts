/**
 * Ships dying, waiting RESPAWN_DELAY (3 s = 180 steps), reviving with SPAWN_PROTECTION (2 s = 120 steps),
 * and being crushed by rocks. Timers count whole 1/60 s steps.
 */
import { ASTEROID_RADIUS, RESPAWN_DELAY, SPAWN_PROTECTION, TICK_RATE } from "../constants";
import { Key } from "./input";
import { addShip, destroyShip, removeShip } from "./lifecycle";
import { step } from "./step";
import { DT, emptyWorld, putBullet, putRock, putShip, run } from "../../test/support/testWorld";
import { wrappedOffset } from "./vector";
import type { World } from "./world";

const RESPAWN_STEPS = RESPAWN_DELAY * TICK_RATE; // 3 × 60 = 180
const PROTECTION_STEPS = SPAWN_PROTECTION * TICK_RATE; // 2 × 60 = 120

function eventsOf(world: World, kind: string) {
  return world.events.filter((event) => event.kind === kind);
}

describe("respawn", () => {
  it("a ship destroyed before a step is still dead after 179 steps and alive after 180", () => {
    expect(RESPAWN_STEPS).toBe(180);
    const world = emptyWorld();
    const ship = putShip(world, "a");
    destroyShip(world, ship, null);
    expect(ship).toMatchObject({ alive: false, respawnIn: RESPAWN_DELAY });
    for (let i = 1; i <= 179; i++) {
      step(world, {}, DT);
      expect(ship.alive).toBe(false);
      expect(eventsOf(world, "shipRespawned")).toHaveLength(0);
    }
    expect(ship.respawnIn).toBeCloseTo(1 / 60, 9);
    step(world, {}, DT);
    expect(ship.alive).toBe(true);
    expect(eventsOf(world, "shipRespawned")).toEqual([{ kind: "shipRespawned", shipId: "a" }]);
  });

  it("a ship killed during a step: that step is the first of the 180 (dead after 179 steps, alive after 180)", () => {
    const world = emptyWorld();
    const ship = putShip(world, "a");
    putShip(world, "k", { x: 100, y: 100 });
    putBullet(world, "k", { x: 480, y: 270 - 640 / 60, vy: 640 }); // ends at the ship's centre in step 1
    step(world, {}, DT);
    expect(ship.alive).toBe(false);
    run(world, {}, 178);
    expect(ship.alive).toBe(false);
    step(world, {}, DT);
    expect(ship.alive).toBe(true);
  });

  it("revives at rest at a fresh spot clear of the other ship, protected again, with its score kept", () => {
    const world = emptyWorld();
    const ship = putShip(world, "a", { vx: 50, vy: -20, score: 7 });
    const other = putShip(world, "b", { x: 700, y: 400 });
    destroyShip(world, ship, "b");
    run(world, {}, RESPAWN_STEPS);
    expect(ship).toMatchObject({ alive: true, vx: 0, vy: 0, respawnIn: 0, protection: SPAWN_PROTECTION, score: 7 });
    const gap = wrappedOffset(ship, other, world.size);
    expect(Math.hypot(gap.x, gap.y)).toBeGreaterThanOrEqual(120); // the spawn clearance
  });

  it("a dead ship neither moves nor fires, whatever keys it holds", () => {
    const world = emptyWorld();
    const ship = putShip(world, "a", { x: 300, y: 200, vx: 100 });
    destroyShip(world, ship, null);
    run(world, { a: Key.Up | Key.Left | Key.Fire }, 30);
    step(world, {}, DT); // a release would fire if the ship could
    expect(ship).toMatchObject({ x: 300, y: 200, vx: 100, angle: 0, keys: 0, charge: 0, charging: false });
    expect(world.bullets).toHaveLength(0);
  });

  it("removing a ship also removes the bullets it has in flight", () => {
    const world = emptyWorld();
    putShip(world, "a");
    putShip(world, "b", { x: 100, y: 100 });
    putBullet(world, "a", { x: 10, y: 10 });
    const kept = putBullet(world, "b", { x: 20, y: 20 });
    removeShip(world, "a");
    expect(world.ships.map((ship) => ship.id)).toEqual(["b"]);
    expect(world.bullets).toEqual([kept]);
  });
});

describe("spawn protection", () => {
  it("a new ship is protected for 120 steps: a rock sitting on it crushes it on step 121", () => {
    expect(PROTECTION_STEPS).toBe(120);
    const world = emptyWorld();
    const ship = addShip(world, "a");
    expect(ship.protection).toBe(SPAWN_PROTECTION);
    putRock(world, 1, { x: ship.x, y: ship.y });
    run(world, {}, 119);
    expect(ship.protection).toBeCloseTo(1 / 60, 9);
    step(world, {}, DT); // step 120: still protected during its collisions
    expect(ship.alive).toBe(true);
    expect(ship.protection).toBe(0);
    step(world, {}, DT); // step 121
    expect(ship.alive).toBe(false);
  });

  it("protection counts down from SPAWN_PROTECTION again after a respawn", () => {
    const world = emptyWorld();
    const ship = putShip(world, "a");
    destroyShip(world, ship, null);
    run(world, {}, RESPAWN_STEPS);
    expect(ship.protection).toBe(SPAWN_PROTECTION);
    run(world, {}, 60);
    expect(ship.protection).toBeCloseTo(1, 9);
    run(world, {}, 60);
    expect(ship.protection).toBe(0);
  });
});

describe("rocks crush ships", () => {
  // The ship at (480, 270) faces +x: its back edge is x = 464. A large rock (radius 40) centred
  // at 464 − 39 = 425 overlaps it by 1 px; at 464 − 41 = 423 it is 1 px clear.
  it("a rock touching an unprotected ship destroys it, breaks the rock, and scores nobody", () => {
    expect(ASTEROID_RADIUS[3]).toBe(40);
    const world = emptyWorld();
    const ship = putShip(world, "a");
    const bystander = putShip(world, "b", { x: 800, y: 60 });
    const rock = putRock(world, 3, { x: 425, y: 270 });
    step(world, {}, DT);
    expect(ship.alive).toBe(false);
    expect(eventsOf(world, "shipDestroyed")).toEqual([{ kind: "shipDestroyed", shipId: "a", killerId: null, x: 480, y: 270 }]);
    expect(eventsOf(world, "asteroidDestroyed")).toEqual([
      { kind: "asteroidDestroyed", asteroidId: rock.id, size: 3, shooterId: null, x: 425, y: 270 },
    ]);
    expect(world.asteroids.map((piece) => piece.size)).toEqual([2, 2]);
    expect(ship.score).toBe(0);
    expect(bystander.score).toBe(0);
  });

  it("a rock 1 px clear of the hull does nothing", () => {
    const world = emptyWorld();
    const ship = putShip(world, "a");
    const rock = putRock(world, 3, { x: 423, y: 270 });
    step(world, {}, DT);
    expect(ship.alive).toBe(true);
    expect(world.asteroids).toEqual([rock]);
  });

  it("a protected ship sits inside a rock unharmed, and the rock stays whole", () => {
    const world = emptyWorld();
    const ship = putShip(world, "a", { protection: SPAWN_PROTECTION });
    const rock = putRock(world, 3, { x: 480, y: 270 });
    run(world, {}, 10);
    expect(ship.alive).toBe(true);
    expect(world.asteroids).toEqual([rock]);
  });
});
