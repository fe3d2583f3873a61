/**
 * A browser test file's fixture: one real game server serving the built web client, one
 * Chromium, and the pages a test opens, which are closed after each test (leaving the game
 * with Esc first, so no seat is held for a dropped player).
 */
import type { ColyseusTestServer } from "@colyseus/testing";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { builtWebRoot, debugSnapshotOf, launchChromium, waitForSnapshot } from "./browser";
import { bootGameServer, httpBaseOf } from "./gameServer";

export interface BrowserGame {
  readonly server: ColyseusTestServer;
  readonly browser: Browser;
  readonly baseUrl: string;
  /** A new page in a context of its own, closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

export function useBrowserGame(): BrowserGame {
  let server: ColyseusTestServer | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await bootGameServer({ webRoot: await builtWebRoot() });
    browser = await launchChromium();
  }, 120_000);

  afterEach(async () => {
    for (const page of pages.splice(0)) {
      // Esc first: a page closed in the game is a dropped player, whose seat the room keeps a while.
      if ((await debugSnapshotOf(page).catch(() => undefined))?.screen === "game") {
        await page.keyboard.press("Escape");
        await waitForSnapshot(page, (snapshot) => snapshot.screen === "lobby", 5000).catch(() => undefined);
      }
      await page.context().close();
    }
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.shutdown();
  }, 60_000);

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the browser game fixture is used before beforeAll ran");
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    get baseUrl() {
      return httpBaseOf(started(server));
    },
    async newPage(options) {
      const page = await (await started(browser).newContext(options)).newPage();
      pages.push(page);
      return page;
    },
  };
}
