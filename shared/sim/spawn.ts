/** Where new things appear: the clearest of a few seeded candidate spots. */
import { ASTEROID_RADIUS, SPAWN_CANDIDATES } from "../constants";
import { nextRandom } from "./rng";
import { wrappedOffset, type Vec2 } from "./vector";
import type { World } from "./world";
import { hypot } from "./deterministicMath";

/** Distance from `spot` to the nearest live ship or rock surface, across the wrap. */
function clearance(world: World, spot: Vec2): number {
  let nearest = Infinity;
  for (const ship of world.ships) {
    if (!ship.alive) continue;
    const d = wrappedOffset(spot, ship, world.size);
    nearest = Math.min(nearest, hypot(d.x, d.y));
  }
  for (const rock of world.asteroids) {
    const d = wrappedOffset(spot, rock, world.size);
    nearest = Math.min(nearest, hypot(d.x, d.y) - ASTEROID_RADIUS[rock.size]);
  }
  return nearest;
}

/** The first candidate anywhere in the field at least `wanted` px clear, else the clearest candidate. */
export function findClearSpot(world: World, wanted: number): Vec2 {
  const { width, height } = world.size;
  let best: Vec2 = { x: width / 2, y: height / 2 };
  let bestClearance = -Infinity;
  for (let i = 0; i < SPAWN_CANDIDATES; i++) {
    const spot = { x: nextRandom(world) * width, y: nextRandom(world) * height };
    const clear = clearance(world, spot);
    if (clear >= wanted) return spot;
    if (clear > bestClearance) {
      best = spot;
      bestClearance = clear;
    }
  }
  return best;
}
