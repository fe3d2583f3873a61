/**
 * Builders for hand-made worlds in the simulation's unit tests (imported only by *.test.ts).
 * Every builder starts from an empty, quiet field: no rocks, refill off, so nothing
 * happens that the test did not put there.
 */
import { BULLET_BASE_RADIUS, BULLET_LIFETIME, TICK_DT, type AsteroidSize } from "../../shared/constants";
import { addShip } from "../../shared/sim/lifecycle";
import { createWorld, step } from "../../shared/sim/step";
import type { Asteroid, Bullet, InputsByShip, Ship, World } from "../../shared/sim/world";
import type { WorldSize } from "../../shared/sim/worldSize";

/** One fixed step, 1/60 s. */
export const DT = TICK_DT;

/** A world with no rocks and the refill switched off: one screen, or a field of `size`. */
export function emptyWorld(seed = 1, size?: WorldSize): World {
  const world = createWorld(seed, size);
  world.asteroids = [];
  world.refillIn = Infinity;
  return world;
}

/** Adds a ship at rest at (480, 270) facing +x with no spawn protection, then applies `fields`. */
export function putShip(world: World, id: string, fields: Partial<Ship> = {}): Ship {
  const ship = addShip(world, id);
  Object.assign(ship, { x: 480, y: 270, vx: 0, vy: 0, angle: 0, protection: 0 }, fields);
  return ship;
}

/** Adds a base-radius bullet with a full life, then applies `fields`. */
export function putBullet(world: World, owner: string, fields: Partial<Bullet> = {}): Bullet {
  const bullet: Bullet = {
    id: world.nextId++,
    owner,
    x: 0,
    y: 0,
    vx: 0,
    vy: 0,
    radius: BULLET_BASE_RADIUS,
    life: BULLET_LIFETIME,
    rewind: 0,
    ...fields,
  };
  world.bullets.push(bullet);
  return bullet;
}

/** Adds a still, non-spinning rock of `size`, then applies `fields`. */
export function putRock(world: World, size: AsteroidSize, fields: Partial<Asteroid> = {}): Asteroid {
  const rock: Asteroid = { id: world.nextId++, size, x: 0, y: 0, vx: 0, vy: 0, angle: 0, spin: 0, ...fields };
  world.asteroids.push(rock);
  return rock;
}

/** Steps `world` `count` times at 1/60 s with the same inputs. */
export function run(world: World, inputs: InputsByShip, count: number): World {
  for (let i = 0; i < count; i++) step(world, inputs, DT);
  return world;
}
