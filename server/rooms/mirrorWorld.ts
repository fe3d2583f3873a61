/**
 * Copies the simulation's World into the replicated GameState before each patch (and when a ship joins).
 * Schema setters ignore unchanged values, so only what moved goes on the wire; bullets
 * and rocks, which fly straight, are written once when they appear.
 * Ships' names, colours and connection flags belong to the room and are left alone.
 */
import { MapSchema } from "@colyseus/schema";
import { TICK_RATE } from "../../shared/constants";
import { AsteroidState, BulletState, GameState, ShipState } from "../../shared/schema";
import { encodeAngle, encodeCharge, encodePosition } from "../../shared/wire";
import { validText } from "../../shared/protocol";
import type { World } from "../../shared/world";

/** Removes map entries whose key is not in `alive`. */
function prune<T>(map: MapSchema<T>, alive: Set<string>): void {
  for (const key of Array.from(map.keys())) if (!alive.has(key)) map.delete(key);
}

export function mirrorWorld(world: World, state: GameState, ackOf: (shipId: string) => number): void {
  state.tick = world.tick;

  for (const ship of world.ships) {
    const view = state.ships.get(ship.id);
    if (!view) continue; // the room creates the view (with name and colour) when the player joins
    view.xFixed = encodePosition(ship.x);
    view.yFixed = encodePosition(ship.y);
    view.angleFixed = encodeAngle(ship.angle);
    view.alive = ship.alive;
    view.chargeLevel = encodeCharge(ship.charge);
    view.keys = ship.keys;
    view.score = ship.score;
    // Constant through a death (tick + remaining steps), so it costs one field change per death.
    view.respawnTick = ship.alive ? 0 : world.tick + Math.round(ship.respawnIn * TICK_RATE);
    view.protected = ship.protection > 0;
    view.x = ship.x;
    view.y = ship.y;
    view.vx = ship.vx;
    view.vy = ship.vy;
    view.angle = ship.angle;
    view.ack = ackOf(ship.id);
  }

  const bulletIds = new Set<string>();
  for (const bullet of world.bullets) {
    const key = String(bullet.id);
    bulletIds.add(key);
    if (state.bullets.has(key)) continue; // sent once: clients compute the rest of a straight flight
    const view = new BulletState();
    view.owner = bullet.owner;
    view.radius = bullet.radius;
    view.x = bullet.x;
    view.y = bullet.y;
    view.vx = bullet.vx;
    view.vy = bullet.vy;
    view.tick = world.tick;
    state.bullets.set(key, view);
  }
  prune(state.bullets, bulletIds);

  const rockIds = new Set<string>();
  for (const rock of world.asteroids) {
    const key = String(rock.id);
    rockIds.add(key);
    if (state.asteroids.has(key)) continue; // sent once, like bullets
    const view = new AsteroidState();
    view.size = rock.size;
    view.x = rock.x;
    view.y = rock.y;
    view.vx = rock.vx;
    view.vy = rock.vy;
    view.angle = rock.angle;
    view.spin = rock.spin;
    view.tick = world.tick;
    state.asteroids.set(key, view);
  }
  prune(state.asteroids, rockIds);
}

/** The schema view of a newly joined ship; mirrorWorld fills in the rest. */
export function createShipView(name: string, color: string): ShipState {
  const view = new ShipState();
  // The one door for text into the state: whatever the caller cleaned, it stays decodable (see validText).
  view.name = validText(name);
  view.color = validText(color);
  return view;
}
