/**
 * `npm run bench:patch`: what one state patch is made of. Plays 100 bot brains in a
 * room in-process (the shared simulation, no sockets) for 30 simulated seconds and
 * encodes the replicated state every third step, as the room does at 20 Hz, with
 * Colyseus's own encoder: bytes per patch in total and by collection. Deterministic
 * and quick, so wire-format changes can be weighed before a full load run.
 */
import { Encoder, StateView } from "@colyseus/schema";
import { TICK_DT, TICK_RATE, PATCH_RATE } from "../../shared/constants";
import { addShip } from "../../shared/lifecycle";
import { GameState } from "../../shared/schema";
import { summarize } from "../../shared/stats";
import { createWorld, step } from "../../shared/step";
import type { World } from "../../shared/world";
import { createMind, think, type BotMind } from "../../loadtest/botBrain";
import { createShipState, mirrorWorld } from "../../server/rooms/mirrorWorld";
import { parseCommandOrExit } from "../cli";

export interface PatchAnatomy {
  players: number;
  patches: number;
  /** Bytes per patch of one client (the shared changes and its own ship's owner-only fields), median and p99. */
  total: { median: number; p99: number };
  /** Median bytes per patch of a state holding only that collection (the tick field included in each). */
  ships: number;
  bullets: number;
  asteroids: number;
  /** Mean entities alive at a patch. */
  alive: { ships: number; bullets: number; asteroids: number };
  /** KB/s down per client at the patch rate (median patch). */
  downKBps: number;
}

type Part = "all" | "ships" | "bullets" | "asteroids";
const PARTS: readonly Part[] = ["all", "ships", "bullets", "asteroids"];

/** The world as one collection's state would see it: the other collections empty. */
function partOf(world: World, part: Part): World {
  if (part === "all") return world;
  return {
    ...world,
    ships: part === "ships" ? world.ships : [],
    bullets: part === "bullets" ? world.bullets : [],
    asteroids: part === "asteroids" ? world.asteroids : [],
  };
}

export function measurePatchAnatomy(players = 100, seconds = 30, seed = 42): PatchAnatomy {
  const world = createWorld(seed);
  const minds = new Map<string, BotMind>();
  const kinds = PARTS;
  const states = Object.fromEntries(kinds.map((kind) => [kind, new GameState()])) as Record<Part, GameState>;
  for (let i = 0; i < players; i++) {
    const id = `p${i}`;
    addShip(world, id);
    minds.set(id, createMind(i + 1));
    for (const kind of kinds) if (kind === "all" || kind === "ships") states[kind].ships.set(id, createShipState(id, "#ffffff"));
  }
  const encoders = Object.fromEntries(kinds.map((kind) => [kind, new Encoder(states[kind])])) as Record<Part, Encoder<GameState>>;
  for (const kind of kinds) encoders[kind].discardChanges();
  // One player's StateView, as the room gives each client: its own ship's owner-only fields.
  const ownView = new StateView();
  ownView.add(states.all.ships.get("p0")!);

  const sizes: Record<Part, number[]> = { all: [], ships: [], bullets: [], asteroids: [] };
  const alive = { ships: 0, bullets: 0, asteroids: 0 };
  const stepsPerPatch = TICK_RATE / PATCH_RATE;
  const totalSteps = seconds * TICK_RATE;
  let patches = 0;
  for (let tick = 1; tick <= totalSteps; tick++) {
    const nowMs = tick * TICK_DT * 1000;
    const keys: Record<string, number> = {};
    for (const ship of world.ships) {
      const others = world.ships.filter((other) => other !== ship);
      keys[ship.id] = think(minds.get(ship.id)!, { self: ship, others }, nowMs);
    }
    step(world, keys, TICK_DT);
    for (const kind of kinds) mirrorWorld(partOf(world, kind), states[kind], () => tick);
    if (tick % stepsPerPatch !== 0) continue;
    patches++;
    for (const kind of kinds) {
      // As Colyseus's serializer does: the shared changes once, then each client's StateView appended.
      const it = { offset: 1 };
      const shared = encoders[kind].encode(it);
      const bytes = kind === "all" ? encoders[kind].encodeView(ownView, it.offset, it).byteLength : shared.byteLength;
      sizes[kind].push(bytes);
      encoders[kind].discardChanges();
    }
    alive.ships += world.ships.filter((ship) => ship.alive).length;
    alive.bullets += world.bullets.length;
    alive.asteroids += world.asteroids.length;
  }
  const total = summarize(sizes.all);
  return {
    players,
    patches,
    total: { median: total.median, p99: total.p99 },
    ships: summarize(sizes.ships).median,
    bullets: summarize(sizes.bullets).median,
    asteroids: summarize(sizes.asteroids).median,
    alive: { ships: alive.ships / patches, bullets: alive.bullets / patches, asteroids: alive.asteroids / patches },
    downKBps: (total.median * PATCH_RATE) / 1000,
  };
}

if (require.main === module) {
  // No flags: the run is fixed (100 players, 30 s, seed 42) so its numbers compare across commits.
  parseCommandOrExit({
    name: "bench:patch",
    invocation: "npm run bench:patch --",
    summary: "What one state patch is made of: 100 bot brains in-process for 30 simulated seconds; prints JSON.",
    flags: {},
  });
  const anatomy = measurePatchAnatomy();
  console.log(JSON.stringify(anatomy, null, 2));
}
