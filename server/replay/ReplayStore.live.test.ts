/**
 * Recordings still being written: they count towards REPLAY_MAX_MB as they grow, one is
 * capped by REPLAY_MAX_RECORDING_MB and all of them together by REPLAY_MAX_MB, and a
 * recording refused a write ends readable with its room still playing. Also the listing's
 * asynchronous read.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ReplayOp } from "../../shared/replay/recording";
import { readRecording } from "../../shared/replay/replayFile";
import { createWorld } from "../../shared/sim/step";
import { MatchRecorder } from "./MatchRecorder";
import { newReplayId, ReplayStore } from "./ReplayStore";

const KB = 1024;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-replays-live-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const fileOf = (id: string): string => path.join(dir, `${id}.ntr`);
const filler = (bytes: number): Uint8Array => new Uint8Array(bytes).fill(7);

async function until(check: () => boolean, timeoutMs = 2000): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return check();
}

test("a recording still being written counts towards REPLAY_MAX_MB as it grows: the oldest finished ones make room", async () => {
  const store = new ReplayStore({ dir, maxCount: 100, maxBytes: 40 * KB });
  const old = store.create("old");
  old.write(filler(20 * KB));
  old.close();
  const past = new Date(Date.UTC(2026, 0, 1));
  fs.utimesSync(fileOf("old"), past, past);

  const live = store.create("live");
  for (let i = 0; i < 30; i++) live.write(filler(KB));
  // 20 KB finished and 30 KB live do not fit in 40 KB: the finished one goes, while the live one is still written.
  expect(await until(() => !fs.existsSync(fileOf("old")))).toBe(true);
  expect(fs.statSync(fileOf("live")).size).toBe(30 * KB);
  expect(store.isRecording("live")).toBe(true);
  live.close();
});

test("one recording stops at REPLAY_MAX_RECORDING_MB, and all live ones together at REPLAY_MAX_MB, each write refused whole", async () => {
  const store = new ReplayStore({ dir, maxCount: 100, maxBytes: 20 * KB, maxRecordingBytes: 15 * KB });
  const a = store.create("a");
  a.write(filler(12 * KB));
  expect(() => a.write(filler(4 * KB))).toThrow(/reached its limit of 0.0146 MB \(REPLAY_MAX_RECORDING_MB\)/);
  expect(fs.statSync(fileOf("a")).size).toBe(12 * KB);
  const b = store.create("b");
  b.write(filler(6 * KB));
  expect(() => b.write(filler(4 * KB))).toThrow(/recordings being written reached 0.0195 MB in all \(REPLAY_MAX_MB\)/);
  a.close();
  // Closed, a's bytes no longer count against the live ones.
  b.write(filler(4 * KB));
  b.close();
  await store.settled();
});

test("a recorder refused a write stops once, keeps its file readable, and holds it live until its room closes", () => {
  const store = new ReplayStore({ dir, maxCount: 100, maxBytes: 1e9, maxRecordingBytes: 2 * KB });
  const world = createWorld(3, { width: 960, height: 540 });
  const id = newReplayId(Date.UTC(2026, 0, 1), "capped");
  const failures: unknown[] = [];
  const recorder = new MatchRecorder(world, { roomName: "Capped", seed: 3, tickRate: 60, startedAt: 0 }, store.create(id), {
    onFailure: (error) => failures.push(error),
  });
  recorder.join(world, "ship", "Ann", "#ff0000", 0);
  // Keys that change every step until well past the limit (each second is a record).
  for (let tick = 1; tick <= 60 * 60 && recorder.recording; tick++) {
    world.tick = tick;
    recorder.stepped(world, { ship: 1 + (((tick * 7) >>> 0) % 31) }, {}, 60);
  }
  expect(recorder.recording).toBe(false);
  expect(failures).toHaveLength(1);
  // The match is still on: its file is not served (see routes.ts) until the room closes.
  expect(store.isRecording(id)).toBe(true);
  world.tick += 60;
  recorder.stepped(world, {}, {}, 60);
  recorder.finish(world, 1);
  expect(store.isRecording(id)).toBe(false);
  expect(failures).toHaveLength(1);

  const bytes = fs.readFileSync(fileOf(id));
  expect(bytes.length).toBeLessThanOrEqual(2 * KB);
  const recording = readRecording(bytes);
  expect(recording.finished).toBe(false);
  expect(recording.problem).toBeUndefined();
  expect(recording.chunks.length).toBeGreaterThan(0);
  expect(recording.chunks[0]!.events.filter((event) => event[1] === ReplayOp.Keys)).toHaveLength(60);
});

test("the asynchronous listing: newest first, live ones marked, junk left out, at most `limit`", async () => {
  const store = new ReplayStore({ dir, maxCount: 100, maxBytes: 1e9 });
  const ids = [1, 2, 3].map((n) => newReplayId(Date.UTC(2026, 0, 1) + n * 1000, `room${n}`));
  for (const [n, id] of ids.entries()) {
    const world = createWorld(n, { width: 960, height: 540 });
    const recorder = new MatchRecorder(world, { roomName: `Sector ${n}`, seed: n, tickRate: 60, startedAt: n }, store.create(id));
    if (n < 2) recorder.finish(world, n + 1);
  }
  fs.writeFileSync(path.join(dir, "zzz-broken.ntr"), "NTRP1\nxx");
  fs.writeFileSync(path.join(dir, "notes.txt"), "hello");
  const listed = await store.listing(2);
  expect(listed.map((entry) => [entry.id, entry.roomName, entry.recording])).toEqual([
    [ids[2], "Sector 2", true],
    [ids[1], "Sector 1", false],
  ]);
  expect(await store.listing(50)).toEqual(store.list());
});
