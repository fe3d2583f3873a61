/**
 * The page is split, in Chromium against the built client: the lobby's first load fetches
 * neither the dashboard's code, nor uPlot (its charts), nor the replay page's; opening the
 * dashboard or a replay fetches its own chunks and shows the page. The chunks are known by
 * the names Vite gives them (web/src/App.tsx's lazy imports, web/vite.config.mts's uPlot group).
 */
import fs from "node:fs";
import path from "node:path";
import type { ColyseusTestServer } from "@colyseus/testing";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { builtWebRoot, launchChromium, waitForSnapshot } from "../support/browser";
import { bootGameServer, httpBaseOf, sleep } from "../support/gameServer";

const PASSWORD = "split-test-pw";
const CHUNKS = {
  dashboard: /^\/assets\/Dashboard-[\w-]+\.js$/,
  uplot: /^\/assets\/uplot-[\w-]+\.js$/,
  replay: /^\/assets\/ReplayScreen-[\w-]+\.js$/,
};

let webRoot: string;
let server: ColyseusTestServer;
let browser: Browser;

beforeAll(async () => {
  webRoot = await builtWebRoot();
  server = await bootGameServer({ webRoot, dashboard: { password: PASSWORD } });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.shutdown();
}, 60_000);

/** Opens `path` in a fresh context (nothing cached) and lists the scripts it fetches, by path, as they are requested. */
async function open(pagePath: string, options: BrowserContextOptions = {}): Promise<{ page: Page; scripts: string[] }> {
  const page = await (await browser.newContext(options)).newPage();
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  page.on("pageerror", (error) => console.error("[page error]", error));
  await page.goto(`${httpBaseOf(server)}${pagePath}`);
  return { page, scripts };
}

const fetched = (scripts: string[], chunk: RegExp) => scripts.filter((script) => chunk.test(script));

test("the lobby's first load fetches neither the dashboard, uPlot nor the replay page", async () => {
  // The build has them, as chunks of their own.
  const built = fs.readdirSync(path.join(webRoot, "assets")).map((file) => `/assets/${file}`);
  for (const chunk of Object.values(CHUNKS)) expect(fetched(built, chunk)).toHaveLength(1);

  const { page, scripts } = await open("/");
  await page.getByTestId("quick-play").waitFor();
  await waitForSnapshot(page, (snapshot) => snapshot.screen === "lobby");
  // Nothing fetched late either: the page settles on what it has.
  await page.waitForLoadState("networkidle");
  expect(scripts.length).toBeGreaterThanOrEqual(1);
  expect(fetched(scripts, CHUNKS.dashboard)).toEqual([]);
  expect(fetched(scripts, CHUNKS.uplot)).toEqual([]);
  expect(fetched(scripts, CHUNKS.replay)).toEqual([]);
  await page.context().close();
});

test("opening the dashboard fetches its chunk and uPlot's, and shows the charts", async () => {
  const { page, scripts } = await open("/dashboard", { httpCredentials: { username: "admin", password: PASSWORD } });
  const deadline = Date.now() + 15_000;
  let points = 0;
  while (Date.now() < deadline) {
    points = await page.evaluate(
      () => (window as unknown as { __netroidsDashboard?: { points: number } }).__netroidsDashboard?.points ?? 0,
    );
    if (points >= 1) break;
    await sleep(100);
  }
  expect(points).toBeGreaterThanOrEqual(1);
  expect(await page.locator(".chart canvas").count()).toBeGreaterThanOrEqual(2);
  expect(fetched(scripts, CHUNKS.dashboard)).toHaveLength(1);
  expect(fetched(scripts, CHUNKS.uplot)).toHaveLength(1);
  expect(fetched(scripts, CHUNKS.replay)).toEqual([]);
  await page.context().close();
}, 30_000);

test("opening a replay fetches the replay page's chunk, not uPlot, and shows it", async () => {
  const { page, scripts } = await open("/replay/no-such-replay");
  await waitForSnapshot(page, (snapshot) => snapshot.screen === "replay");
  await page.getByTestId("replay-message").waitFor();
  expect(fetched(scripts, CHUNKS.replay)).toHaveLength(1);
  expect(fetched(scripts, CHUNKS.uplot)).toEqual([]);
  expect(fetched(scripts, CHUNKS.dashboard)).toEqual([]);
  await page.context().close();
});
