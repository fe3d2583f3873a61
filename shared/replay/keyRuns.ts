/**
 * One ship's key changes within a record, packed. In a file, a record's Keys events of one
 * ship are written as a single event [tick, PackedKeys, ship, keys, gaps]: `keys` has one
 * character per change (the keys held from then on), `gaps` one per change after the first
 * (the steps since the one before), both in the digits below. As tuples, each change costs
 * about 3.5 bytes gzipped, because its tick and ship are what gzip cannot guess; packed it
 * costs about 1.3, the keys' own 5 bits and a gap that is mostly the same. The reader unpacks
 * them into Keys events, so nothing past it sees the packed form.
 */
import { isUint, ReplayFormatError, ReplayOp, type ReplayChunk, type ReplayEvent } from "./recording";

/** One character per value 0–63: a key bitmask (5 bits) and a gap within a record (at most a second of steps) each fit. */
const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const DIGIT_MAX = DIGITS.length - 1;
const DIGIT_OF = new Map([...DIGITS].map((digit, value) => [digit, value]));
/** Most changes one packed event holds: one a step, over a record of at most a second (and the closing step). */
const MAX_PACKED_CHANGES = 61;

type PackedKeys = readonly [tick: number, op: typeof ReplayOp.PackedKeys, ship: number, keys: string, gaps: string];
/** An event as a file holds it. */
export type StoredEvent = ReplayEvent | PackedKeys;
/** A chunk as a file holds it. */
export type StoredChunk = Omit<ReplayChunk, "events"> & { events: StoredEvent[] };

/** Events of one step in the order the recorder makes them: joins and leaves, then keys, then rewinds. */
const ORDER: Record<number, number> = {
  [ReplayOp.Join]: 0,
  [ReplayOp.Leave]: 0,
  [ReplayOp.Keys]: 1,
  [ReplayOp.PackedKeys]: 1,
  [ReplayOp.Rewind]: 2,
};

/**
 * `events` (in the order they happened) as the file stores them: each ship's Keys events
 * packed into one when it has two or more, in step order still (a reader steps through
 * them in order). A change that does not fit a digit stays a Keys event.
 */
export function packKeyChanges(events: readonly ReplayEvent[]): StoredEvent[] {
  const stored: StoredEvent[] = [];
  const byShip = new Map<number, Array<readonly [tick: number, keys: number]>>();
  for (const event of events) {
    if (event[1] !== ReplayOp.Keys || event[3] > DIGIT_MAX) {
      stored.push(event);
      continue;
    }
    const changes = byShip.get(event[2]) ?? [];
    byShip.set(event[2], changes);
    changes.push([event[0], event[3]]);
  }
  for (const [ship, changes] of byShip) {
    const fits = changes.every(([tick], i) => i === 0 || tick - changes[i - 1]![0] <= DIGIT_MAX);
    if (changes.length < 2 || changes.length > MAX_PACKED_CHANGES || !fits) {
      for (const [tick, keys] of changes) stored.push([tick, ReplayOp.Keys, ship, keys]);
      continue;
    }
    const keys = changes.map(([, held]) => DIGITS[held]).join("");
    const gaps = changes
      .slice(1)
      .map(([tick], i) => DIGITS[tick - changes[i]![0]])
      .join("");
    stored.push([changes[0]![0], ReplayOp.PackedKeys, ship, keys, gaps]);
  }
  return stored.sort(inStepOrder);
}

/**
 * A chunk's events as read from a file, with packed key changes unpacked into Keys events in
 * step order (the rest is left for asChunk to check). A malformed packed event is a
 * ReplayFormatError naming the record.
 */
export function unpackKeyChanges(events: unknown, where: string): unknown {
  if (!Array.isArray(events) || !events.some(isPackedShape)) return events;
  const unpacked: unknown[] = [];
  for (const event of events as unknown[]) {
    if (isPackedShape(event)) unpacked.push(...unpack(event, where));
    else unpacked.push(event);
  }
  return unpacked.sort(inStepOrder);
}

/** By step, then kind as ORDER says; stable, so events of one step and kind keep their written order. */
function inStepOrder(a: unknown, b: unknown): number {
  return tickOf(a) - tickOf(b) || rankOf(a) - rankOf(b);
}

function isPackedShape(event: unknown): event is unknown[] {
  return Array.isArray(event) && event[1] === ReplayOp.PackedKeys;
}

function unpack(event: unknown[], where: string): ReplayEvent[] {
  const [tick, , ship, keys, gaps] = event;
  const bad = new ReplayFormatError(`${where}: bad packed keys`);
  if (event.length !== 5 || !isUint(tick) || !isUint(ship) || typeof keys !== "string" || typeof gaps !== "string") throw bad;
  if (keys.length > MAX_PACKED_CHANGES || gaps.length !== keys.length - 1) throw bad;
  const changes: ReplayEvent[] = [];
  let at = tick;
  for (let i = 0; i < keys.length; i++) {
    const gap = i === 0 ? 0 : DIGIT_OF.get(gaps[i - 1]!);
    const held = DIGIT_OF.get(keys[i]!);
    // Changes of one ship are at distinct, rising steps.
    if (gap === undefined || held === undefined || (i > 0 && gap < 1)) throw bad;
    at += gap;
    changes.push([at, ReplayOp.Keys, ship, held]);
  }
  return changes;
}

function tickOf(event: unknown): number {
  return Array.isArray(event) && typeof event[0] === "number" ? event[0] : -1;
}

function rankOf(event: unknown): number {
  return Array.isArray(event) ? (ORDER[event[1] as number] ?? 0) : 0;
}
