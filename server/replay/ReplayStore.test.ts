/** The replay directory: retention by count and by size, listing, and ids that cannot name other files. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createWorld } from "../../shared/sim/step";
import { MatchRecorder } from "./MatchRecorder";
import { isReplayId, newReplayId, ReplayStore, replayStoreOptionsFromEnv } from "./ReplayStore";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-replays-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Records a short match as room `n`, started `n` seconds after the epoch's 2026, and closes it. */
function record(store: ReplayStore, n: number, keepOpen = false): string {
  const startedAt = Date.UTC(2026, 0, 1) + n * 1000;
  const id = newReplayId(startedAt, `room${n}`);
  const world = createWorld(n, { width: 960, height: 540 });
  const recorder = new MatchRecorder(world, { roomName: `Sector ${n}`, seed: n, tickRate: 60, startedAt }, store.create(id));
  recorder.join(world, "ship", "Ann", "#ff0000", 0);
  if (!keepOpen) recorder.finish(world, startedAt + 1000);
  // Modification times order the files for retention: make them distinct.
  const when = new Date(startedAt);
  fs.utimesSync(path.join(dir, `${id}.ntr`), when, when);
  return id;
}

test("retention by count deletes the oldest recordings first", async () => {
  const store = new ReplayStore({ dir, maxCount: 3, maxBytes: 1e9 });
  const ids = [1, 2, 3, 4, 5].map((n) => record(store, n));
  expect(store.list().map((listing) => listing.id)).toEqual([ids[4], ids[3], ids[2]]);
  await expect(store.read(ids[0]!)).resolves.toBeUndefined();
});

test("retention by size deletes the oldest until the rest fit, but never a recording still being written", () => {
  const probe = new ReplayStore({ dir, maxCount: 100, maxBytes: 1e9 });
  const size = fs.statSync(path.join(dir, `${record(probe, 0)}.ntr`)).size;
  fs.rmSync(path.join(dir, fs.readdirSync(dir)[0]!));
  const store = new ReplayStore({ dir, maxCount: 100, maxBytes: size * 2.5 });
  const open = record(store, 1, true);
  const ids = [2, 3, 4].map((n) => record(store, n));
  const kept = store.list().map((listing) => listing.id);
  expect(kept).toContain(open);
  expect(kept).toContain(ids[2]);
  expect(kept).not.toContain(ids[0]);
  expect(store.list().find((listing) => listing.id === open)?.recording).toBe(true);
});

test("a listing names the room and start; junk files in the directory are left out", () => {
  const store = new ReplayStore({ dir, maxCount: 10, maxBytes: 1e9 });
  const id = record(store, 7);
  fs.writeFileSync(path.join(dir, "notes.txt"), "hello");
  fs.writeFileSync(path.join(dir, "broken.ntr"), "NTRP1\nxx");
  expect(store.list()).toEqual([
    expect.objectContaining({ id, roomName: "Sector 7", startedAt: Date.UTC(2026, 0, 1) + 7000, recording: false }),
  ]);
});

test("ids that could name another file are refused", async () => {
  const store = new ReplayStore({ dir, maxCount: 10, maxBytes: 1e9 });
  for (const id of ["../etc/passwd", "a/b", "", ".ntr", "x".repeat(101)]) {
    expect(isReplayId(id)).toBe(false);
    await expect(store.read(id)).resolves.toBeUndefined();
  }
  expect(() => store.create("../x")).toThrow(/bad replay id/);
  expect(newReplayId(Date.UTC(2026, 11, 2, 3, 4, 5), "a.b/c")).toBe("20261202-030405-abc");
});

test("settings from the environment: off, defaults, and a clear error for nonsense", () => {
  expect(replayStoreOptionsFromEnv({ REPLAYS: "off" })).toBeUndefined();
  expect(replayStoreOptionsFromEnv({})).toEqual({
    dir: path.join(os.tmpdir(), "netroids-replays"),
    maxCount: 200,
    maxBytes: 200 * 1024 * 1024,
    maxRecordingBytes: 32 * 1024 * 1024,
  });
  expect(replayStoreOptionsFromEnv({ REPLAY_MAX_MB: "10" })?.maxRecordingBytes).toBe(10 * 1024 * 1024);
  expect(replayStoreOptionsFromEnv({ REPLAY_MAX_RECORDING_MB: "0.5" })?.maxRecordingBytes).toBe(512 * 1024);
  expect(() => replayStoreOptionsFromEnv({ REPLAY_MAX_RECORDING_MB: "0" })).toThrow(/REPLAY_MAX_RECORDING_MB/);
  expect(() => replayStoreOptionsFromEnv({ REPLAY_MAX_MB: "10", REPLAY_MAX_RECORDING_MB: "11" })).toThrow(/at most REPLAY_MAX_MB \(10\)/);
  expect(() => replayStoreOptionsFromEnv({ REPLAY_MAX_COUNT: "lots" })).toThrow(/REPLAY_MAX_COUNT/);
  expect(() => replayStoreOptionsFromEnv({ REPLAY_MAX_MB: "-1" })).toThrow(/REPLAY_MAX_MB/);
});

test("a failing disk stops the recording, not the caller", () => {
  const world = createWorld(1, { width: 960, height: 540 });
  const failures: unknown[] = [];
  let writes = 0;
  const sink = {
    write: () => {
      if (++writes > 1) throw new Error("ENOSPC: no space left on device");
    },
    close: () => undefined,
  };
  const counters = { replayBytes: 0, replaySeconds: 0 };
  const recorder = new MatchRecorder(world, { roomName: "x", seed: 1, tickRate: 60, startedAt: 0 }, sink, {
    onFailure: (error) => failures.push(error),
    counters,
  });
  for (let tick = 1; tick <= 120; tick++) {
    world.tick = tick;
    recorder.stepped(world, {}, {}, 60);
  }
  expect(recorder.recording).toBe(false);
  expect(failures).toHaveLength(1);
  expect(String(failures[0])).toMatch(/ENOSPC/);
  // The header was written and counted; the failed second was not.
  expect(counters.replayBytes).toBeGreaterThan(0);
  expect(counters.replaySeconds).toBeGreaterThan(0);
});
