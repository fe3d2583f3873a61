/**
 * The server dashboard in Chromium against a real server with bots playing: a wrong
 * password is refused, the charts fill with live data, and choosing a room shows the
 * bots' ships as a spectator without adding to the CCU.
 */
import type { ColyseusTestServer } from "@colyseus/testing";
import { matchMaker } from "@colyseus/core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { BotFleet } from "../../loadtest/BotFleet";
import { ROOM_NAME } from "../../shared/net/messages";
import { builtWebRoot, launchChromium } from "../support/browser";
import { bootGameServer, httpBaseOf, sleep } from "../support/gameServer";

const PASSWORD = "dash-test-pw";
const BOTS = 5;
let server: ColyseusTestServer;
let browser: Browser;
let fleet: BotFleet;
const contexts: BrowserContext[] = [];

interface DashboardDebug {
  points: number;
  rooms: number;
  spectatedShips: number;
  error?: string;
}

beforeAll(async () => {
  server = await bootGameServer({ webRoot: await builtWebRoot(), dashboard: { password: PASSWORD } });
  browser = await launchChromium();
  fleet = new BotFleet(httpBaseOf(server).replace("http", "ws"));
  for (let i = 0; i < BOTS; i++) await fleet.add({ roomName: ROOM_NAME }, i);
}, 120_000);

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await browser?.close();
  await fleet?.stop();
  await server?.shutdown();
}, 60_000);

async function openDashboard(password: string): Promise<{ page: Page; status: number | undefined }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, httpCredentials: { username: "admin", password } });
  contexts.push(context);
  const page = await context.newPage();
  const response = await page.goto(`${httpBaseOf(server)}/dashboard`);
  return { page, status: response?.status() };
}

async function waitForDashboard(page: Page, check: (snapshot: DashboardDebug) => boolean, timeoutMs = 15_000): Promise<DashboardDebug> {
  const deadline = Date.now() + timeoutMs;
  let snapshot: DashboardDebug | undefined;
  while (Date.now() < deadline) {
    snapshot = await page.evaluate(() => (window as unknown as { __netroidsDashboard?: DashboardDebug }).__netroidsDashboard);
    if (snapshot && check(snapshot)) return snapshot;
    await sleep(100);
  }
  throw new Error(`dashboard never got there; last seen: ${JSON.stringify(snapshot)}`);
}

test("a wrong password is refused", async () => {
  const { status } = await openDashboard("not-it");
  expect(status).toBe(401);
});

test("with bots playing, the charts receive data and the spectator view shows the bots' ships", async () => {
  const { page, status } = await openDashboard(PASSWORD);
  expect(status).toBe(200);
  const ccuBefore = matchMaker.stats.local.ccu;
  // Half-second windows: several points within a few seconds, growing as they arrive.
  const first = await waitForDashboard(page, (snapshot) => snapshot.points >= 3 && snapshot.rooms >= 1);
  await waitForDashboard(page, (snapshot) => snapshot.points > first.points);
  expect(await page.locator(".chart canvas").count()).toBeGreaterThanOrEqual(2);
  expect(await page.locator(".card-value").first().textContent()).toBe(String(BOTS));

  await page.locator(".rooms button").first().click();
  const spectating = await waitForDashboard(page, (snapshot) => snapshot.spectatedShips === BOTS);
  expect(spectating.error).toBeUndefined();
  expect(await page.locator(".scores li").count()).toBe(BOTS); // fewer than the 20 leaders shown
  await expect(page.locator("canvas.spectator").isVisible()).resolves.toBe(true);
  // Watching is plain HTTP: it takes no seat and is not counted as a client.
  expect(matchMaker.stats.local.ccu).toBe(ccuBefore);
}, 60_000);
