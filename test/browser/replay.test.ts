/**
 * The replay page in Chromium: a match played by SDK bots is listed in the lobby, plays in
 * the browser with the shared simulation (every recorded hash matching), pauses, seeks
 * back and forth, follows a ship, and opens from a downloaded file; a tampered file is
 * reported loudly, a damaged one with a clear message.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { BotFleet } from "../../loadtest/BotFleet";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { ROOM_NAME } from "../../shared/net/messages";
import { encodeFileStart, encodeRecord, readRecording } from "../../shared/replay/replayFile";
import { SIMULATION_VERSION } from "../../shared/sim/simulationVersion";
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";
import { sleep, waitFor } from "../support/gameServer";

const replayDir = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-replay-page-"));
process.env.REPLAY_DIR = replayDir;
const game = useBrowserGame();
afterAll(() => fs.rmSync(replayDir, { recursive: true, force: true }));

/** Plays a short match with bots and returns its recording's id, once the room has closed it. */
async function recordMatch(seconds: number): Promise<string> {
  const room = await game.server.createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 99, seats: 8, roomName: "Replayed" });
  const fleet = new BotFleet(game.baseUrl.replace("http", "ws"));
  try {
    for (let i = 0; i < 3; i++) await fleet.add({ roomId: room.roomId }, i);
    await sleep(seconds * 1000);
  } finally {
    await fleet.stop();
  }
  expect(await waitFor(() => room.recorder?.recording === false, 5000)).toBe(true);
  const listed = (await (await fetch(`${game.baseUrl}/api/replays`)).json()) as Array<{ id: string; roomName: string }>;
  const replay = listed.find((entry) => entry.roomName === "Replayed");
  expect(replay).toBeDefined();
  return replay!.id;
}

async function openPage(): Promise<Page> {
  const page = await game.newPage({ viewport: { width: 1100, height: 700 } });
  page.on("pageerror", (error) => console.error("[page error]", error));
  return page;
}

const replayOf = async (page: Page) => (await waitForSnapshot(page, (snapshot) => snapshot.screen === "replay")).replay!;

test("a recorded match plays in the browser, pauses, seeks, follows a ship and matches every hash", async () => {
  const id = await recordMatch(8);
  const page = await openPage();
  await page.goto(game.baseUrl);
  await page.getByTestId("replay-item").filter({ hasText: "Replayed" }).getByRole("link").first().click();
  await page.waitForURL(`**/replay/${id}`);

  // It plays: the step advances on its own.
  const start = await waitForSnapshot(page, (snapshot) => (snapshot.replay?.tick ?? 0) > 30);
  const endTick = start.replay!.endTick!;
  expect(endTick).toBeGreaterThan(7 * 60);
  await waitForSnapshot(page, (snapshot) => snapshot.replay!.tick! > start.replay!.tick! + 30);

  // Paused, it stays put; the timeline seeks forward and back to exact steps.
  await page.getByTestId("replay-play").click();
  const paused = await waitForSnapshot(page, (snapshot) => snapshot.replay?.playing === false);
  await sleep(300);
  expect((await replayOf(page)).tick).toBe(paused.replay!.tick);
  const middle = Math.floor(endTick / 2);
  await page.getByTestId("replay-timeline").fill(String(middle));
  await waitForSnapshot(page, (snapshot) => snapshot.replay?.tick === middle);
  await page.getByTestId("replay-timeline").fill("60");
  await waitForSnapshot(page, (snapshot) => snapshot.replay?.tick === 60);

  // The free camera shows the whole field; the wheel zooms in, a drag moves it.
  const free = await waitForSnapshot(page, (snapshot) => snapshot.camera !== undefined);
  const box = (await page.getByTestId("replay-canvas").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -100);
  const zoomed = await waitForSnapshot(page, (snapshot) => snapshot.camera!.scale > free.camera!.scale * 1.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 100, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await waitForSnapshot(page, (snapshot) => Math.abs(snapshot.camera!.x - zoomed.camera!.x) > 50);
  await page.getByTestId("replay-canvas").dblclick();
  await waitForSnapshot(page, (snapshot) => snapshot.camera!.scale === free.camera!.scale);

  // Following a ship: the camera settles on it.
  const options = await page
    .getByTestId("replay-follow")
    .locator("option")
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value));
  const shipId = options.find((value) => value !== "")!;
  await page.getByTestId("replay-follow").selectOption(shipId);
  const following = await waitForSnapshot(page, (snapshot) => {
    const ship = snapshot.ships?.find((drawn) => drawn.id === shipId);
    return snapshot.replay?.followed === shipId && !!ship && Math.hypot(snapshot.camera!.x - ship.x, snapshot.camera!.y - ship.y) < 1;
  });
  expect(following.camera!.scale).toBeGreaterThan(free.camera!.scale);

  // To the end at 4×: every recorded hash checked, none different.
  await page.getByTestId("replay-speed").selectOption("4");
  await page.getByTestId("replay-play").click();
  const end = await waitForSnapshot(page, (snapshot) => snapshot.replay?.tick === endTick, 20_000);
  expect(end.replay!.mismatches).toBe(0);
  expect(end.replay!.checked).toBeGreaterThanOrEqual(Math.floor(endTick / 60));
  await expect(page.getByTestId("replay-mismatch").count()).resolves.toBe(0);
}, 90_000);

