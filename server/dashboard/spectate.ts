/**
 * What the dashboard reads of the rooms: a list, and one room's world read straight from
 * the room's simulation. Spectating this way is a plain HTTP read: no seat, no socket,
 * not counted in CCU.
 */
import { matchMaker } from "@colyseus/core";
import { ROOM_NAME, type RoomListingMetadata } from "../../shared/net/messages";
import type { DashboardRoom, SpectatorWorld } from "../../shared/dashboard/dashboardApi";
import type { AsteroidsRoom } from "../rooms/AsteroidsRoom";

export async function listGameRooms(): Promise<DashboardRoom[]> {
  const listings = await matchMaker.query({ name: ROOM_NAME });
  return listings.map((listing) => {
    const metadata = (listing.metadata ?? {}) as Partial<RoomListingMetadata>;
    return { roomId: listing.roomId, roomName: metadata.roomName ?? listing.roomId, players: metadata.players ?? listing.clients };
  });
}

/**
 * The world of a game room on any process of the deployment, or undefined when there is none by that id (or its
 * process does not answer).
 */
export async function spectate(roomId: string): Promise<SpectatorWorld | undefined> {
  const local = matchMaker.getLocalRoomById(roomId) as AsteroidsRoom | undefined;
  if (local) return local.roomName === ROOM_NAME && local.world ? local.spectatorWorld() : undefined;
  const [listing] = await matchMaker.query({ roomId, name: ROOM_NAME });
  if (!listing) return undefined;
  try {
    return (await matchMaker.remoteRoomCall(roomId, "spectatorWorld")) as SpectatorWorld;
  } catch {
    return undefined;
  }
}
