/**
 * The netcode debug overlay in a real browser against the real server: F3 shows live
 * numbers read the way a player reads them (the text on screen), its switches reach the
 * session, its controls never keep the keys from the ship, and a page opened with
 * `?latency=150` shows the simulated round trip in its ping.
 */
import type { ColyseusTestServer } from "@colyseus/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import type { DebugSnapshot } from "../../web/src/debugSnapshot";
import { clearField, placeShip } from "../support/arena";
import { builtWebRoot, debugSnapshotOf, launchChromium, waitForSnapshot } from "../support/browser";
import { bootGameServer, httpBaseOf, sleep, waitFor } from "../support/gameServer";

let server: ColyseusTestServer;
let browser: Browser;
let baseUrl: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await bootGameServer({ webRoot: await builtWebRoot() });
  baseUrl = httpBaseOf(server);
  browser = await launchChromium();
}, 120_000);

/** Pages go first: a page still connected holds the server's shutdown up for about a minute. */
async function closePages(): Promise<void> {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
}

afterAll(async () => {
  await closePages();
  await browser?.close();
  await server?.shutdown();
}, 60_000);

/** A player who opened the page (with `search` in its URL) and pressed Quick play. */
async function quickPlay(name: string, search = ""): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[${name} page error]`, error));
  page.on("console", (message) => {
    if (message.type() === "error") console.error(`[${name} console]`, message.text());
  });
  await page.goto(`${baseUrl}/${search}`);
  await page.getByTestId("name").fill(name);
  await page.getByTestId("quick-play").click();
  await waitForSnapshot(page, (snapshot) => snapshot.screen === "game" && (snapshot.ships?.length ?? 0) >= 1);
  return page;
}

/**
 * Esc back to the lobby, and wait until the server has let the ship go. A page closed in
 * the game would be a dropped player, whose seat the room keeps for its reconnection window.
 */
async function leaveGame(page: Page): Promise<void> {
  const snapshot = await debugSnapshotOf(page);
  await page.keyboard.press("Escape");
  await waitForSnapshot(page, (candidate) => candidate.screen === "lobby");
  const room = snapshot?.roomId === undefined ? undefined : server.getRoomById<AsteroidsRoom>(snapshot.roomId);
  const gone = await waitFor(() => !room || room.state.ships.get(snapshot?.sessionId ?? "") === undefined, 5000);
  expect(gone).toBe(true);
}

/** The number an overlay line starts with ("152 ms" → 152); NaN while it shows none ("…"). */
async function shown(page: Page, testId: string): Promise<number> {
  return parseFloat((await page.getByTestId(testId).textContent()) ?? "");
}

/** Polls an overlay number until `check` holds; fails with the last text seen. */
async function waitForShown(page: Page, testId: string, check: (value: number) => boolean, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await shown(page, testId);
    if (check(value)) return value;
    await sleep(100);
  }
  throw new Error(`${testId} never passed its check; it shows "${await page.getByTestId(testId).textContent()}"`);
}

function ownShip(snapshot: DebugSnapshot) {
  return snapshot.ships?.find((ship) => ship.id === snapshot.sessionId);
}

/** Waits until the own ship is drawn within 1 px of (x, y). */
function waitForOwnShipAt(page: Page, x: number, y: number): Promise<DebugSnapshot> {
  return waitForSnapshot(page, (snapshot) => {
    const ship = ownShip(snapshot);
    return !!ship && Math.abs(ship.x - x) < 1 && Math.abs(ship.y - y) < 1;
  });
}

function focusedTag(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.tagName);
}

test("a page opened with ?latency=150 shows the simulated round trip in its ping; a plain page a small one", async () => {
  const slow = await quickPlay("Slow", "?latency=150");
  const fast = await quickPlay("Fast");
  await Promise.all([slow.keyboard.press("F3"), fast.keyboard.press("F3")]);

  // Measured by the SDK's own ping, which goes through the simulated link both ways.
  expect(await waitForShown(slow, "stat-ping", Number.isFinite)).toBeGreaterThanOrEqual(140);
  expect(await slow.getByTestId("stat-link").textContent()).toBe("+150 ms");
  expect(await slow.getByTestId("sim-latency").inputValue()).toBe("150");
  // The first ping leaves while the page is still busy joining and can read tens of ms;
  // the ones after (one a second) show the loopback's real round trip.
  await waitForShown(fast, "stat-ping", (ping) => ping < 20, 5000);
  expect(await shown(slow, "stat-ping")).toBeGreaterThanOrEqual(140);
  await Promise.all([leaveGame(slow), leaveGame(fast)]);
  await closePages();
}, 60_000);

test("F3 shows live netcode numbers; its switches and simulator reach the session without taking the keys", async () => {
  const page = await quickPlay("Quinn");
  const overlay = page.getByTestId("debug-overlay");
  expect(await overlay.count()).toBe(0);
  await page.keyboard.press("F3");
  await overlay.waitFor({ timeout: 5000 });

  // A numeric ping, the server's 20 patches a second, bytes both ways, a tick that moves on.
  await waitForShown(page, "stat-ping", Number.isFinite);
  expect(await page.getByTestId("stat-ping").textContent()).toMatch(/^\d+ ms$/);
  await sleep(1200); // the patch rate counts the last second: let it fill
  for (let sample = 0; sample < 3; sample++) {
    const rate = await shown(page, "stat-patch-rate");
    expect(rate).toBeGreaterThanOrEqual(17);
    expect(rate).toBeLessThanOrEqual(23);
    await sleep(300);
  }
  expect(await shown(page, "stat-bytes-in")).toBeGreaterThan(0);
  expect(await shown(page, "stat-bytes-out")).toBeGreaterThan(0);
  expect(await page.getByTestId("stat-link").textContent()).toBe("real link");
  const tick = await shown(page, "stat-tick");
  // 0.6 s is 36 steps at 60 Hz; the overlay refreshes every 250 ms.
  await waitForShown(page, "stat-tick", (later) => later >= tick + 20, 3000);

  // Prediction off reaches the session, and the checkbox hands the keys back to the game.
  const snapshot = await waitForSnapshot(page, (candidate) => !!ownShip(candidate));
  const room = server.getRoomById<AsteroidsRoom>(snapshot.roomId!);
  clearField(room);
  await page.getByTestId("toggle-prediction").click();
  await waitForSnapshot(page, (candidate) => candidate.netcode?.prediction === false);
  expect(await page.getByTestId("toggle-prediction").isChecked()).toBe(false);
  expect(await focusedTag(page)).toBe("BODY");
  placeShip(room, snapshot.sessionId!, { x: 480, y: 270, angle: 0 });
  await waitForOwnShipAt(page, 480, 270);
  await page.keyboard.down("ArrowUp");
  await waitForSnapshot(page, (candidate) => (ownShip(candidate)?.x ?? 0) > 500);
  await page.keyboard.up("ArrowUp");
  await sleep(300); // inputs on their way still thrust for a moment

  // Arrows typed into a simulator field change the field, not the ship.
  placeShip(room, snapshot.sessionId!, { x: 300, y: 270, angle: 0 });
  await waitForOwnShipAt(page, 300, 270);
  const latency = page.getByTestId("sim-latency");
  await latency.click();
  for (let press = 0; press < 5; press++) await page.keyboard.press("ArrowUp");
  await page.keyboard.type("w");
  expect(await latency.inputValue()).toBe("50");
  await sleep(500);
  await waitForOwnShipAt(page, 300, 270);
  // Enter applies it, gives the keys back, and the ping grows by the added round trip.
  await page.keyboard.press("Enter");
  expect(await focusedTag(page)).toBe("BODY");
  await page.getByTestId("stat-link").filter({ hasText: "+50 ms" }).waitFor({ timeout: 2000 });
  await waitForShown(page, "stat-ping", (ping) => ping >= 45, 5000);
  await page.getByTestId("sim-off").click();
  await page.getByTestId("stat-link").filter({ hasText: "real link" }).waitFor({ timeout: 2000 });

  // ` toggles it too; F3 again hides it.
  await page.keyboard.press("Backquote");
  await overlay.waitFor({ state: "detached", timeout: 2000 });
  await page.keyboard.press("Backquote");
  await overlay.waitFor({ timeout: 2000 });
  expect(await page.getByTestId("toggle-prediction").isChecked()).toBe(false); // the session's options, not the panel's
  await page.keyboard.press("F3");
  await overlay.waitFor({ state: "detached", timeout: 2000 });
  await leaveGame(page);
  await closePages();
}, 60_000);
