/**
 * A whole match from a seed alone: ten ships whose keys come from a seeded PRNG (thrust,
 * reverse, turns, taps and long charges, in runs of a few steps to a few seconds), shots
 * judged with seeded rewinds, a ship that leaves and one that joins mid-match. It returns
 * the world's state hash every second. test/browser/determinism.test.ts runs it in Node
 * and, bundled, inside Chromium: the two lists must be identical.
 *
 * It imports only shared/ (no Node, no DOM), so the same file bundles for the browser.
 */
import { Key } from "../../shared/sim/input";
import { addShip, removeShip } from "../../shared/sim/lifecycle";
import { stateHash } from "../../shared/replay/stateHash";
import { nextRandom, type RngState } from "../../shared/sim/rng";
import { createWorld, step } from "../../shared/sim/step";
import { TICK_DT, TICK_RATE } from "../../shared/constants";
import { worldSizeFor } from "../../shared/sim/worldSize";

export interface SeededMatchResult {
  /** The state hash after each whole second: index i is the hash after step 60 × (i + 1). */
  hashes: string[];
  shots: number;
  rocksHit: number;
  kills: number;
  /** Kills by a shot (the rest are ships that flew into rocks). */
  shotDown: number;
  respawns: number;
}

const SHIPS = 10;
/** Seats of the room whose field the match plays on: a crowded one, so that ships meet. */
const SEATS = 8;
const MOVES = [Key.Up, Key.Down, Key.Left, Key.Right, Key.Up | Key.Left, Key.Up | Key.Right, 0];
/** Steps a ship keeps its keys: 1 to 90 (a tap to 1.5 s). */
const LONGEST_RUN = 90;
const LEAVES_AT = 20 * TICK_RATE;
const JOINS_AT = 35 * TICK_RATE;

interface Pilot {
  id: string;
  keys: number;
  until: number;
  rewind: number;
}

function pick<T>(rng: RngState, options: readonly T[]): T {
  return options[Math.floor(nextRandom(rng) * options.length)]!;
}

/** New keys for the next run: a move, and the trigger held for about a third of runs (long holds charge). */
function nextRun(pilot: Pilot, rng: RngState, tick: number): void {
  pilot.keys = pick(rng, MOVES) | (nextRandom(rng) < 0.35 ? Key.Fire : 0);
  pilot.until = tick + 1 + Math.floor(nextRandom(rng) * LONGEST_RUN);
  // What the player saw when firing, as lag compensation takes it: up to 30 steps back.
  pilot.rewind = Math.floor(nextRandom(rng) * 31);
}

/** Plays `seconds` of the match from `seed` and returns its hashes and what happened. */
export function playSeededMatch(seed: number, seconds: number): SeededMatchResult {
  const world = createWorld(seed, worldSizeFor(SEATS));
  // The pilots draw from a PRNG of their own, so the world's draws are the simulation's alone.
  const rng: RngState = { rngState: (seed ^ 0x9e3779b9) >>> 0 };
  const pilots: Pilot[] = [];
  const join = (id: string) => {
    addShip(world, id);
    pilots.push({ id, keys: 0, until: 0, rewind: 0 });
  };
  for (let i = 0; i < SHIPS; i++) join(`ship${i}`);
  const result: SeededMatchResult = { hashes: [], shots: 0, rocksHit: 0, kills: 0, shotDown: 0, respawns: 0 };

  for (let tick = 0; tick < seconds * TICK_RATE; tick++) {
    if (tick === LEAVES_AT) {
      removeShip(world, pilots[3]!.id);
      pilots.splice(3, 1);
    }
    if (tick === JOINS_AT) join("latecomer");
    const inputs: Record<string, number> = {};
    const seenLag: Record<string, number> = {};
    for (const pilot of pilots) {
      if (tick >= pilot.until) nextRun(pilot, rng, tick);
      inputs[pilot.id] = pilot.keys;
      seenLag[pilot.id] = pilot.rewind;
    }
    step(world, inputs, TICK_DT, seenLag);
    for (const event of world.events) {
      if (event.kind === "shot") result.shots++;
      else if (event.kind === "asteroidDestroyed") result.rocksHit++;
      else if (event.kind === "shipDestroyed") {
        result.kills++;
        if (event.killerId !== null) result.shotDown++;
      } else result.respawns++;
    }
    if (world.tick % TICK_RATE === 0) result.hashes.push(stateHash(world));
  }
  return result;
}
