/**
 * A world as a spectator draws it: every ship, bullet and rock where the simulation has
 * it, with names and colors from whoever knows them (the room's replicated state on
 * the server, the recording in a replay). Pure, so the dashboard's server side and the
 * replay page build the same picture.
 */
import type { SpectatorWorld } from "./dashboardApi";
import type { World } from "../sim/world";

export interface ShipLooks {
  name: string;
  color: string;
}

export function spectatorWorldOf(
  roomId: string,
  roomName: string,
  world: World,
  looksOf: (shipId: string) => ShipLooks | undefined,
): SpectatorWorld {
  const colorOf = (id: string) => looksOf(id)?.color ?? "#ffffff";
  return {
    roomId,
    roomName,
    tick: world.tick,
    width: world.size.width,
    height: world.size.height,
    ships: world.ships.map((ship) => ({
      id: ship.id,
      name: looksOf(ship.id)?.name ?? ship.id,
      color: colorOf(ship.id),
      x: ship.x,
      y: ship.y,
      angle: ship.angle,
      alive: ship.alive,
      score: ship.score,
      charge: ship.charge,
      keys: ship.keys,
      protected: ship.protection > 0,
    })),
    bullets: world.bullets.map((bullet) => ({
      id: String(bullet.id),
      x: bullet.x,
      y: bullet.y,
      radius: bullet.radius,
      color: colorOf(bullet.owner),
    })),
    asteroids: world.asteroids.map((rock) => ({ id: String(rock.id), size: rock.size, x: rock.x, y: rock.y, angle: rock.angle })),
  };
}
