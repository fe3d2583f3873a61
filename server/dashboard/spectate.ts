/**
 * The dashboard's view of the rooms: a list, and one room's world read straight from
 * the room's simulation. Spectating this way is a plain HTTP read: no seat, no socket,
 * not counted in CCU.
 */
import { matchMaker } from "@colyseus/core";
import { ROOM_NAME, type RoomListingMetadata } from "../../shared/protocol";
import type { DashboardRoom, SpectatorWorld } from "../../shared/dashboard";
import type { AsteroidsRoom } from "../rooms/AsteroidsRoom";

export async function listGameRooms(): Promise<DashboardRoom[]> {
  const listings = await matchMaker.query({ name: ROOM_NAME });
  return listings.map((listing) => {
    const metadata = (listing.metadata ?? {}) as Partial<RoomListingMetadata>;
    return { roomId: listing.roomId, roomName: metadata.roomName ?? listing.roomId, players: metadata.players ?? listing.clients };
  });
}

/** The world of a game room on this process, or undefined when there is none by that id. */
export function spectate(roomId: string): SpectatorWorld | undefined {
  const room = matchMaker.getLocalRoomById(roomId) as AsteroidsRoom | undefined;
  if (!room || room.roomName !== ROOM_NAME || !room.world) return undefined;
  const { world, state } = room;
  const colorOf = (id: string) => state.ships.get(id)?.color ?? "#ffffff";
  return {
    roomId,
    roomName: room.metadata?.roomName ?? roomId,
    tick: world.tick,
    ships: world.ships.map((ship) => ({
      id: ship.id, name: state.ships.get(ship.id)?.name ?? ship.id, color: colorOf(ship.id),
      x: ship.x, y: ship.y, angle: ship.angle, alive: ship.alive, score: ship.score, charge: ship.charge, keys: ship.keys, protected: ship.protection > 0,
    })),
    bullets: world.bullets.map((bullet) => ({ id: String(bullet.id), x: bullet.x, y: bullet.y, radius: bullet.radius, color: colorOf(bullet.owner) })),
    asteroids: world.asteroids.map((rock) => ({ id: String(rock.id), size: rock.size, x: rock.x, y: rock.y, angle: rock.angle })),
  };
}
