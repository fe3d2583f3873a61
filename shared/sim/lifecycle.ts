/** Ships entering, dying, reviving and leaving the world. */
import { RESPAWN_DELAY, SHIP_SPAWN_CLEARANCE, SPAWN_PROTECTION, TIMER_EPSILON } from "../constants";
import { nextRandom } from "./rng";
import { findClearSpot } from "./spawn";
import type { Ship, World } from "./world";

function placeShip(world: World, ship: Ship): void {
  const spot = findClearSpot(world, SHIP_SPAWN_CLEARANCE);
  ship.x = Math.fround(spot.x);
  ship.y = Math.fround(spot.y);
  ship.vx = 0;
  ship.vy = 0;
  ship.angle = Math.fround((nextRandom(world) * 2 - 1) * Math.PI);
  ship.alive = true;
  ship.protection = SPAWN_PROTECTION;
}

/** A live ship at `pose`, at rest in every other respect: no charge, cooldown, protection, score or keys. */
export function newShip(id: string, pose: Pick<Ship, "x" | "y" | "vx" | "vy" | "angle"> = { x: 0, y: 0, vx: 0, vy: 0, angle: 0 }): Ship {
  return {
    id,
    ...pose,
    alive: true,
    charge: 0,
    charging: false,
    cooldown: 0,
    respawnIn: 0,
    protection: 0,
    score: 0,
    keys: 0,
  };
}

export function addShip(world: World, id: string): Ship {
  const ship = newShip(id);
  placeShip(world, ship);
  world.ships.push(ship);
  return ship;
}

/** Removes the ship and the bullets it still has in flight. */
export function removeShip(world: World, id: string): void {
  world.ships = world.ships.filter((ship) => ship.id !== id);
  world.bullets = world.bullets.filter((bullet) => bullet.owner !== id);
}

export function destroyShip(world: World, ship: Ship, killerId: string | null, bulletId?: number): void {
  ship.alive = false;
  ship.respawnIn = RESPAWN_DELAY;
  ship.charge = 0;
  ship.charging = false;
  ship.keys = 0;
  world.events.push({
    kind: "shipDestroyed",
    shipId: ship.id,
    killerId,
    ...(bulletId === undefined ? {} : { bulletId }),
    x: ship.x,
    y: ship.y,
  });
}

/** Counts down dead ships and revives those whose time is up at a clear spot. */
export function reviveShips(world: World, dt: number): void {
  for (const ship of world.ships) {
    if (ship.alive) {
      ship.protection = ship.protection - dt > TIMER_EPSILON ? ship.protection - dt : 0;
      continue;
    }
    ship.respawnIn -= dt;
    if (ship.respawnIn > TIMER_EPSILON) continue;
    ship.respawnIn = 0;
    placeShip(world, ship);
    world.events.push({ kind: "shipRespawned", shipId: ship.id });
  }
}
