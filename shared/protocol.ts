/**
 * The wire protocol between clients and the room: message names, their payloads,
 * join options, and the one place each is validated. Clients send inputs only —
 * the keys they hold, from which step — never positions; the server decides everything.
 */
import { MAX_CLIENTS, MIN_SEATS, NAME_MAX_LENGTH, ROOM_NAME_MAX_LENGTH } from "./constants";
import type { GameEvent } from "./world";
import { ALL_KEYS } from "./input";

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

/** "Keys `keys` (a bitmask of Key) from step `step` on": one change of the keys a client holds. */
export type KeyRun = [step: number, keys: number];

/**
 * The `input` payload: the client has made every step up to `upTo`; `runs` are the key
 * changes since its previous message (oldest first, each after that message's `upTo`), and
 * with none it is a heartbeat. `seen` (optional) is the server tick the client was drawing
 * other ships at when it made step `upTo`; the server judges the shots fired at each step
 * against that moment, one tick further per step (lag compensation).
 */
export interface InputMessage {
  upTo: number;
  seen?: number;
  runs?: KeyRun[];
  /** The newest ShipState.probe the client received, once: the server times its round trip by it (server/rooms/RoundTrips.ts). */
  echo?: number;
}

/**
 * Most key changes one message may carry: an honest client sends at most
 * INPUT_MIN_GAP_STEPS (a tap's press and release in one message), more after a stalled frame.
 */
export const MAX_RUNS_PER_INPUT = 8;

/** Largest step number accepted: a uint32, so a client at 60 steps/s wraps after two years. */
export const MAX_STEP = 0xffffffff;

function isUint32(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_STEP;
}

function isKeys(value: unknown): value is number {
  return isUint32(value) && (value & ~ALL_KEYS) === 0;
}

/** An input message as the server takes it: validated, `runs` always present. */
export interface ParsedInput {
  upTo: number;
  seen: number | undefined;
  runs: KeyRun[];
  echo?: number;
}

const INPUT_FIELDS: ReadonlySet<string> = new Set(["upTo", "seen", "runs", "echo"]);

/**
 * Narrows an untrusted `input` payload, or undefined: known fields only, integers in range,
 * at most MAX_RUNS_PER_INPUT runs of [step, keys] with steps strictly rising and none past `upTo`.
 */
export function parseInput(payload: unknown): ParsedInput | undefined {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return undefined;
  if (Object.keys(payload).some((field) => !INPUT_FIELDS.has(field))) return undefined;
  const { upTo, seen, runs = [], echo } = payload as Record<string, unknown>;
  if (!isUint32(upTo) || (seen !== undefined && !isUint32(seen)) || (echo !== undefined && !isUint32(echo))) return undefined;
  if (!Array.isArray(runs) || runs.length > MAX_RUNS_PER_INPUT) return undefined;
  let previous = -1;
  for (const run of runs as unknown[]) {
    if (!Array.isArray(run) || run.length !== 2) return undefined;
    const [step, keys] = run as unknown[];
    if (!isUint32(step) || step <= previous || step > upTo || !isKeys(keys)) return undefined;
    previous = step;
  }
  return { upTo, seen, runs: runs as KeyRun[], echo };
}

/** Longest round trip a client may report, ms: beyond it the report is nonsense, not a slow link. */
export const MAX_REPORTED_RTT_MS = 60_000;

/** Narrows an untrusted RTT report (a number of ms) to a finite value in range, or undefined. */
export function parseRttReport(payload: unknown): number | undefined {
  if (typeof payload !== "number" || !Number.isFinite(payload)) return undefined;
  return payload >= 0 && payload <= MAX_REPORTED_RTT_MS ? payload : undefined;
}

/** Options a client passes when joining or creating a room. */
export interface JoinOptions {
  /** Player name: 1–16 printable characters after trimming; default "pilot-N". */
  name?: string;
  /** Ship colour as "#rrggbb"; default picked from the palette. */
  color?: string;
  /** Display name of a room being created; default "Sector N". */
  roomName?: string;
  /** Seats of a room being created, MIN_SEATS..MAX_CLIENTS; its field grows with them (shared/worldSize.ts). Default DEFAULT_SEATS. */
  seats?: number;
  /** The seat token this tab was given in this room (ShipState.seatToken): takes back a seat left within RECONNECT_WINDOW. */
  rejoin?: string;
}

