/**
 * `npm run bench:patch`: what one client's state patch is made of. Plays 100 bot brains
 * in a full room's field in-process (the shared simulation, no sockets) for 30 simulated
 * seconds; every third step it mirrors the world into the state, brings every client's
 * StateView up to date with the room's own InterestManager, and encodes the patch as
 * Colyseus's serializer does (the shared changes once, then each client's view). It
 * reports bytes per client per patch, and how they grow with the ships in the client's
 * view. Deterministic and quick, so wire-format and interest changes can be weighed
 * before a full load run.
 */
import { Encoder, StateView } from "@colyseus/schema";
import { MINIMAP_INTERVAL_MS, PATCH_INTERVAL_MS, PATCH_RATE } from "../../shared/net/netConstants";
import { TICK_DT, TICK_RATE } from "../../shared/constants";
import { addShip } from "../../shared/sim/lifecycle";
import { GameState } from "../../shared/net/schema";
import { summarize } from "../../shared/stats";
import { createWorld, step } from "../../shared/sim/step";
import { worldSizeFor } from "../../shared/sim/worldSize";
import { createMind, think, type BotMind } from "../../loadtest/botBrain";
import { InterestManager, type Viewer } from "../../server/rooms/InterestManager";
import { addPlayerStates, mirrorWorld } from "../../server/rooms/mirrorWorld";
import { ShotLaunches } from "../../server/rooms/ShotLaunches";
import { parseCommandOrExit } from "../cli";

/** Ships in view are counted in buckets this wide for the bytes-against-ships table. */
const SHIPS_BUCKET = 5;

export interface ShipsInViewRow {
  /** Ships in the client's view (its own included), lowest of the bucket. */
  shipsFrom: number;
  shipsTo: number;
  /** Client patches that fell in the bucket. */
  samples: number;
  /** Median bytes of one client's patch in the bucket. */
  medianBytes: number;
}

export interface PatchAnatomy {
  players: number;
  /** The field, px. */
  world: { width: number; height: number };
  patches: number;
  /** Bytes per patch of one client (the shared changes plus its view's), mean, median and p99 over every client and patch. */
  perClient: { mean: number; median: number; p99: number };
  /** Ships, bullets and rocks in one client's view, mean over clients and patches. */
  inView: { ships: number; bullets: number; asteroids: number };
  /** Entities in the whole room, mean over patches. */
  alive: { ships: number; bullets: number; asteroids: number };
  /** Bytes of one client's patch against the ships in its view. */
  byShipsInView: ShipsInViewRow[];
  /** KB/s down per client at the patch rate (mean patch). */
  downKBps: number;
}

export function measurePatchAnatomy(players = 100, seconds = 30, seed = 42): PatchAnatomy {
  const size = worldSizeFor(players);
  const world = createWorld(seed, size);
  const state = new GameState();
  state.width = size.width;
  state.height = size.height;
  const minds = new Map<string, BotMind>();
  const viewers: Viewer[] = [];
  const interest = new InterestManager();
  const launches = new ShotLaunches();
  for (let i = 0; i < players; i++) {
    const id = `p${i}`;
    addShip(world, id);
    minds.set(id, createMind(i + 1));
    addPlayerStates(state, id, id, "#ffffff");
    const viewer = { sessionId: id, view: new StateView() };
    interest.showOwnShip(viewer, state);
    viewers.push(viewer);
  }
  const encoder = new Encoder(state);
  mirrorWorld(world, state, { ackOf: () => 0, refreshMinimap: true });
  interest.update(viewers, world, state);
  encoder.discardChanges();

  const perClient: number[] = [];
  const byShips = new Map<number, number[]>();
  const inView = { ships: 0, bullets: 0, asteroids: 0 };
  const alive = { ships: 0, bullets: 0, asteroids: 0 };
  const stepsPerPatch = TICK_RATE / PATCH_RATE;
  const patchesPerMinimap = Math.round(MINIMAP_INTERVAL_MS / PATCH_INTERVAL_MS);
  let patches = 0;
  for (let tick = 1; tick <= seconds * TICK_RATE; tick++) {
    const nowMs = tick * TICK_DT * 1000;
    const keys: Record<string, number> = {};
    for (const ship of world.ships) {
      // In-process bots see every ship exactly; real ones see far ships at their minimap cell (a few px off).
      const others = world.ships.filter((other) => other !== ship);
      keys[ship.id] = think(minds.get(ship.id)!, { self: ship, others, size }, nowMs);
    }
    step(world, keys, TICK_DT);
    launches.record(world, () => tick);
    if (tick % stepsPerPatch !== 0) continue;
    const launchOf = (id: number) => launches.launchOf(id);
    interest.showShots(
      viewers,
      mirrorWorld(world, state, { ackOf: () => tick, refreshMinimap: patches % patchesPerMinimap === 0, launchOf }),
    );
    launches.prune(world);
    interest.updateInTurn(viewers, world, state);
    patches++;
    const it = { offset: 1 };
    encoder.encode(it);
    const sharedOffset = it.offset;
    for (const viewer of viewers) {
      const bytes = encoder.encodeView(viewer.view!, sharedOffset, it).byteLength;
      const seen = countInView(viewer.view!, state);
      perClient.push(bytes);
      const bucket = Math.floor(seen.ships / SHIPS_BUCKET) * SHIPS_BUCKET;
      const row = byShips.get(bucket) ?? [];
      row.push(bytes);
      byShips.set(bucket, row);
      inView.ships += seen.ships;
      inView.bullets += seen.bullets;
      inView.asteroids += seen.asteroids;
    }
    encoder.discardChanges();
    alive.ships += world.ships.filter((ship) => ship.alive).length;
    alive.bullets += world.bullets.length;
    alive.asteroids += world.asteroids.length;
  }
  const samples = patches * players;
  const total = summarize(perClient);
  return {
    players,
    world: { width: size.width, height: size.height },
    patches,
    perClient: { mean: perClient.reduce((sum, bytes) => sum + bytes, 0) / perClient.length, median: total.median, p99: total.p99 },
    inView: { ships: inView.ships / samples, bullets: inView.bullets / samples, asteroids: inView.asteroids / samples },
    alive: { ships: alive.ships / patches, bullets: alive.bullets / patches, asteroids: alive.asteroids / patches },
    byShipsInView: [...byShips.entries()]
      .sort(([a], [b]) => a - b)
      .map(([from, bytes]) => ({
        shipsFrom: from,
        shipsTo: from + SHIPS_BUCKET - 1,
        samples: bytes.length,
        medianBytes: summarize(bytes).median,
      })),
    downKBps: (perClient.reduce((sum, bytes) => sum + bytes, 0) / perClient.length) * (PATCH_RATE / 1000),
  };
}

/** What a client's view holds now. */
function countInView(view: StateView, state: GameState): { ships: number; bullets: number; asteroids: number } {
  const count = (map: GameState["ships"] | GameState["bullets"] | GameState["asteroids"]) => {
    let n = 0;
    map.forEach((value) => {
      if (view.has(value)) n++;
    });
    return n;
  };
  return { ships: count(state.ships), bullets: count(state.bullets), asteroids: count(state.asteroids) };
}

if (require.main === module) {
  // No flags: the run is fixed (100 players, 30 s, seed 42) so its numbers compare across commits.
  parseCommandOrExit({
    name: "bench:patch",
    invocation: "npm run bench:patch --",
    summary: "What one client's state patch is made of: 100 bot brains in a full room, in-process, for 30 simulated seconds; prints JSON.",
    flags: {},
  });
  const anatomy = measurePatchAnatomy();
  console.log(JSON.stringify(anatomy, null, 2));
}
