/**
 * `npm run screenshots`: regenerates docs/lobby.png, docs/game.png, docs/phone.png, docs/dashboard.png and docs/replay.png.
 * Boots the real server (dashboard on, loopback only) on a loopback port, fills a full-size
 * room (4 × 4 screens) and a small one with scripted SDK players that fly and shoot, puts a
 * few of them near the photographer's ship (the rest show on the minimap), and photographs
 * the pages in Chromium. Bounded: about 30 seconds.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { matchMaker } from "@colyseus/core";
import { Client, type Room } from "@colyseus/sdk";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { createGameServer, listenOnLoopback } from "../server/app";
import { ensureWebBuild } from "../server/webBuild";
import { Key } from "../shared/sim/input";
import { ClientMessage, ROOM_NAME } from "../shared/net/messages";
import { PALETTE } from "../shared/net/palette";
import { findShip } from "../shared/sim/world";
import { REPLAYS_API, type ReplayListing } from "../shared/replay/replayListing";
import { launchChromium } from "../test/support/browser";

const DOCS = path.resolve(__dirname, "..", "docs");
const PILOTS = ["Vega", "Orion", "Lyra", "Rigel", "Nova", "Altair", "Deneb", "Mira", "Sirius", "Castor", "Pollux", "Hadar"];
/** Pilots put around the photographer's ship, as offsets from it (px): the rest stay where they spawned. */
const ESCORT = [
  { x: 220, y: -90 },
  { x: -260, y: 120 },
  { x: 120, y: 170 },
  { x: -160, y: -150 },
  { x: 560, y: 60 },
];
/** Key patterns the scripted pilots cycle through, one change every 300 ms. */
const MANOEUVRES = [Key.Up, Key.Up | Key.Left, Key.Fire, 0, Key.Up | Key.Right, Key.Fire | Key.Left, 0];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  // Recordings of this run only, so the lobby lists just its two rooms.
  process.env.REPLAY_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-screenshots-"));
  const server = createGameServer({
    webRoot: await ensureWebBuild(path.resolve(__dirname, "..", "web")),
    dashboard: { password: undefined },
  });
  const port = await listenOnLoopback(server);
  const url = `http://127.0.0.1:${port}`;
  const sdk = new Client(`ws://127.0.0.1:${port}`);
  const pilots: Room[] = [];
  const first = await sdk.create(ROOM_NAME, { roomName: "Orion Belt", name: PILOTS[0], color: PALETTE[1] });
  pilots.push(first);
  for (let i = 1; i < PILOTS.length; i++)
    pilots.push(await sdk.joinById(first.roomId, { name: PILOTS[i], color: PALETTE[(i + 1) % PALETTE.length] }));
  pilots.push(await sdk.create(ROOM_NAME, { roomName: "Kuiper Drift", name: "Ceres", seats: 8 }));
  let seq = 0;
  const fly = setInterval(() => {
    seq++;
    // A manoeuvre every 300 ms, 18 steps: "these keys from this step".
    const step = seq * 18;
    pilots.forEach((pilot, i) =>
      pilot.send(ClientMessage.Input, { upTo: step, runs: [[step, MANOEUVRES[(seq + i * 2) % MANOEUVRES.length]]] }),
    );
  }, 300);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
    await page.goto(url);
    await page.getByTestId("name").fill("You");
    await page.locator("tr[data-room-name]").first().waitFor();
    await sleep(500);
    await page.screenshot({ path: path.join(DOCS, "lobby.png") });
    await page.locator(`tr[data-room-id="${first.roomId}"]`).getByRole("button", { name: "Join" }).click();
    await page.waitForFunction(() => window.__netroids?.screen === "game");
    const you = await page.evaluate(() => window.__netroids?.sessionId);
    const room = matchMaker.getLocalRoomById(first.roomId) as AsteroidsRoom;
    await page.keyboard.down("ArrowUp");
    await sleep(700);
    await page.keyboard.up("ArrowUp");
    await page.keyboard.down("Space");
    await sleep(3500);
    // The escort comes in just before the picture (the pilots keep thrusting, so they would be gone by then).
    const own = you === undefined ? undefined : findShip(room.world, you);
    ESCORT.forEach((offset, i) => {
      const pilot = pilots[i] && findShip(room.world, pilots[i].sessionId);
      if (own && pilot)
        Object.assign(pilot, {
          x: (own.x + offset.x + room.world.size.width) % room.world.size.width,
          y: (own.y + offset.y + room.world.size.height) % room.world.size.height,
          vx: 0,
          vy: 0,
        });
    });
    await sleep(500);
    await page.screenshot({ path: path.join(DOCS, "game.png") });
    // The same room on a phone held upright, with its touch pads.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const phone = await phoneContext.newPage();
    await phone.goto(url);
    await phone.getByTestId("name").fill("Thumbs");
    await phone.locator(`tr[data-room-id="${first.roomId}"]`).getByRole("button", { name: "Join" }).tap();
    await phone.waitForFunction(() => window.__netroids?.screen === "game");
    await sleep(2500);
    await phone.screenshot({ path: path.join(DOCS, "phone.png") });
    await phoneContext.close();
    const dashboard = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await dashboard.goto(`${url}/dashboard`);
    await sleep(6000);
    await dashboard.locator(".rooms button").first().click();
    await sleep(1500);
    await dashboard.screenshot({ path: path.join(DOCS, "dashboard.png"), fullPage: true });
    // The big room's match so far (not served while it is on: read from the folder), opened as a file, following one of its pilots.
    const replays = (await (await fetch(`${url}${REPLAYS_API}`)).json()) as ReplayListing[];
    const orion = replays.find((replay) => replay.roomName === "Orion Belt");
    if (!orion) throw new Error("the big room's recording is not listed");
    const replay = await browser.newPage({ viewport: { width: 1100, height: 640 } });
    await replay.goto(url);
    const buffer = fs.readFileSync(path.join(process.env.REPLAY_DIR!, `${orion.id}.ntr`));
    await replay.getByTestId("replay-file").setInputFiles({ name: "Orion Belt.ntr", mimeType: "application/octet-stream", buffer });
    await replay.waitForFunction(() => (window.__netroids?.replay?.tick ?? 0) > 60);
    await replay.getByTestId("replay-follow").selectOption({ index: 1 });
    // A moment when the pilot followed is alive and in flight.
    await replay.waitForFunction(() => {
      const snapshot = window.__netroids;
      return (snapshot?.replay?.tick ?? 0) > 150 && snapshot?.ships?.some((ship) => ship.id === snapshot.replay?.followed && ship.alive);
    });
    await replay.screenshot({ path: path.join(DOCS, "replay.png") });
    console.log(`wrote lobby.png, game.png, phone.png, dashboard.png and replay.png in ${DOCS}`);
  } finally {
    clearInterval(fly);
    await browser.close();
    await Promise.all(pilots.map((pilot) => pilot.leave(true).catch(() => undefined)));
    await server.gracefullyShutdown(false);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
