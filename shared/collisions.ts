/**
 * Who hit what during one step. Every test runs in the target's frame on relative
 * motion across the wrapped field: the bullet's path relative to a ship or rock over
 * the step, thickened by the bullet's radius (see geometry.ts). Objects have already
 * moved this step, so each start point is its end point minus velocity × dt.
 */
import { ASTEROID_RADIUS, SCORE_ASTEROID, SCORE_SHIP_KILL, SHIP_BOUND_RADIUS } from "./constants";
import { capsuleHitsHull, closestParameter, distancePointSegment, rotate } from "./geometry";
import { splitAsteroid } from "./asteroids";
import { destroyShip } from "./lifecycle";
import { poseAt } from "./rewind";
import { wrappedOffset, type Vec2 } from "./vector";
import { findShip, type Asteroid, type Bullet, type Ship, type World } from "./world";

/** Where a bullet meets a ship: its pose and velocity over the step. */
type TargetPose = Pick<Ship, "x" | "y" | "vx" | "vy" | "angle">;

const ORIGIN: Vec2 = { x: 0, y: 0 };

/** The bullet's path over the step relative to a target moving at (vx, vy): start and end. */
function relativePath(bullet: Bullet, target: { x: number; y: number; vx: number; vy: number }, dt: number): [Vec2, Vec2] {
  const end = wrappedOffset(target, bullet);
  const start = { x: end.x - (bullet.vx - target.vx) * dt, y: end.y - (bullet.vy - target.vy) * dt };
  return [start, end];
}

/** Path parameter (0..1) where the bullet meets the ship's hull, or undefined for a miss. */
export function bulletMeetsShip(bullet: Bullet, ship: TargetPose, dt: number): number | undefined {
  const [start, end] = relativePath(bullet, ship, dt);
  if (distancePointSegment(ORIGIN, start, end) > SHIP_BOUND_RADIUS + bullet.radius) return undefined;
  const from = rotate(start, -ship.angle);
  const to = rotate(end, -ship.angle);
  return capsuleHitsHull(from, to, bullet.radius) ? closestParameter(ORIGIN, start, end) : undefined;
}

function bulletMeetsAsteroid(bullet: Bullet, rock: Asteroid, dt: number): number | undefined {
  const [start, end] = relativePath(bullet, rock, dt);
  if (distancePointSegment(ORIGIN, start, end) > ASTEROID_RADIUS[rock.size] + bullet.radius) return undefined;
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
function targetPose(world: World, bullet: Bullet, ship: Ship): TargetPose | undefined {
  if (bullet.rewind === 0) return ship;
  // The key line of lag compensation: rewind the target, not the bullet.
  const seen = poseAt(world, ship.id, world.tick - bullet.rewind);
  return seen?.hittable ? seen : undefined;
}

/** Resolves every bullet against ships and rocks; a bullet stops at the first thing along its path. */
export function resolveBulletHits(world: World, dt: number): void {
  const spent = new Set<Bullet>();
  for (const bullet of world.bullets) {
    let hitShip: Ship | undefined;
    let hitRock: Asteroid | undefined;
    let nearest = Infinity;
    for (const ship of world.ships) {
      if (ship.id === bullet.owner || !canBeHit(ship)) continue;
      const pose = targetPose(world, bullet, ship);
      const t = pose && bulletMeetsShip(bullet, pose, dt);
      if (t !== undefined && t < nearest) [nearest, hitShip, hitRock] = [t, ship, undefined];
    }
    for (const rock of world.asteroids) {
      const t = bulletMeetsAsteroid(bullet, rock, dt);
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
    } else {
      continue;
    }
    spent.add(bullet);
  }
  if (spent.size > 0) world.bullets = world.bullets.filter((bullet) => !spent.has(bullet));
}

/** A rock touching a ship's hull destroys the ship and breaks the rock (no points to anyone). */
export function resolveShipRockHits(world: World): void {
  for (const ship of world.ships) {
    if (!canBeHit(ship)) continue;
    for (const rock of world.asteroids) {
      const local = rotate(wrappedOffset(ship, rock), -ship.angle);
      if (!capsuleHitsHull(local, local, ASTEROID_RADIUS[rock.size])) continue;
      destroyShip(world, ship, null);
      world.events.push({ kind: "asteroidDestroyed", asteroidId: rock.id, size: rock.size, shooterId: null, x: rock.x, y: rock.y });
      splitAsteroid(world, rock);
      break;
    }
  }
}
