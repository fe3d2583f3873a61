/**
 * A recording has a budget (issue 25): 40 real SDK clients changing keys every step for
 * 20 s make a recording within 2 KB per player-minute that still replays to every hash;
 * and a recording past REPLAY_MAX_RECORDING_MB stops, said once, while its room plays on
 * and its file reads back up to its last record.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { replayStore } from "../server/replay/ReplayStore";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { TICK_RATE } from "../shared/constants";
import { ROOM_NAME } from "../shared/net/messages";
import { MatchReplayer } from "../shared/replay/MatchReplayer";
import { ReplayOp, type Recording } from "../shared/replay/recording";
import { readRecording } from "../shared/replay/replayFile";
import { httpBaseOf, sleep, useGameServer, waitFor } from "./support/gameServer";
import { KeySpammer, spamKeys } from "./support/keySpammer";

const replayDir = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-replay-budget-"));
process.env.REPLAY_DIR = replayDir;
const server = useGameServer();

afterAll(() => fs.rmSync(replayDir, { recursive: true, force: true }));

/** The stated budget: a recording of players changing keys as fast as they can costs at most this per player-minute. */
const MAX_BYTES_PER_PLAYER_MINUTE = 2048;
const SPAMMERS = 40;
const SPAM_MS = 20_000;

async function spammersIn(room: AsteroidsRoom, count: number): Promise<KeySpammer[]> {
  const spammers: KeySpammer[] = [];
  for (let i = 0; i < count; i++) spammers.push(await KeySpammer.join(httpBaseOf(server()), room.roomId, `spam-${i}`, 0x5eed + i));
  return spammers;
}

/** The room's recording once the room has closed (or as it is now), read back. */
async function recordingOf(room: AsteroidsRoom): Promise<{ bytes: number; recording: Recording }> {
  const listing = replayStore()!
    .list()
    .find((entry) => entry.id.endsWith(room.roomId));
  const bytes = await replayStore()!.read(listing!.id);
  return { bytes: bytes!.length, recording: readRecording(bytes!) };
}

/** Minutes each ship was in the match, added up, from the recording's own joins and leaves. */
function playerMinutes(recording: Recording): number {
  const joined = new Map<number, number>();
  let steps = 0;
  const end = recording.chunks.at(-1)!.tick;
  for (const event of recording.chunks.flatMap((chunk) => chunk.events)) {
    if (event[1] === ReplayOp.Join) joined.set(event[2], event[0]);
    if (event[1] === ReplayOp.Leave) {
      steps += event[0] - joined.get(event[2])!;
      joined.delete(event[2]);
    }
  }
  for (const since of joined.values()) steps += end - since;
  return steps / TICK_RATE / 60;
}

test(`${SPAMMERS} clients changing keys every step for ${SPAM_MS / 1000} s stay within ${MAX_BYTES_PER_PLAYER_MINUTE} B per player-minute, and replay to every hash`, async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 2512 });
  const spammers = await spammersIn(room, SPAMMERS);
  await spamKeys(spammers, SPAM_MS);
  const sentRuns = spammers.reduce((sum, spammer) => sum + spammer.sent.runs, 0);
  await Promise.all(spammers.map((spammer) => spammer.leave()));
  expect(await waitFor(() => room.recorder?.recording === false, 5000)).toBe(true);

  const { bytes, recording } = await recordingOf(room);
  const minutes = playerMinutes(recording);
  const perPlayerMinute = bytes / minutes;
  const changes = recording.chunks.flatMap((chunk) => chunk.events).filter((event) => event[1] === ReplayOp.Keys).length;
  const perShipSecond = changes / (minutes * 60);
  console.log(
    `key spam: ${SPAMMERS} clients sent ${sentRuns} key runs; recorded ${changes} changes (${perShipSecond.toFixed(1)} per ship-second), ` +
      `${bytes} B over ${minutes.toFixed(2)} player-minutes = ${(perPlayerMinute / 1024).toFixed(2)} KB per player-minute`,
  );
  // The spam was real: nearly a change a step sent, and well past what a player makes recorded.
  expect(sentRuns).toBeGreaterThan(SPAMMERS * (SPAM_MS / 1000) * TICK_RATE * 0.8);
  expect(perShipSecond).toBeGreaterThan(15);
  expect(perPlayerMinute).toBeLessThanOrEqual(MAX_BYTES_PER_PLAYER_MINUTE);
  // What the room fed its simulation is what it recorded: the replay matches every hash.
  const { checked, mismatches } = new MatchReplayer(recording).verify();
  expect(mismatches).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(SPAM_MS / 1000);
}, 90_000);

test("a recording past REPLAY_MAX_RECORDING_MB stops, said once; the room plays on and the file reads back", async () => {
  // About 2 KB: a few seconds of eight spammers.
  process.env.REPLAY_MAX_RECORDING_MB = "0.002";
  const warnings: string[] = [];
  const warn = jest.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));
  try {
    const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 2513 });
    const spammers = await spammersIn(room, 8);
    await spamKeys(spammers, 30_000, () => room.recorder?.recording === false);
    expect(room.recorder?.recording).toBe(false);
    // The room plays on: it steps and its players stay.
    const tickAtStop = room.world.tick;
    await sleep(1000);
    expect(room.world.tick).toBeGreaterThan(tickAtStop + TICK_RATE / 2);
    expect(room.clients.length).toBe(8);
    // Still a match in play: its recording is not served.
    const id = replayStore()!
      .list()
      .find((entry) => entry.id.endsWith(room.roomId))!.id;
    expect((await fetch(`${httpBaseOf(server())}/api/replays/${id}`)).status).toBe(409);
    await Promise.all(spammers.map((spammer) => spammer.leave()));
    expect(await waitFor(() => room.clients.length === 0, 5000)).toBe(true);
    await sleep(200);

    const stops = warnings.filter((line) => /recording .* stopped/.test(line));
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatch(/REPLAY_MAX_RECORDING_MB/);
    const { bytes, recording } = await recordingOf(room);
    expect(bytes).toBeLessThanOrEqual(0.002 * 1024 * 1024);
    expect(recording.problem).toBeUndefined();
    expect(recording.chunks.length).toBeGreaterThan(0);
    const { mismatches } = new MatchReplayer(recording).verify();
    expect(mismatches).toEqual([]);
  } finally {
    warn.mockRestore();
    delete process.env.REPLAY_MAX_RECORDING_MB;
  }
}, 60_000);
