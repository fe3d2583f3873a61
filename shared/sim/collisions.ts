/**
 * Who hit what during one step. Every test runs in the target's frame on relative
 * motion across the wrapped field: the bullet's path relative to a ship or rock over
 * the step, thickened by the bullet's radius (see geometry.ts). Objects have already
 * moved this step, so each start point is its end point minus velocity × dt.
 */
import { ASTEROID_RADIUS, SCORE_ASTEROID, SCORE_SHIP_KILL, SHIP_BOUND_RADIUS, SHIP_MAX_SPEED, type AsteroidSize } from "../constants";
import { FieldGrid } from "./fieldGrid";
import { capsuleHitsHull, closestParameter, distancePointSegment, rotate } from "./geometry";
import { splitAsteroid } from "./asteroids";
import { destroyShip } from "./lifecycle";
import { frameAt } from "./rewind";
import { fieldDelta, wrappedOffset, type Vec2 } from "./vector";
import { findShip, type Asteroid, type Bullet, type PoseFrame, type Ship, type World } from "./world";
import type { WorldSize } from "./worldSize";

/** Where a bullet meets a ship: its pose and velocity over the step. */
type TargetPose = Pick<Ship, "x" | "y" | "vx" | "vy" | "angle">;

const ORIGIN: Vec2 = { x: 0, y: 0 };
// Module-level copies: imported bindings are read through a getter each time, and these are read in the hottest loops.
const SHIP_REACH = SHIP_BOUND_RADIUS;
const ROCK_RADIUS = ASTEROID_RADIUS;
const LARGEST_ROCK_RADIUS = Math.max(...Object.values(ASTEROID_RADIUS));
const SHIP_TOP_SPEED = SHIP_MAX_SPEED;
/** Closest a rock's centre may come to a ship's centre before the two may touch, per rock size (broad phase). */
const SHIP_ROCK_REACH: Readonly<Record<AsteroidSize, number>> = {
  1: SHIP_BOUND_RADIUS + ASTEROID_RADIUS[1],
  2: SHIP_BOUND_RADIUS + ASTEROID_RADIUS[2],
  3: SHIP_BOUND_RADIUS + ASTEROID_RADIUS[3],
};
const LARGEST_SHIP_ROCK_REACH = SHIP_BOUND_RADIUS + LARGEST_ROCK_RADIUS;

/** The bullet's path over the step relative to a target moving at (vx, vy): start and end. */
function relativePath(bullet: Bullet, target: { x: number; y: number; vx: number; vy: number }, dt: number, size: WorldSize): [Vec2, Vec2] {
  const end = wrappedOffset(target, bullet, size);
  const start = { x: end.x - (bullet.vx - target.vx) * dt, y: end.y - (bullet.vy - target.vy) * dt };
  return [start, end];
}

/**
 * Broad phase before any allocation: true when the bullet, over the step, cannot come
 * within `reach` of the target on one axis. A full room tests thousands of pairs a
 * step, and almost all of them are far apart.
 */
function farApart(
  bullet: Bullet,
  target: { x: number; y: number; vx: number; vy: number },
  reach: number,
  dt: number,
  size: WorldSize,
): boolean {
  const dx = fieldDelta(target.x, bullet.x, size.width);
  if (Math.abs(dx) > reach + Math.abs(bullet.vx - target.vx) * dt) return true;
  const dy = fieldDelta(target.y, bullet.y, size.height);
  return Math.abs(dy) > reach + Math.abs(bullet.vy - target.vy) * dt;
}

/** Path parameter (0..1) where the bullet meets the ship's hull, or undefined for a miss. */
function bulletMeetsShip(bullet: Bullet, ship: TargetPose, dt: number, size: WorldSize): number | undefined {
  const reach = SHIP_REACH + bullet.radius;
  if (farApart(bullet, ship, reach, dt, size)) return undefined;
  const [start, end] = relativePath(bullet, ship, dt, size);
  if (distancePointSegment(ORIGIN, start, end) > reach) return undefined;
  const from = rotate(start, -ship.angle);
  const to = rotate(end, -ship.angle);
  return capsuleHitsHull(from, to, bullet.radius) ? closestParameter(ORIGIN, start, end) : undefined;
}

function bulletMeetsAsteroid(bullet: Bullet, rock: Asteroid, dt: number, size: WorldSize): number | undefined {
  const reach = ROCK_RADIUS[rock.size] + bullet.radius;
  if (farApart(bullet, rock, reach, dt, size)) return undefined;
  const [start, end] = relativePath(bullet, rock, dt, size);
  if (distancePointSegment(ORIGIN, start, end) > reach) return undefined;
  return closestParameter(ORIGIN, start, end);
}

function canBeHit(ship: Ship): boolean {
  return ship.alive && ship.protection <= 0;
}

/**
 * The pose `bullet` is tested against: the ship now, or — lag compensation — the ship
 * as it was `bullet.rewind` steps ago, where the shooter saw it when firing. A ship that
 * was not there or not hittable then cannot be hit by that bullet.
 */
function targetPose(bullet: Bullet, ship: Ship, seenFrame: PoseFrame | undefined): TargetPose | undefined {
  if (bullet.rewind === 0) return ship;
  // The key line of lag compensation: rewind the target, not the bullet.
  const seen = seenFrame?.ships[ship.id];
  return seen?.hittable ? seen : undefined;
}

/**
 * The broad phase's reach on one axis around a bullet's current position: anything whose
 * centre is further off on that axis cannot meet the bullet this step (see farApart), even
 * a ship tested `rewind` steps back, which has since moved at most SHIP_MAX_SPEED a step.
 */
