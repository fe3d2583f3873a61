/**
 * The replay listing (GET /api/replays) on a real server on loopback: limited per address
 * like matchmaking (429 with retry-after past it), and answered without a synchronous read
 * of the replay directory, which would stall every room's ticks on the same event loop.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { ROOM_NAME } from "../shared/net/messages";
import { httpBaseOf, useGameServer, waitFor } from "./support/gameServer";

const replayDir = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-replay-listing-"));
process.env.REPLAY_DIR = replayDir;
const BURST = 3;
// Loopback counts here, as a client address of its own: without it local bots and benches would be limited.
const server = useGameServer({ replayRateLimit: { burst: BURST, perSecond: 0.5, includeLoopback: true } });

afterAll(() => fs.rmSync(replayDir, { recursive: true, force: true }));

test("the listing is limited per address: a burst, then 429 with retry-after", async () => {
  const url = `${httpBaseOf(server())}/api/replays`;
  const statuses: number[] = [];
  let refused: Response | undefined;
  for (let i = 0; i < BURST + 2; i++) {
    const response = await fetch(url);
    statuses.push(response.status);
    if (response.status === 429) refused = response;
    else await response.arrayBuffer();
  }
  expect(statuses).toEqual([200, 200, 200, 429, 429]);
  expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(((await refused!.json()) as { error: string }).error).toMatch(/too many replay requests from your address: try again in \d+ s/);
});

test("the listing reads the replay directory without synchronous file calls", async () => {
  // A finished recording and a live one to list.
  const done = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 1 });
  await done.disconnect();
  await server().createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 2 });
  expect(await waitFor(() => fs.readdirSync(replayDir).length === 2)).toBe(true);

  const calls: string[] = [];
  const spies = (["statSync", "readdirSync", "openSync", "readFileSync"] as const).map((name) => {
    const original = fs[name] as (...args: unknown[]) => unknown;
    return jest.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
      if (typeof args[0] === "string" && args[0].startsWith(replayDir)) calls.push(`${name} ${args[0]}`);
      return original.apply(fs, args);
    }) as never);
  });
  let listed: Array<{ id: string; recording: boolean }>;
  try {
    // The test above spent loopback's bucket: at half a request a second, one comes back in 2 s.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const response = await fetch(`${httpBaseOf(server())}/api/replays`);
    expect(response.status).toBe(200);
    listed = (await response.json()) as Array<{ id: string; recording: boolean }>;
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  expect(calls).toEqual([]);
  expect(listed.map((entry) => entry.recording).sort()).toEqual([false, true]);
});
