/** Rocks: drift and spin, split on a hit, refill the field over time. All draws from the world's seeded PRNG. */
import {
  ASTEROID_MAX_SPEED,
  ASTEROID_MAX_SPIN,
  ASTEROID_MIN_SPEED,
  ASTEROID_RADIUS,
  ASTEROID_REFILL_INTERVAL,
  ASTEROID_SPAWN_CLEARANCE,
  ASTEROID_SPLIT_ANGLE,
  ASTEROID_SPLIT_SPEEDUP,
  type AsteroidSize,
  TIMER_EPSILON,
} from "../constants";
import { nextRandom, randomRange } from "./rng";
import { findClearSpot } from "./spawn";
import { wrapCoord } from "./vector";
import type { Asteroid, World } from "./world";
import { asteroidTargetFor } from "./worldSize";
import { atan2, cos, hypot, sin } from "./deterministicMath";

/** Mass of a rock in small-rock units: a large one is worth the 4 smalls it ends as. */
const MASS: Readonly<Record<AsteroidSize, number>> = { 3: 4, 2: 2, 1: 1 };

export function moveAsteroids(world: World, dt: number): void {
  for (const rock of world.asteroids) {
    rock.x = wrapCoord(rock.x + rock.vx * dt, world.size.width);
    rock.y = wrapCoord(rock.y + rock.vy * dt, world.size.height);
    rock.angle = wrapCoord(rock.angle + rock.spin * dt, 2 * Math.PI);
  }
}

export function spawnLargeAsteroid(world: World): Asteroid {
  const spot = findClearSpot(world, ASTEROID_SPAWN_CLEARANCE);
  const heading = nextRandom(world) * 2 * Math.PI;
  const speed = randomRange(world, ASTEROID_MIN_SPEED, ASTEROID_MAX_SPEED);
  const rock: Asteroid = {
    id: world.nextId++,
    size: 3,
    x: spot.x,
    y: spot.y,
    vx: cos(heading) * speed,
    vy: sin(heading) * speed,
    angle: nextRandom(world) * 2 * Math.PI,
    spin: randomRange(world, -ASTEROID_MAX_SPIN, ASTEROID_MAX_SPIN),
  };
  world.asteroids.push(rock);
  return rock;
}

/** Removes `rock` and, unless it was small, adds its two smaller halves. */
export function splitAsteroid(world: World, rock: Asteroid): void {
  world.asteroids = world.asteroids.filter((other) => other !== rock);
  if (rock.size === 1) return;
  const size = (rock.size - 1) as AsteroidSize;
  const heading = atan2(rock.vy, rock.vx);
  const speed = hypot(rock.vx, rock.vy) * ASTEROID_SPLIT_SPEEDUP;
  for (const side of [-1, 1]) {
    const angle = heading + side * (ASTEROID_SPLIT_ANGLE + randomRange(world, 0, ASTEROID_SPLIT_ANGLE));
    const offset = ASTEROID_RADIUS[size] / 2;
    world.asteroids.push({
      id: world.nextId++,
      size,
      x: wrapCoord(rock.x + cos(angle) * offset, world.size.width),
      y: wrapCoord(rock.y + sin(angle) * offset, world.size.height),
      vx: cos(angle) * speed,
      vy: sin(angle) * speed,
      angle: rock.angle,
      spin: randomRange(world, -ASTEROID_MAX_SPIN, ASTEROID_MAX_SPIN),
    });
  }
}

/** Adds back one large rock per interval while the field holds less rock than it started with. */
export function refillAsteroids(world: World, dt: number): void {
  world.refillIn -= dt;
  if (world.refillIn > TIMER_EPSILON) return;
  world.refillIn = ASTEROID_REFILL_INTERVAL;
  const mass = world.asteroids.reduce((sum, rock) => sum + MASS[rock.size], 0);
  if (mass + MASS[3] <= asteroidTargetFor(world.size) * MASS[3]) spawnLargeAsteroid(world);
}