/** A seat token as the server issues it: 16 random bytes, base64url. */
const SEAT_TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

/** Ship colours: a player who picks none gets the first one nobody in the room has. */
export const PALETTE = ["#4fc3f7", "#ff8a65", "#aed581", "#ffd54f", "#ba68c8", "#4db6ac", "#f06292", "#90a4ae"] as const;

/** What each palette colour is called, for people (and screen readers): a hex code says nothing. */
const PALETTE_NAMES: Readonly<Record<(typeof PALETTE)[number], string>> = {
  "#4fc3f7": "sky blue",
  "#ff8a65": "coral",
  "#aed581": "lime",
  "#ffd54f": "amber",
  "#ba68c8": "violet",
  "#4db6ac": "teal",
  "#f06292": "pink",
  "#90a4ae": "slate",
};

/** The name of palette colour `color`, or the code itself for another colour. */
export function colourName(color: string): string {
  return PALETTE_NAMES[color as (typeof PALETTE)[number]] ?? color;
}

/** The first palette colour none of `taken` is, or (all taken) the one `joined` picks in turn. */
export function freeColour(taken: ReadonlySet<string>, joined: number): string {
  return PALETTE.find((color) => !taken.has(color)) ?? PALETTE[joined % PALETTE.length]!;
}

/**
 * Drops what is not valid Unicode text: lone surrogates and noncharacters. This is a
 * safety rule, not taste: @colyseus/schema sizes a lone surrogate at 3 bytes but writes
 * 4, so one in the state shifts every later field for every client.
 */
export function validText(text: string): string {
  return text.replace(/[\p{Cs}\p{Noncharacter_Code_Point}]/gu, "");
}

/** Keeps valid, printable characters only (drops control and format characters), collapses spaces, trims, cuts to `max`. */
export function cleanDisplayName(value: unknown, max: number): string | undefined {
  if (typeof value !== "string") return undefined;
  // Cut before cleaning so a huge value costs little; a pair split by the cut is then dropped as lone.
  const printable = validText(value.slice(0, max * 4))
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  const cut = Array.from(printable).slice(0, max).join("").trim();
  return cut.length > 0 ? cut : undefined;
}

export function cleanPlayerName(value: unknown): string | undefined {
  return cleanDisplayName(value, NAME_MAX_LENGTH);
}

export function cleanRoomName(value: unknown): string | undefined {
  return cleanDisplayName(value, ROOM_NAME_MAX_LENGTH);
}

export function cleanColor(value: unknown): string | undefined {
  return typeof value === "string" && /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : undefined;
}

/** Longest text a join option may hold before cleaning: past it the join is refused rather than cut. */
export const MAX_JOIN_OPTION_TEXT = 256;

/**
 * Why join or create options are refused, or undefined when they are acceptable.
 * Wrong types, absurd lengths, a malformed colour or seed get a clear error; text
 * content is not refused but cleaned (cleanPlayerName, cleanRoomName). Other fields
 * are ignored: SDKs may add their own.
 */
export function joinOptionsProblem(options: unknown): string | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== "object" || Array.isArray(options)) return "join options must be an object";
  const { name, color, roomName, seed, seats, rejoin } = options as Record<string, unknown>;
  for (const [field, value] of [
    ["name", name],
    ["roomName", roomName],
  ] as const) {
    if (value === undefined) continue;
    if (typeof value !== "string") return `${field} must be a string`;
    if (value.length > MAX_JOIN_OPTION_TEXT) return `${field} is longer than ${MAX_JOIN_OPTION_TEXT} characters`;
  }
  if (color !== undefined && cleanColor(color) === undefined) return 'color must be "#rrggbb"';
  if (rejoin !== undefined && !(typeof rejoin === "string" && SEAT_TOKEN.test(rejoin))) return "rejoin must be a seat token";
  if (seed !== undefined && !isUint32(seed)) return `seed must be an integer from 0 to ${MAX_STEP}`;
  if (seats !== undefined && !(Number.isInteger(seats) && (seats as number) >= MIN_SEATS && (seats as number) <= MAX_CLIENTS))
    return `seats must be an integer from ${MIN_SEATS} to ${MAX_CLIENTS}`;
  return undefined;
}

/** The lobby listing's metadata of an asteroids room. */
export interface RoomListingMetadata {
  roomName: string;
  players: number;
  /** Unix ms when the room was created. */
  createdAt: number;
}
