/** Where new things appear: the clearest of a few seeded candidate spots. */
import { ASTEROID_RADIUS, SPAWN_CANDIDATES, WORLD_HEIGHT, WORLD_WIDTH } from "./constants";
import { nextRandom } from "./rng";
import { wrappedOffset, type Vec2 } from "./vector";
import type { World } from "./world";

/** Distance from `spot` to the nearest live ship or rock surface, across the wrap. */
function clearance(world: World, spot: Vec2): number {
  let nearest = Infinity;
  for (const ship of world.ships) {
    if (!ship.alive) continue;
    const d = wrappedOffset(spot, ship);
    nearest = Math.min(nearest, Math.hypot(d.x, d.y));
  }
  for (const rock of world.asteroids) {
    const d = wrappedOffset(spot, rock);
    nearest = Math.min(nearest, Math.hypot(d.x, d.y) - ASTEROID_RADIUS[rock.size]);
  }
  return nearest;
}

/** The first candidate at least `wanted` px clear, else the clearest candidate. */
export function findClearSpot(world: World, wanted: number): Vec2 {
  let best: Vec2 = { x: WORLD_WIDTH / 2, y: WORLD_HEIGHT / 2 };
  let bestClearance = -Infinity;
  for (let i = 0; i < SPAWN_CANDIDATES; i++) {
    const spot = { x: nextRandom(world) * WORLD_WIDTH, y: nextRandom(world) * WORLD_HEIGHT };
    const clear = clearance(world, spot);
    if (clear >= wanted) return spot;
    if (clear > bestClearance) {
      best = spot;
      bestClearance = clear;
    }
  }
  return best;
}
