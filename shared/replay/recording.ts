/**
 * What a match recording holds. The simulation is deterministic (shared/sim/step.ts), so a
 * whole match is its seed and field plus what the room fed the simulation: who joined
 * and left before which step, the keys each ship held from which step on, and, for each
 * shot, how far back lag compensation judged it. A state hash every second proves a
 * re-run matches the match that was played.
 *
 * Events are tuples, not objects: a full room records hundreds a second, and a tuple
 * carries no field names. Ships are numbered in join order within the recording.
 */

import { MAX_CLIENTS, TICK_RATE } from "../constants";
import { FIRST_SIMULATION_VERSION } from "../sim/simulationVersion";
import { LARGEST_WORLD } from "../sim/worldSize";

/**
 * The format this build writes. 2 packs each ship's key changes within a record into one
 * event (keyRuns.ts); the reader still takes version 1, which never does.
 */
export const REPLAY_FORMAT_VERSION = 2;
const READABLE_FORMAT_VERSIONS: ReadonlySet<unknown> = new Set([1, REPLAY_FORMAT_VERSION]);

/** Opcodes of the recorded events. */
export const ReplayOp = {
  /** A ship joins before step `tick`: [tick, Join, ship, id, name, color, score]. */
  Join: 0,
  /** A ship leaves before step `tick`: [tick, Leave, ship]. */
  Leave: 1,
  /** From step `tick` on, the ship holds `keys`: [tick, Keys, ship, keys]. */
  Keys: 2,
  /** The ship's shots from step `tick` on are judged `rewind` steps in the past: [tick, Rewind, ship, rewind]. */
  Rewind: 3,
  /** In a file only: one ship's key changes within a record, [tick, PackedKeys, ship, keys, gaps] (keyRuns.ts); read as Keys events. */
  PackedKeys: 4,
} as const;

export type ReplayEvent =
  | readonly [tick: number, op: typeof ReplayOp.Join, ship: number, id: string, name: string, color: string, score: number]
  | readonly [tick: number, op: typeof ReplayOp.Leave, ship: number]
  | readonly [tick: number, op: typeof ReplayOp.Keys, ship: number, keys: number]
  | readonly [tick: number, op: typeof ReplayOp.Rewind, ship: number, rewind: number];

/** The first record of a file: the match's starting point. */
export interface ReplayHeader {
  type: "netroids-replay";
  /** REPLAY_FORMAT_VERSION when written by this build; an older file's may be older. */
  version: number;
  roomName: string;
  seed: number;
  width: number;
  height: number;
  tickRate: number;
  /**
   * The simulation version the match was played with (shared/sim/simulationVersion.ts). Files
   * written before it existed have none and read as version 1.
   */
  simulation: number;
  /** Wall-clock start, ms since the epoch (for listing only: the simulation never reads it). */
  startedAt: number;
}

/** One flushed stretch of the match: its events, and the world's hash after step `tick`. */
export interface ReplayChunk {
  type: "chunk";
  tick: number;
  hash: string;
  events: ReplayEvent[];
  /** Set on the record written when the room closed: the match ends at `tick`. */
  endedAt?: number;
}

export interface Recording {
  header: ReplayHeader;
  chunks: ReplayChunk[];
  /** False when the file stops before its closing record (a crash, or a room still playing). */
  finished: boolean;
  /** Why the file was cut short, in words, when it was (a last record only partly written). */
  problem?: string;
}

/** A recording's last step: the end of its last chunk. */
export function lastTickOf(recording: Recording): number {
  return recording.chunks.at(-1)?.tick ?? 0;
}

/** A malformed recording: the message says what is wrong, for the page or log that shows it. */
export class ReplayFormatError extends Error {
  override name = "ReplayFormatError";
}

type Check = (value: unknown) => boolean;
export const isUint = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isInt = (value: unknown): boolean => Number.isInteger(value);
const isText = (value: unknown): boolean => typeof value === "string" && value.length <= 200;

/** Shapes of each event's operands, after [tick, op]. */
const OPERANDS: Record<number, readonly Check[]> = {
  [ReplayOp.Join]: [isUint, isText, isText, isText, isUint],
  [ReplayOp.Leave]: [isUint],
  [ReplayOp.Keys]: [isUint, isUint],
  [ReplayOp.Rewind]: [isUint, isInt],
};

