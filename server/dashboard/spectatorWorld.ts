/**
 * A game room's world as the dashboard draws it, read from its simulation: names and
 * colours from the replicated state, everything else from the world itself. Takes the
 * room's parts rather than the room, so the room can answer with it without the two
 * importing each other.
 */
import type { SpectatorWorld } from "../../shared/dashboard";
import type { GameState } from "../../shared/schema";
import type { World } from "../../shared/world";

export function spectatorWorldOf(roomId: string, roomName: string, world: World, state: GameState): SpectatorWorld {
  const colorOf = (id: string) => state.players.get(id)?.color ?? "#ffffff";
  return {
    roomId,
    roomName,
    tick: world.tick,
    width: world.size.width,
    height: world.size.height,
    ships: world.ships.map((ship) => ({
      id: ship.id,
      name: state.players.get(ship.id)?.name ?? ship.id,
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
