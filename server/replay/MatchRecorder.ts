/**
 * Records a room's match as it is played (shared/replay/recording.ts): joins and leaves,
 * each ship's keys when they change, and the rewind of each shot when it differs from
 * that ship's last; once a second it writes the stretch since the last write, with the
 * world's hash, so a crash loses at most the second in progress. A failed or refused write
 * (the sink's size limits, ReplayStore) stops the recording, said once in the log, never
 * the room; the file then ends with its last whole record, and is closed with the room.
 */
import { performance } from "node:perf_hooks";
import { clampRewind } from "../../shared/sim/rewind";
import { packKeyChanges } from "../../shared/replay/keyRuns";
import { encodeFileStart, encodeRecord } from "../../shared/replay/replayFile";
import { REPLAY_FORMAT_VERSION, ReplayOp, type ReplayEvent } from "../../shared/replay/recording";
import { stateHash } from "../../shared/replay/stateHash";
import { SIMULATION_VERSION } from "../../shared/sim/simulationVersion";
import type { InputsByShip, SeenLagByShip, World } from "../../shared/sim/world";

/** Where a recording's bytes go: a file (ReplayStore), or memory in tests. */
export interface ReplaySink {
  /** Writes all of `bytes`, or throws (a full disk, or past a size limit) having written none of them or part. */
  write(bytes: Uint8Array): void;
  close(): void;
}

export interface RecordingStart {
  roomName: string;
  seed: number;
  tickRate: number;
  startedAt: number;
}

/** Where the recorder adds up what it wrote and the time it took (the server's metrics). */
interface RecordingCounters {
  replayBytes: number;
  replaySeconds: number;
}

export interface RecorderHooks {
  /** A write failed or was refused: the recording stops there. */
  onFailure?(error: unknown): void;
  counters?: RecordingCounters;
}

/** What the recorder remembers of a ship in the match. */
interface RecordedShip {
  ship: number;
  keys: number;
  rewind: number;
}

export class MatchRecorder {
  /** Bytes of this recording written so far. */
  bytes = 0;
  private readonly ships = new Map<string, RecordedShip>();
  private joined = 0;
  private events: ReplayEvent[] = [];
  /** Kept after a stop, to be closed with the room (until then the match is still on: see ReplayStore.isRecording). */
  private sink: ReplaySink | undefined;
  private stopped = false;
  /**
   * The world's hash as the last step left it, taken before a join or leave changes it:
   * a recording's last hash must describe its last step, and players leave after it.
   */
  private stepHash: string | undefined;

  constructor(
    world: World,
    start: RecordingStart,
    sink: ReplaySink,
    private readonly hooks: RecorderHooks = {},
  ) {
    this.sink = sink;
    const { width, height } = world.size;
    this.write(
      encodeFileStart({
        type: "netroids-replay",
        version: REPLAY_FORMAT_VERSION,
        simulation: SIMULATION_VERSION,
        ...start,
        width,
        height,
      }),
    );
  }

  get recording(): boolean {
    return this.sink !== undefined && !this.stopped;
  }

  /** A ship joins before the next step, with the score it carries (a rejoin keeps its score); call before adding it. */
  join(world: World, id: string, name: string, color: string, score: number): void {
    if (!this.recording) return;
    this.stepHash ??= stateHash(world);
    const ship = this.joined++;
    this.ships.set(id, { ship, keys: 0, rewind: 0 });
    this.events.push([world.tick + 1, ReplayOp.Join, ship, id, name, color, score]);
  }

  /** A ship leaves before the next step; call before removing it. */
  leave(world: World, id: string): void {
    const recorded = this.ships.get(id);
    if (!recorded || !this.recording) return;
    this.stepHash ??= stateHash(world);
    this.ships.delete(id);
    this.events.push([world.tick + 1, ReplayOp.Leave, recorded.ship]);
  }

  /** After each step: what the step was fed, and once a second the stretch so far. */
  stepped(world: World, keys: InputsByShip, seenLag: SeenLagByShip, tickRate: number): void {
    if (!this.recording) return;
    const started = performance.now();
    this.record(world, keys, seenLag);
    if (world.tick % tickRate === 0) this.flush(world);
    if (this.hooks.counters) this.hooks.counters.replaySeconds += (performance.now() - started) / 1000;
  }

  private record(world: World, keys: InputsByShip, seenLag: SeenLagByShip): void {
    const tick = world.tick;
    this.stepHash = undefined;
    for (const [id, recorded] of this.ships) {
      const held = keys[id] ?? 0;
      if (held !== recorded.keys) {
        recorded.keys = held;
        this.events.push([tick, ReplayOp.Keys, recorded.ship, held]);
      }
    }
    // Only a shot reads its ship's rewind, so only a shot's rewind is recorded.
    for (const event of world.events) {
      if (event.kind !== "shot") continue;
      const recorded = this.ships.get(event.shipId);
      const rewind = clampRewind(seenLag[event.shipId] ?? 0);
      if (recorded && rewind !== recorded.rewind) {
        recorded.rewind = rewind;
        this.events.push([tick, ReplayOp.Rewind, recorded.ship, rewind]);
      }
    }
  }

  /** The room closed: the last stretch, marked as the end (none after a stop: the file ends where it stopped), and the file closed. */
  finish(world: World, endedAt: number): void {
    if (this.recording) this.flush(world, endedAt);
    const sink = this.sink;
    this.sink = undefined;
    try {
      sink?.close();
    } catch (error) {
      this.hooks.onFailure?.(error);
    }
  }

  private flush(world: World, endedAt?: number): void {
    // Events for the next step (joins and leaves since this one) wait for the next record, unless this is the last.
    const due = endedAt === undefined ? this.events.filter((event) => event[0] <= world.tick) : this.events;
    this.events = endedAt === undefined ? this.events.filter((event) => event[0] > world.tick) : [];
    const hash = this.stepHash ?? stateHash(world);
    const events = packKeyChanges(due);
    this.write(encodeRecord({ type: "chunk", tick: world.tick, hash, events, ...(endedAt === undefined ? {} : { endedAt }) }));
  }

  private write(bytes: Uint8Array): void {
    if (!this.sink || this.stopped) return;
    try {
      this.sink.write(bytes);
      this.bytes += bytes.length;
      if (this.hooks.counters) this.hooks.counters.replayBytes += bytes.length;
    } catch (error) {
      this.stopped = true;
      this.events = [];
      this.hooks.onFailure?.(error);
    }
  }
}
