/**
 * Re-runs a recorded match with the shared simulation, step by step, from its seed: the
 * same world the room had at every step. Each recorded state hash is checked the first
 * time its step is reached, and a mismatch is kept, never hidden. Every few seconds the
 * whole replay state is copied, so seeking anywhere re-simulates at most that much.
 */
import { addShip, removeShip } from "../sim/lifecycle";
import { createWorld, step } from "../sim/step";
import { cloneWorld, type World } from "../sim/world";
import { lastTickOf, ReplayFormatError, ReplayOp, type Recording, type ReplayEvent } from "./recording";
import { stateHash } from "./stateHash";

/** A ship of the match as the recording names it. */
export interface ReplayShip {
  /** Its number in the recording (join order). */
  ship: number;
  id: string;
  name: string;
  color: string;
}

export interface HashMismatch {
  tick: number;
  recorded: string;
  replayed: string;
}

/** Everything a replay carries from one step to the next. */
interface ReplayCursor {
  world: World;
  keys: Record<string, number>;
  rewind: Record<string, number>;
  ships: Map<number, ReplayShip>;
  /** Index of the next event to apply. */
  event: number;
}

const SNAPSHOT_SECONDS = 5;

export class MatchReplayer {
  /** The match's last step. */
  readonly endTick: number;
  readonly mismatches: HashMismatch[] = [];
  /** Recorded hashes compared so far. */
  checked = 0;
  private readonly events: ReplayEvent[];
  private readonly hashes = new Map<number, string>();
  private readonly dt: number;
  private readonly snapshotSteps: number;
  private readonly snapshots: ReplayCursor[] = [];
  private verifiedUpTo = 0;
  private cursor: ReplayCursor;

  constructor(readonly recording: Recording) {
    const { header } = recording;
    this.dt = 1 / header.tickRate;
    this.snapshotSteps = SNAPSHOT_SECONDS * header.tickRate;
    this.endTick = lastTickOf(recording);
    this.events = recording.chunks.flatMap((chunk) => chunk.events);
    for (const chunk of recording.chunks) this.hashes.set(chunk.tick, chunk.hash);
    this.cursor = {
      world: createWorld(header.seed, { width: header.width, height: header.height }),
      keys: {},
      rewind: {},
      ships: new Map(),
      event: 0,
    };
    this.snapshots.push(copyOf(this.cursor));
  }

  get tick(): number {
    return this.cursor.world.tick;
  }

  /** The replayed world at the current step: read it, never change it. */
  get world(): World {
    return this.cursor.world;
  }

  /** The ships in the match at the current step, in join order. */
  ships(): ReplayShip[] {
    return Array.from(this.cursor.ships.values());
  }

  /**
   * Moves the replay to step `tick` (clamped to the match) and returns the world there.
   * `onStep` sees the world after each step run on the way (its events among it): none
   * when the replay starts over from a copy. With `maxSteps`, it runs at most that many
   * steps and stops short: a caller drawing frames goes on at the next one.
   */
  seek(tick: number, onStep?: (world: World) => void, maxSteps = Number.POSITIVE_INFINITY): World {
    const target = Math.max(0, Math.min(this.endTick, Math.floor(tick)));
    let nearest: ReplayCursor | undefined;
    for (let i = Math.floor(target / this.snapshotSteps); i >= 0 && !nearest; i--) nearest = this.snapshots[i];
    // Back in time, or a jump ahead past a copy already made: start from the nearest copy.
    if (nearest && (target < this.tick || nearest.world.tick > this.tick)) this.cursor = copyOf(nearest);
    for (let run = 0; this.tick < target && run < maxSteps; run++) {
      this.advance();
      onStep?.(this.cursor.world);
    }
    return this.cursor.world;
  }

  /** Runs the whole match, checking every recorded hash. */
  verify(): { checked: number; mismatches: HashMismatch[] } {
    this.seek(this.endTick);
    return { checked: this.checked, mismatches: this.mismatches };
  }

  private advance(): void {
    const cursor = this.cursor;
    const next = cursor.world.tick + 1;
    while (cursor.event < this.events.length && this.events[cursor.event]![0] <= next) this.apply(this.events[cursor.event++]!);
    step(cursor.world, cursor.keys, this.dt, cursor.rewind);
    const tick = cursor.world.tick;
    if (tick > this.verifiedUpTo) {
      this.verifiedUpTo = tick;
      const recorded = this.hashes.get(tick);
      if (recorded !== undefined) {
        this.checked++;
        const replayed = stateHash(cursor.world);
        if (replayed !== recorded) this.mismatches.push({ tick, recorded, replayed });
      }
    }
    if (tick % this.snapshotSteps === 0 && !this.snapshots[tick / this.snapshotSteps])
      this.snapshots[tick / this.snapshotSteps] = copyOf(cursor);
  }

  private apply(event: ReplayEvent): void {
    const { world, keys, rewind, ships } = this.cursor;
    if (event[1] === ReplayOp.Join) {
      const [, , ship, id, name, color, score] = event;
      addShip(world, id).score = score;
      keys[id] = 0;
      ships.set(ship, { ship, id, name, color });
      return;
    }
    const id = ships.get(event[2])?.id;
    if (id === undefined) throw new ReplayFormatError(`replay event at step ${event[0]} names ship ${event[2]}, which is not in the match`);
    if (event[1] === ReplayOp.Leave) {
      removeShip(world, id);
      delete keys[id];
      delete rewind[id];
      ships.delete(event[2]);
    } else if (event[1] === ReplayOp.Keys) keys[id] = event[3];
    else rewind[id] = event[3];
  }
}

function copyOf(cursor: ReplayCursor): ReplayCursor {
  return {
    world: cloneWorld(cursor.world),
    keys: { ...cursor.keys },
    rewind: { ...cursor.rewind },
    ships: new Map(cursor.ships),
    event: cursor.event,
  };
}
