/**
 * The messages between clients and the room: room names, message types, close codes and the
 * payloads the server sends. Clients send inputs only (inputMessage.ts) — the keys they
 * hold, from which step — never positions; the server decides everything.
 */
import type { GameEvent } from "../sim/world";

export const ROOM_NAME = "asteroids";
export const LOBBY_ROOM_NAME = "lobby";

/** Client → server message types. */
export const ClientMessage = {
  /**
   * Input (InputMessage): the keys held, run-length — "keys K from step S" when they change,
   * at most every INPUT_MIN_GAP_STEPS steps — and otherwise a heartbeat with the newest step
   * every INPUT_HEARTBEAT_STEPS. Steps are the client's fixed 1/60 s steps, one per server
   * step, so the server applies exactly the keys the client predicted with.
   */
  Input: "input",
  /** The round-trip time (ms) the client just measured with a ping; feeds the server's RTT metrics. */
  Rtt: "rtt",
  /**
   * No payload, right before a leave: the page is going away and may be back (a reload), so the
   * server keeps the seat for a rejoin (and an emptied room open as long). Without it a leave is for good.
   */
  Away: "away",
} as const;

/**
 * Close codes the server sends when it ends a connection for the client's own conduct or
 * link (WebSocket's application range 4000–4999); the client tells the player why.
 */
export const ServerCloseCode = {
  /** A frame that is no message of this game (see server/transport/frameKind). */
  Junk: 4400,
  /** The client fell more than the server's cap of unsent bytes behind in reading (408 as in HTTP's request timeout). */
  Backlog: 4408,
  /** Too many messages in a second: the game room and the lobby both close with it. */
  Flood: 4429,
} as const;

/** Server → client message types. */
export const ServerMessage = {
  /** Things worth drawing once: explosions and kills (EventsMessage; see BROADCAST_EVENT_KINDS). */
  Events: "events",
  /** The server is going down (SIGTERM, a deploy): sent once, right before the room closes with code 4001. */
  Shutdown: "shutdown",
} as const;

/** Payload of ServerMessage.Shutdown. */
export interface ShutdownNotice {
  /** Why, for people: shown by the client. */
  reason: string;
  /** The room's last tick. */
  tick: number;
}

/**
 * The simulation's events that are sent to clients: what the state cannot show (an
 * explosion where a ship or rock was). Shots and respawns are left out: the new bullet
 * and the ship's `alive` flag are in the next patch anyway, and with 100 players firing
 * a few times a second, shot events alone would cost each client kilobytes per second.
 */
export const BROADCAST_EVENT_KINDS: ReadonlySet<GameEvent["kind"]> = new Set(["shipDestroyed", "asteroidDestroyed"]);

/**
 * A kill told to a client that could not see it: who, and by whom (null: a rock), for the
 * kill feed and the scoreboard; no place, since there is no explosion to draw. A full room
 * has about ten kills a second, and every client hears of each.
 */
export interface KillNotice {
  kind: "shipDestroyed";
  shipId: string;
  killerId: string | null;
}

/** An event as a client receives it: in full where it can see it happen (positions rounded to whole px), else a KillNotice. */
export type EventSeen = GameEvent | KillNotice;

/** Payload of ServerMessage.Events: the events of the steps up to `tick`, sent right behind the patch of that tick. */
export interface EventsMessage {
  tick: number;
  events: EventSeen[];
}

/** True when the event says where it happened: an explosion to draw. */
export function isPlaced(event: EventSeen): event is GameEvent {
  return "x" in event;
}

/** The lobby listing's metadata of an asteroids room. */
export interface RoomListingMetadata {
  roomName: string;
  players: number;
  /** Unix ms when the room was created. */
  createdAt: number;
}
