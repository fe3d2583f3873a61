/** Entering a game room from the lobby: quick play, create, join; and errors a player can read. */
import type { Client, Room } from "@colyseus/sdk";
import { ROOM_NAME } from "../shared/net/messages";
import { type JoinOptions } from "../shared/net/joinOptions";
import type { GameState } from "../shared/net/schema";
import type { ListedRoom } from "./LobbyConnection";

export type GameRoom = Room<unknown, GameState>;

export interface JoinedRoom {
  room: GameRoom;
  roomName: string;
}

/** The fullest listed room that still has a free seat: players meet players. */
export function pickQuickPlayRoom(rooms: readonly ListedRoom[]): ListedRoom | undefined {
  return rooms.filter((room) => room.players < room.maxClients).sort((a, b) => b.players - a.players || a.createdAt - b.createdAt)[0];
}

export async function joinListedRoom(client: Client, room: ListedRoom, options: JoinOptions): Promise<JoinedRoom> {
  const joined = await client.joinById<GameState>(room.roomId, options);
  return { room: joined, roomName: room.roomName };
}

export async function createNamedRoom(client: Client, options: JoinOptions): Promise<JoinedRoom> {
  const created = await client.create<GameState>(ROOM_NAME, options);
  return { room: created, roomName: options.roomName ?? "new room" };
}

/** Joins the fullest room with space; when none is listed (or it filled up meanwhile), creates one. */
export async function quickPlay(client: Client, rooms: readonly ListedRoom[], options: JoinOptions): Promise<JoinedRoom> {
  const target = pickQuickPlayRoom(rooms);
  if (target) {
    try {
      return await joinListedRoom(client, target, options);
    } catch {
      // Full or gone since the list was sent: fall through to the server's own choice.
    }
  }
  const joined = await client.joinOrCreate<GameState>(ROOM_NAME, options);
  return { room: joined, roomName: rooms.find((room) => room.roomId === joined.roomId)?.roomName ?? "room" };
}

/** A message for the player about why joining failed. */
export function describeJoinError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/full|locked/i.test(message)) return "That room is full. Pick another one or create your own.";
  if (/not found|expired/i.test(message)) return "That room is gone. The list has been refreshed.";
  if (/fetch|network|ECONNREFUSED|failed to connect|unreachable/i.test(message))
    return "The server is unreachable. Check your connection and try again.";
  return `Could not join: ${message}`;
}
