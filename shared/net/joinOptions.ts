/**
 * The options a client joins or creates a room with, and the one place they are validated and
 * cleaned: text is cleaned, not refused (names), but wrong types and absurd sizes are refused.
 */
import { MAX_CLIENTS, MIN_SEATS, NAME_MAX_LENGTH, ROOM_NAME_MAX_LENGTH } from "../constants";
import { isUint32, MAX_STEP } from "./inputMessage";

/** Options a client passes when joining or creating a room. */
export interface JoinOptions {
  /** Player name: 1–16 printable characters after trimming; default "pilot-N". */
  name?: string;
  /** Ship color as "#rrggbb"; default picked from the palette. */
  color?: string;
  /** Display name of a room being created; default "Sector N". */
  roomName?: string;
  /** Seats of a room being created, MIN_SEATS..MAX_CLIENTS; its field grows with them (shared/sim/worldSize.ts). Default DEFAULT_SEATS. */
  seats?: number;
  /** The seat token this tab was given in this room (ShipState.seatToken): takes back a seat left within RECONNECT_WINDOW. */
  rejoin?: string;
}

/** A seat token as the server issues it: 16 random bytes, base64url. */
const SEAT_TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Drops what is not valid Unicode text: lone surrogates and noncharacters. This is a
 * safety rule, not taste: @colyseus/schema sizes a lone surrogate at 3 bytes but writes
 * 4, so one in the state shifts every later field for every client.
 */
export function validText(text: string): string {
  return text.replace(/[\p{Cs}\p{Noncharacter_Code_Point}]/gu, "");
}

/** Keeps valid, printable characters only (drops control and format characters), collapses spaces, trims, cuts to `max`. */
function cleanDisplayName(value: unknown, max: number): string | undefined {
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
 * Wrong types, absurd lengths, a malformed color or seed get a clear error; text
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
