/**
 * A recording survives its server: a server process killed mid-match (SIGKILL, no shutdown)
 * leaves a recording that reads up to its last second and replays to every hash in it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BotFleet } from "../loadtest/BotFleet";
import { ROOM_NAME } from "../shared/net/messages";
import { MatchReplayer } from "../shared/replay/MatchReplayer";
import { readRecording } from "../shared/replay/replayFile";
import { sleep } from "./support/gameServer";
import { startServerProcess, type ServerProcess } from "./support/serverProcess";

const replayDir = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-replay-crash-"));
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.child.stop();
  fs.rmSync(replayDir, { recursive: true, force: true });
});

test("a server killed mid-match leaves a recording readable and replayable up to its last second", async () => {
  server = await startServerProcess({ REPLAY_DIR: replayDir });
  const fleet = new BotFleet(`ws://127.0.0.1:${server.port}`);
  try {
    for (let i = 0; i < 3; i++) await fleet.add({ roomName: ROOM_NAME, create: i === 0 }, i);
    await sleep(4500);
    server.child.process.kill("SIGKILL");
    await server.child.stop();
  } finally {
    await fleet.stop().catch(() => undefined);
  }

  const files = fs.readdirSync(replayDir).filter((name) => name.endsWith(".ntr"));
  expect(files).toHaveLength(1);
  const recording = readRecording(fs.readFileSync(path.join(replayDir, files[0]!)));
  expect(recording.finished).toBe(false);
  // About 4 s of match: at least 3 whole seconds were written before the kill.
  expect(recording.chunks.length).toBeGreaterThanOrEqual(3);
  const { checked, mismatches } = new MatchReplayer(recording).verify();
  expect(mismatches).toEqual([]);
  expect(checked).toBe(recording.chunks.length);
}, 60_000);