function isEvent(value: unknown): value is ReplayEvent {
  if (!Array.isArray(value) || !isUint(value[0])) return false;
  const checks = OPERANDS[value[1] as number];
  return checks !== undefined && value.length === checks.length + 2 && checks.every((check, i) => check(value[i + 2]));
}

/** `value` as a header, or a ReplayFormatError saying what is wrong with it. */
export function asHeader(value: unknown): ReplayHeader {
  const header = value as Partial<ReplayHeader> | null;
  if (header?.type !== "netroids-replay") throw new ReplayFormatError("not a netroids replay (no header record)");
  if (!READABLE_FORMAT_VERSIONS.has(header.version))
    throw new ReplayFormatError(
      `replay format version ${String(header.version)} is not supported (this build reads ${REPLAY_FORMAT_VERSION})`,
    );
  const fields: Array<[keyof ReplayHeader, Check]> = [
    ["roomName", isText],
    ["seed", isUint],
    ["width", isUint],
    ["height", isUint],
    ["tickRate", isUint],
    ["startedAt", isUint],
  ];
  for (const [field, check] of fields) if (!check(header[field])) throw new ReplayFormatError(`replay header: bad ${field}`);
  const simulation = header.simulation ?? FIRST_SIMULATION_VERSION;
  if (!isUint(simulation) || simulation < FIRST_SIMULATION_VERSION) throw new ReplayFormatError("replay header: bad simulation");
  // The simulation's own rate and fields only: anything else cannot have come from a room, and could ask a replay for the impossible.
  if (header.tickRate !== TICK_RATE) throw new ReplayFormatError(`replay header: tick rate ${header.tickRate}, not ${TICK_RATE}`);
  const { width = 0, height = 0 } = header;
  if (width < 1 || height < 1 || width > LARGEST_WORLD.width || height > LARGEST_WORLD.height)
    throw new ReplayFormatError(`replay header: a ${width}×${height} field is not one a room plays on`);
  return { ...header, simulation } as ReplayHeader;
}

/** `value` as the chunk after step `previousTick`, or a ReplayFormatError naming the chunk. */
export function asChunk(value: unknown, index: number, previousTick: number): ReplayChunk {
  const chunk = value as Partial<ReplayChunk> | null;
  const where = `replay record ${index + 1}`;
  if (chunk?.type !== "chunk") throw new ReplayFormatError(`${where}: not a chunk`);
  // A record covers at most a second: the recorder writes one every TICK_RATE steps.
  if (!isUint(chunk.tick) || (chunk.tick as number) < previousTick || (chunk.tick as number) > previousTick + TICK_RATE)
    throw new ReplayFormatError(`${where}: bad tick`);
  if (typeof chunk.hash !== "string" || !/^[0-9a-f]{8}$/.test(chunk.hash)) throw new ReplayFormatError(`${where}: bad hash`);
  if (!Array.isArray(chunk.events) || !chunk.events.every(isEvent)) throw new ReplayFormatError(`${where}: bad event`);
  if (chunk.endedAt !== undefined && !isUint(chunk.endedAt)) throw new ReplayFormatError(`${where}: bad end time`);
  // Its events fall in its stretch (a last record may hold leaves for the step after its last).
  const latest = (chunk.tick as number) + 1;
  if (chunk.events.some((event) => event[0] <= previousTick || event[0] > latest))
    throw new ReplayFormatError(`${where}: an event out of its stretch`);
  return chunk as ReplayChunk;
}

/** Follows the ships through a recording's events: every event names a ship in the match, and no more than a room holds. */
export class ShipRoster {
  private readonly live = new Set<number>();
  private joined = 0;

  /** Checks one event in order; a ReplayFormatError names what is wrong. */
  check(event: ReplayEvent): void {
    const [tick, op, ship] = event;
    if (op === ReplayOp.Join) {
      if (ship !== this.joined) throw new ReplayFormatError(`replay event at step ${tick}: ship ${ship} joins out of order`);
      if (this.live.size >= MAX_CLIENTS)
        throw new ReplayFormatError(`replay event at step ${tick}: more than ${MAX_CLIENTS} ships at once`);
      this.joined++;
      this.live.add(ship);
    } else if (!this.live.has(ship))
      throw new ReplayFormatError(`replay event at step ${tick} names ship ${ship}, which is not in the match`);
    else if (op === ReplayOp.Leave) this.live.delete(ship);
  }
}
