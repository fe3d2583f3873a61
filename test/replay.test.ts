/**
 * Recordings of real matches: a room played by SDK bots for a minute, with joins, leaves,
 * deaths, rock splits and lag-compensated hits, re-runs in Node to the recorded state hash
 * at every second.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { replayStore } from "../server/replay/ReplayStore";
import { BotFleet } from "../loadtest/BotFleet";
import { TICK_RATE } from "../shared/constants";
import { ROOM_NAME } from "../shared/net/messages";
import { MatchReplayer } from "../shared/replay/MatchReplayer";
import { ReplayOp } from "../shared/replay/recording";
import { readRecording } from "../shared/replay/replayFile";
import { httpBaseOf, sleep, useGameServer, waitFor } from "./support/gameServer";

const replayDir = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-replay-test-"));
process.env.REPLAY_DIR = replayDir;
const server = useGameServer();

afterAll(() => fs.rmSync(replayDir, { recursive: true, force: true }));

/** What the replay re-ran, counted step by step. */
function replayTally(replayer: MatchReplayer): { kills: number; compensatedKills: number; rocksShot: number; splits: number } {
  const tally = { kills: 0, compensatedKills: 0, rocksShot: 0, splits: 0 };
  replayer.seek(0);
  while (replayer.tick < replayer.endTick) {
    const rewindOf = new Map(replayer.world.bullets.map((bullet) => [bullet.id, bullet.rewind]));
    const world = replayer.seek(replayer.tick + 1);
    for (const event of world.events) {
      if (event.kind === "shipDestroyed" && event.killerId !== null) {
        tally.kills++;
        if ((rewindOf.get(event.bulletId ?? -1) ?? 0) > 0) tally.compensatedKills++;
      }
      if (event.kind === "asteroidDestroyed" && event.shooterId !== null) {
        tally.rocksShot++;
        // A large or medium rock shot splits in two (shared/sim/asteroids.ts).
        if (event.size > 1) tally.splits++;
      }
    }
  }
  return tally;
}

test("a minute of bots, joins and leaves replays in Node to every recorded hash", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 20261202, seats: 8 });
  const fleet = new BotFleet(httpBaseOf(server()).replace("http", "ws"));
  try {
    for (let i = 0; i < 4; i++) await fleet.add({ roomId: room.roomId }, i);
    const started = Date.now();
    const at = async (seconds: number) => sleep(Math.max(0, started + seconds * 1000 - Date.now()));
    await at(15);
    // While the match is on, its recording is listed but not served: it would show every ship's position.
    const live = replayStore()!
      .list()
      .find((entry) => entry.id.endsWith(room.roomId));
    expect(live?.recording).toBe(true);
    const refused = await fetch(`${httpBaseOf(server())}/api/replays/${live!.id}`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/still on/);
    await fleet.add({ roomId: room.roomId }, 4);
    await fleet.add({ roomId: room.roomId }, 5);
    await at(25);
    await fleet.bots[1]!.leave();
    await at(40);
    await fleet.bots[0]!.leave();
    await fleet.add({ roomId: room.roomId }, 6);
    await at(60);
  } finally {
    await fleet.stop();
  }
  // The last bot's leave closes the room, and its recording with it.
  expect(await waitFor(() => room.recorder?.recording === false, 5000)).toBe(true);

  const [listing] = replayStore()!.list();
  expect(listing?.id).toContain(room.roomId);
  const recording = readRecording((await replayStore()!.read(listing!.id))!);
  expect(recording.finished).toBe(true);
  expect(recording.problem).toBeUndefined();
  expect(recording.header).toMatchObject({ seed: 20261202, width: room.world.size.width, height: room.world.size.height });
  const events = recording.chunks.flatMap((chunk) => chunk.events);
  const count = (op: number) => events.filter((event) => event[1] === op).length;
  expect(count(ReplayOp.Join)).toBe(7);
  expect(count(ReplayOp.Leave)).toBe(7);
  expect(count(ReplayOp.Keys)).toBeGreaterThan(100);
  expect(events.some((event) => event[1] === ReplayOp.Rewind && event[3] > 0)).toBe(true);

  const replayer = new MatchReplayer(recording);
  expect(replayer.endTick).toBe(room.world.tick);
  const { checked, mismatches } = replayer.verify();
  expect(mismatches).toEqual([]);
  // One hash a second for the minute played, and one at the close.
  expect(checked).toBeGreaterThanOrEqual(60);
  expect(checked).toBeLessThanOrEqual(recording.chunks.length);
  expect(recording.chunks.length).toBe(Math.floor(room.world.tick / TICK_RATE) + 1);

  const tally = replayTally(replayer);
  console.log(
    `replayed ${recording.chunks.length} records, ${checked} hashes, ${events.length} events (${recording.chunks.reduce((sum, chunk) => sum + JSON.stringify(chunk).length, 0)} B of JSON): ${JSON.stringify(tally)}`,
  );
  expect(tally.kills).toBeGreaterThan(5);
  expect(tally.compensatedKills).toBeGreaterThan(0);
  expect(tally.rocksShot).toBeGreaterThan(3);
  expect(tally.splits).toBeGreaterThan(0);
  // Seeking back and forth lands on the same worlds, with no new mismatch.
  replayer.seek(Math.floor(replayer.endTick / 2));
  replayer.seek(30 * TICK_RATE);
  replayer.seek(replayer.endTick);
  expect(replayer.mismatches).toEqual([]);
}, 120_000);
