/**
 * The game's one simulation step, shared by the server, client prediction and tests.
 *
 * step(world, inputs, dt) advances `world` in place by dt seconds and returns it.
 * It is deterministic: no clock, no Math.random (the PRNG state lives in the world),
 * no I/O; the same world and inputs give the same result on every machine.
 * To keep the original untouched (prediction, replays), step a cloneWorld() copy.
 */
import { ASTEROID_REFILL_INTERVAL, BULLET_BASE_RADIUS, BULLET_CHARGE_RADIUS, MAX_BULLETS_PER_SHIP, TIMER_EPSILON } from "../constants";
import { moveAsteroids, refillAsteroids, spawnLargeAsteroid } from "./asteroids";
import { resolveBulletHits, resolveShipRockHits } from "./collisions";
import { reviveShips } from "./lifecycle";
import { clampRewind, recordPoses } from "./rewind";
import { isHeld, Key } from "./input";
import { moveShip, quantizeShip, triggerShip } from "./ship";
import { wrapCoord } from "./vector";
import type { InputsByShip, SeenLagByShip, World } from "./world";
import { asteroidTargetFor, ONE_SCREEN, type WorldSize } from "./worldSize";

/** A new field of `size` (one screen unless told) with its rocks, seeded by `seed`. */
export function createWorld(seed: number, size: WorldSize = ONE_SCREEN): World {
  const world: World = {
    size: { width: size.width, height: size.height },
    tick: 0,
    rngState: seed >>> 0,
    nextId: 1,
    ships: [],
    bullets: [],
    asteroids: [],
    refillIn: ASTEROID_REFILL_INTERVAL,
    events: [],
    history: [],
  };
  for (let i = 0; i < asteroidTargetFor(size); i++) spawnLargeAsteroid(world);
  return world;
}

function moveBullets(world: World, dt: number): void {
  for (const bullet of world.bullets) {
    bullet.x = wrapCoord(bullet.x + bullet.vx * dt, world.size.width);
    bullet.y = wrapCoord(bullet.y + bullet.vy * dt, world.size.height);
    bullet.life -= dt;
  }
}

function fireShots(world: World, inputs: InputsByShip, seenLag: SeenLagByShip, dt: number): void {
  for (const ship of world.ships) {
    if (!ship.alive) continue;
    const keys = inputs[ship.id] ?? 0;
    // Bullets in flight are counted only on the step a charge is released, not on every step it is held.
    const releasing = ship.charging && !isHeld(keys, Key.Fire);
    const inFlight = releasing ? world.bullets.filter((bullet) => bullet.owner === ship.id).length : 0;
    const rewind = clampRewind(seenLag[ship.id] ?? 0);
    const bullet = triggerShip(ship, keys, dt, world.nextId, inFlight < MAX_BULLETS_PER_SHIP, world.size, rewind);
    if (!bullet) continue;
    world.nextId++;
    world.bullets.push(bullet);
    world.events.push({
      kind: "shot",
      shipId: ship.id,
      bulletId: bullet.id,
      charge: (bullet.radius - BULLET_BASE_RADIUS) / BULLET_CHARGE_RADIUS,
    });
  }
}

/**
 * `seenLag` (lag compensation): per ship, how many steps behind the present its player
 * sees the other ships; that player's shots are judged against ships as they were then.
 */
export function step(world: World, inputs: InputsByShip, dt: number, seenLag: SeenLagByShip = {}): World {
  world.events = [];
  world.tick++;
  for (const ship of world.ships) if (ship.alive) moveShip(ship, inputs[ship.id] ?? 0, dt, world.size);
  moveAsteroids(world, dt);
  moveBullets(world, dt);
  // Collisions see everything at its new position and sweep back over the step.
  resolveBulletHits(world, dt);
  resolveShipRockHits(world);
  // A bullet lives out its last step (and may hit in it) before it is removed.
  world.bullets = world.bullets.filter((bullet) => bullet.life > TIMER_EPSILON);
  // Shots leave after collisions, so a new bullet is first tested on the next step, from the nose.
  fireShots(world, inputs, seenLag, dt);
  reviveShips(world, dt);
  refillAsteroids(world, dt);
  for (const ship of world.ships) quantizeShip(ship);
  recordPoses(world);
  return world;
}