test("a downloaded replay opens from a file; a tampered one is reported loudly, a damaged one clearly", async () => {
  const id = await recordMatch(4);
  const download = await fetch(`${game.baseUrl}/api/replays/${id}?download`);
  expect(download.headers.get("content-disposition")).toContain(`netroids-${id}.ntr`);
  const bytes = new Uint8Array(await download.arrayBuffer());

  const page = await openPage();
  await page.goto(game.baseUrl);
  await page
    .getByTestId("replay-file")
    .setInputFiles({ name: "match.ntr", mimeType: "application/octet-stream", buffer: Buffer.from(bytes) });
  const opened = await waitForSnapshot(page, (snapshot) => (snapshot.replay?.tick ?? 0) > 0);
  expect(opened.replay!.endTick).toBeGreaterThan(3 * 60);

  // The same match with one second's hash changed: the replay says so on the page.
  const recording = readRecording(bytes);
  const tampered = recording.chunks.map((chunk, i) => (i === 1 ? { ...chunk, hash: "00000000" } : chunk));
  const forged = Buffer.concat([encodeFileStart(recording.header), ...tampered.map(encodeRecord)]);
  await page.getByRole("button", { name: "Lobby" }).click();
  await page.getByTestId("replay-file").setInputFiles({ name: "forged.ntr", mimeType: "application/octet-stream", buffer: forged });
  await page.getByTestId("replay-mismatch").waitFor({ timeout: 10_000 });
  expect(await page.getByTestId("replay-mismatch").textContent()).toContain("at step 120");

  // The tampered file stamped with another simulation version: the page says the version, not "does not match".
  const older = Buffer.concat([encodeFileStart({ ...recording.header, simulation: 1 }), ...tampered.map(encodeRecord)]);
  await page.getByRole("button", { name: "Lobby" }).click();
  await page.getByTestId("replay-file").setInputFiles({ name: "older.ntr", mimeType: "application/octet-stream", buffer: older });
  await page.getByTestId("replay-version").waitFor({ timeout: 10_000 });
  expect(await page.getByTestId("replay-version").textContent()).toContain(
    `Recorded with simulation version 1; this build plays version ${SIMULATION_VERSION}`,
  );
  const other = await waitForSnapshot(page, (snapshot) => (snapshot.replay?.tick ?? 0) > 150);
  expect(other.replay!.simulation).toEqual({ recorded: 1, played: SIMULATION_VERSION });
  expect(other.replay!.mismatches).toBe(1);
  await expect(page.getByTestId("replay-mismatch").count()).resolves.toBe(0);

  // Half a file's bytes, garbled: a message, not a broken page.
  await page.getByRole("button", { name: "Lobby" }).click();
  const garbled = Buffer.from(bytes.subarray(0, bytes.length >> 1).map((byte, i) => (i > 40 ? byte ^ 0x5a : byte)));
  await page.getByTestId("replay-file").setInputFiles({ name: "garbled.ntr", mimeType: "application/octet-stream", buffer: garbled });
  const message = page.getByTestId("replay-message");
  await message.waitFor();
  expect(await message.textContent()).toMatch(/cannot be played: .*(damaged|cut short)/);
}, 60_000);