function bulletReach(reach: number, bulletSpeed: number, targetSpeed: number, rewind: number, dt: number): number {
  return reach + (Math.abs(bulletSpeed) + targetSpeed) * dt + rewind * SHIP_TOP_SPEED * dt;
}

/** Resolves every bullet against ships and rocks; a bullet stops at the first thing along its path. */
export function resolveBulletHits(world: World, dt: number): void {
  const spent = new Set<Bullet>();
  const ships = world.ships;
  const shipGrid = new FieldGrid(world.size, ships);
  let rocks = new RockGrid(world);
  const near: number[] = [];
  for (const bullet of world.bullets) {
    let hitShip: Ship | undefined;
    let hitRock: Asteroid | undefined;
    let nearest = Infinity;
    // The step its shooter saw the ships at, looked up once per bullet (see targetPose).
    const seenFrame = bullet.rewind === 0 ? undefined : frameAt(world, world.tick - bullet.rewind);
    // No closures in this loop: under tsx each one created costs a defineProperty (esbuild's keepNames).
    const shipReach = SHIP_REACH + bullet.radius;
    const shipsX = bulletReach(shipReach, bullet.vx, SHIP_TOP_SPEED, bullet.rewind, dt);
    const shipsY = bulletReach(shipReach, bullet.vy, SHIP_TOP_SPEED, bullet.rewind, dt);
    // In the ships' own order, so a tie goes to the same ship as a loop over all of them.
    for (const i of shipGrid.nearInOrder(bullet.x, bullet.y, shipsX, shipsY, near)) {
      const ship = ships[i]!;
      if (ship.id === bullet.owner || !canBeHit(ship)) continue;
      const pose = targetPose(bullet, ship, seenFrame);
      const t = pose && bulletMeetsShip(bullet, pose, dt, world.size);
      if (t !== undefined && t < nearest) [nearest, hitShip, hitRock] = [t, ship, undefined];
    }
    const rockReach = LARGEST_ROCK_RADIUS + bullet.radius;
    const rocksX = bulletReach(rockReach, bullet.vx, rocks.fastest, 0, dt);
    const rocksY = bulletReach(rockReach, bullet.vy, rocks.fastest, 0, dt);
    for (const i of rocks.grid.nearInOrder(bullet.x, bullet.y, rocksX, rocksY, near)) {
      const rock = world.asteroids[i]!;
      const t = bulletMeetsAsteroid(bullet, rock, dt, world.size);
      if (t !== undefined && t < nearest) [nearest, hitShip, hitRock] = [t, undefined, rock];
    }
    const shooter = findShip(world, bullet.owner);
    if (hitShip) {
      destroyShip(world, hitShip, bullet.owner, bullet.id);
      if (shooter) shooter.score += SCORE_SHIP_KILL;
    } else if (hitRock) {
      world.events.push({
        kind: "asteroidDestroyed",
        asteroidId: hitRock.id,
        size: hitRock.size,
        shooterId: bullet.owner,
        x: hitRock.x,
        y: hitRock.y,
      });
      if (shooter) shooter.score += SCORE_ASTEROID[hitRock.size];
      splitAsteroid(world, hitRock);
      // The rock is gone and its pieces are new: the next bullet meets the field as it is now.
      rocks = new RockGrid(world);
    } else {
      continue;
    }
    spent.add(bullet);
  }
  if (spent.size > 0) world.bullets = world.bullets.filter((bullet) => !spent.has(bullet));
}

/** A rock touching a ship's hull destroys the ship and breaks the rock (no points to anyone). */
export function resolveShipRockHits(world: World): void {
  const { width, height } = world.size;
  let rocks = new RockGrid(world);
  const near: number[] = [];
  for (const ship of world.ships) {
    if (!canBeHit(ship)) continue;
    // In the rocks' own order: a ship touching two breaks the first, as a loop over all of them would.
    for (const i of rocks.grid.nearInOrder(ship.x, ship.y, LARGEST_SHIP_ROCK_REACH, LARGEST_SHIP_ROCK_REACH, near)) {
      const rock = world.asteroids[i]!;
      // Broad phase, on each axis first: the cells hold rocks further than this rock's reach.
      const reach = SHIP_ROCK_REACH[rock.size];
      const dx = fieldDelta(ship.x, rock.x, width);
      if (dx > reach || dx < -reach) continue;
      const dy = fieldDelta(ship.y, rock.y, height);
      if (dy > reach || dy < -reach) continue;
      const local = rotate({ x: dx, y: dy }, -ship.angle);
      if (!capsuleHitsHull(local, local, ASTEROID_RADIUS[rock.size])) continue;
      destroyShip(world, ship, null);
      world.events.push({ kind: "asteroidDestroyed", asteroidId: rock.id, size: rock.size, shooterId: null, x: rock.x, y: rock.y });
      splitAsteroid(world, rock);
      rocks = new RockGrid(world);
      break;
    }
  }
}

/** The rocks of the field as it is now, gridded, and the fastest one's speed on either axis (how far any moved this step). */
class RockGrid {
  readonly grid: FieldGrid;
  readonly fastest: number;

  constructor(world: World) {
    this.grid = new FieldGrid(world.size, world.asteroids);
    let fastest = 0;
    for (const rock of world.asteroids) fastest = Math.max(fastest, Math.abs(rock.vx), Math.abs(rock.vy));
    this.fastest = fastest;
  }
}
