/** A real Chromium-family browser (support/findChromium.ts) driven by playwright-core, kept offline and quiet. */
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { DebugSnapshot } from "../../web/src/debugSnapshot";
import { ensureWebBuild } from "../../server/webBuild";
import { findChromium } from "./findChromium";
import { detectPlatform, installHint } from "./installHint";

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Pages in the background must keep animating: each test page is a player.
  "--disable-background-timer-throttling",
  "--disable-renderer-backgrounding",
  "--disable-backgrounding-occluded-windows",
];

export async function launchChromium(): Promise<Browser> {
  const browser = findChromium();
  // Under jest, globalSetup has said so already; this is for scripts (npm run screenshots).
  if (!browser.found) throw new Error(`${browser.reason}; install: ${installHint(["chromium"], detectPlatform())}`);
  return chromium.launch({ executablePath: browser.path, args: CHROMIUM_FLAGS });
}

/** The built web client's folder (built now if missing or stale). */
export function builtWebRoot(): Promise<string> {
  return ensureWebBuild(path.resolve(__dirname, "..", "..", "web"));
}

/** The page's `window.__netroids` debug snapshot. */
export function debugSnapshotOf(page: Page): Promise<DebugSnapshot | undefined> {
  return page.evaluate(() => window.__netroids);
}

/** Polls the page's debug snapshot until `check` holds; fails with the last snapshot seen. */
export async function waitForSnapshot(page: Page, check: (snapshot: DebugSnapshot) => boolean, timeoutMs = 10_000): Promise<DebugSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let snapshot: DebugSnapshot | undefined;
  while (Date.now() < deadline) {
    snapshot = await debugSnapshotOf(page);
    if (snapshot && check(snapshot)) return snapshot;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting on the page; last debug snapshot: ${JSON.stringify(snapshot)}`);
}
