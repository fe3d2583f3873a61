/**
 * The netcode bench's browser row. The shooter's client is the real web page (the build
 * `npm start` serves) in Chromium, on the page's own simulated link
 * (`?latency=…&jitter=…`, client/linkConditions.ts), against a Node-side target as in
 * duel.ts, in a fresh room of the same server. A pilot in Node (pilots.ts's Shooter, the
 * Node rows' aimbot) reads the page's debug snapshot and holds keys through playwright's
 * keyboard, as a player's fingers would. The page records every frame it draws
 * (pageFrames.ts); after the duel those frames go through the Node rows' judges: the own
 * ship's correction at each patch, and hits on screen against the server's hits.
 */
import { matchMaker } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { TICK_MS } from "../../shared/constants";
import { Key } from "../../shared/sim/input";
import { ROOM_NAME } from "../../shared/net/messages";
import type { GameState } from "../../shared/net/schema";
import { share } from "../../shared/stats";
import { GameSession } from "../../client/GameSession";
import type { GameRoom } from "../../client/matchmaking";
import { builtWebRoot, launchChromium, waitForSnapshot } from "../../test/support/browser";
import { findChromium } from "../../test/support/findChromium";
import { networkOf, STALL_MS } from "./duel";
import type { DuelConfig, DuelResult, DuelTiming, MessageCount } from "./duel";
import { allowNamedFunctions, digest, renderFrameOf, startPageRecording, stopPageRecording } from "./pageFrames";
import { Shooter, targetKeys } from "./pilots";
import { noteServerStep, stageDuel } from "./practiceRange";
import { DuelRecorder } from "./recorder";
import { CONNECT_TIMEOUT_MS, runFrames, waitUntil, withTimeout } from "./schedule";
import { ScreenHitJudge } from "./screenHits";

export type BrowserDuelResult = DuelResult & {
  /** The shooter's browser as playwright names it, e.g. "Chromium 156.0.8078.129". */
  shooterBrowser: string;
  /** The page opened, path and query: the query sets its simulated link. */
  pageUrl: string;
  /**
   * Patches the page's prediction checked while measuring and those that corrected it: exact,
   * from its own counters (NetStats). The correction px summary is over `sampled` of them: a
   * frame that took in two patches shows only the newer one's correction.
   */
  pagePatches: { checked: number; corrected: number; sampled: number };
  /** Frames the page drew that its record missed; errors the page threw (the first few). */
  missedFrames: number;
  pageErrors: string[];
};

/** The browser row as the report gets it: measured, or skipped with the reason in a few words. */
export type BrowserRow = { ran: true; result: BrowserDuelResult } | { ran: false; skipped: string };

/** The page's size, CSS px: small, since Chromium draws in software here and shares the 2 cores with the server. */
const VIEWPORT = { width: 960, height: 540 };
/** Bounds on the browser's start, the page's load and each call into the page, ms. */
const LAUNCH_TIMEOUT_MS = 30_000;
const PAGE_LOAD_TIMEOUT_MS = 15_000;
const PAGE_CALL_TIMEOUT_MS = 2000;
const MAX_PAGE_ERRORS = 5;
/** The keys the pilot holds, as playwright names them (web/src/input/keyboard.ts maps them back). */
const KEY_NAMES: ReadonlyArray<readonly [number, string]> = [
  [Key.Up, "ArrowUp"],
  [Key.Down, "ArrowDown"],
  [Key.Left, "ArrowLeft"],
  [Key.Right, "ArrowRight"],
  [Key.Fire, "Space"],
];

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Finds Chromium and builds the web client (before the server starts: it serves the build), or says why the row is skipped. */
export async function prepareBrowserRow(): Promise<{ webRoot: string } | { skipped: string }> {
  const chromium = findChromium();
  if (!chromium.found) return { skipped: chromium.reason };
  try {
    return { webRoot: await builtWebRoot() };
  } catch (error) {
    return { skipped: `the web client did not build: ${messageOf(error)}` };
  }
}

/** Runs the browser row; a failure (launch, page, join) becomes a skipped row with its reason, never a crashed bench. */
export async function runBrowserRow(port: number, config: DuelConfig, timing: DuelTiming, seed: number): Promise<BrowserRow> {
  let browser: Browser | undefined;
  try {
    // A launch that times out is left to end with this process (run.ts exits when the report is written).
    browser = await withTimeout(launchChromium(), LAUNCH_TIMEOUT_MS, "launching Chromium");
    return { ran: true, result: await runBrowserDuel(browser, port, config, timing, seed) };
  } catch (error) {
    return { ran: false, skipped: `the Chromium duel failed: ${messageOf(error)}` };
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

async function runBrowserDuel(
  browser: Browser,
  port: number,
  config: DuelConfig,
  timing: DuelTiming,
  seed: number,
): Promise<BrowserDuelResult> {
  const startedAt = performance.now();
  const sdk = new Client(`ws://127.0.0.1:${port}`);
  const targetRoom: GameRoom = await withTimeout(sdk.create<GameState>(ROOM_NAME, { seed, name: "target" }), CONNECT_TIMEOUT_MS, "create");
  const target = new GameSession(targetRoom, "bench", { latencyMs: config.rttMs, jitterMs: config.jitterMs, spikeChance: 0, spikeMs: 0 });
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => {
      if (pageErrors.length < MAX_PAGE_ERRORS) pageErrors.push(error.message);
    });
    await allowNamedFunctions(page);
    const pageUrl = `/?latency=${config.rttMs}&jitter=${config.jitterMs}`;
    const shooterId = await joinFromLobby(page, `http://127.0.0.1:${port}${pageUrl}`, targetRoom.roomId);
    const room = matchMaker.getLocalRoomById(targetRoom.roomId) as unknown as AsteroidsRoom | undefined;
    if (!room) throw new Error("the room is not hosted by this process");
    const targetId = targetRoom.sessionId;

    const recorder = new DuelRecorder();
    // The page draws its shots under their input step's id (OwnShots); the server keys them by bullet id.
    const bulletOfShot = new Map<string, string>();
    const phase = { judging: false, measuring: false };
    let lastAck = 0;
    stageDuel(room, {
      shooterId,
      targetId,
      afterStep: () => {
        const ack = noteServerStep(room, shooterId, recorder, bulletOfShot, phase, lastAck);
        // The server's hits straight from its step: the page's event messages are not ours to read.
        if (phase.judging) {
          for (const event of room.world.events) {
            const hit = event.kind === "shipDestroyed" && event.killerId === shooterId && event.shipId === targetId;
            if (hit && event.bulletId !== undefined) recorder.serverHits.add(String(event.bulletId));
          }
        }
        lastAck = ack;
      },
    });

    const firingEnds = timing.warmupMs + timing.measureMs;
    const totalMs = firingEnds + timing.drainMs;
    const stalls = { count: 0, longestMs: 0 };
    const messagesSent = () => {
      const stats = room.messageStats(shooterId);
      return stats ? stats.accepted + Object.values(stats.dropped).reduce((sum, count) => sum + count, 0) : 0;
    };
    const upMessages: { first?: MessageCount; last?: MessageCount } = {};
    let previousNow: number | undefined;
    const loopStart = performance.now();
    // The target's 60 Hz loop and the pilot's reads of the page share this process's event loop, as the server does.
    const targetLoop = runFrames(timing.frameMs, totalMs, (now, elapsed) => {
      phase.judging = elapsed >= timing.warmupMs;
      phase.measuring = phase.judging && elapsed < firingEnds;
      if (phase.measuring) {
        upMessages.last = { at: elapsed, count: messagesSent() };
        upMessages.first ??= upMessages.last;
      }
      target.setKeys(targetKeys(Math.floor(elapsed / TICK_MS)));
      target.update(now);
      if (previousNow !== undefined && now - previousNow > STALL_MS) {
        stalls.count++;
        stalls.longestMs = Math.max(stalls.longestMs, now - previousNow);
      }
      previousNow = now;
    });
    const pilot = new Shooter(targetId);
    await Promise.all([targetLoop, fly(page, pilot, shooterId, phase, { ...timing, loopStart, totalMs })]);
    const recording = await withTimeout(stopPageRecording(page), PAGE_CALL_TIMEOUT_MS * 5, "reading the page's frames");

    const judge = new ScreenHitJudge();
    const drawn = digest(recording, { recorder, judge }, { shooterId, targetId }, timing.measureMs);
    // Bullets from before the measuring phase do not count, on either side (as in duel.ts).
    const serverIdOf = (drawnId: string) => bulletOfShot.get(drawnId) ?? drawnId;
    for (const drawnId of drawn.shownTouching) {
      const id = serverIdOf(drawnId);
      if (recorder.rewinds.has(Number(id))) recorder.screenHits.add(id);
    }
    for (const id of recorder.serverHits) if (!recorder.rewinds.has(Number(id))) recorder.serverHits.delete(id);
    const counted = room.messageStats(shooterId);
    const shooterMessages = counted && structuredClone(counted);
    await leaveGame(page);
    await withTimeout(target.leave(), CONNECT_TIMEOUT_MS, "leave");
    await waitUntil(() => matchMaker.getLocalRoomById(targetRoom.roomId) === undefined, CONNECT_TIMEOUT_MS);

    const { patches } = drawn;
    return {
      config,
      shooterBrowser: `Chromium ${browser.version()}`,
      pageUrl,
      wallSeconds: (performance.now() - startedAt) / 1000,
      shots: { released: pilot.releases, launched: recorder.launched },
      hits: recorder.hitAgreement(new Map(Array.from(judge.tracks, ([drawnId, track]) => [serverIdOf(drawnId), track]))),
      rewindTicks: recorder.rewindTicks(),
      reconciliation: { ...recorder.reconciliation(), patches: patches.checked, correctedShare: share(patches.corrected, patches.checked) },
      interpolation: { ...recorder.interpolation(drawn.sessionDryFrameShare), dryFrameShare: drawn.dryFrameShare },
      network: networkOf(recorder, shooterMessages, upMessages),
      stalls,
      pagePatches: patches,
      missedFrames: recording.missedFrames,
      pageErrors,
    };
  } finally {
    await target.leave().catch(() => undefined);
    await context.close().catch(() => undefined);
  }
}

/** Opens the page, names the player and joins the room from the lobby's list, as a player would; returns the page's session id. */
async function joinFromLobby(page: Page, url: string, roomId: string): Promise<string> {
  await page.goto(url, { timeout: PAGE_LOAD_TIMEOUT_MS });
  await page.getByTestId("name").fill("shooter", { timeout: PAGE_LOAD_TIMEOUT_MS });
  await page.locator(`tr[data-room-id="${roomId}"]`).getByRole("button", { name: "Join" }).click({ timeout: CONNECT_TIMEOUT_MS });
  const joined = await waitForSnapshot(page, (snapshot) => snapshot.screen === "game" && snapshot.roomId === roomId, CONNECT_TIMEOUT_MS);
  if (joined.sessionId === undefined) throw new Error("the page joined without a session id");
  return joined.sessionId;
}

/** Esc back to the lobby: the page leaves the room for good (a page closed in the game would keep its seat a while). */
async function leaveGame(page: Page): Promise<void> {
  await page.keyboard.press("Escape");
  await waitForSnapshot(page, (snapshot) => snapshot.screen === "lobby", CONNECT_TIMEOUT_MS).catch(() => undefined);
}

/**
 * The pilot: once a frame (as fast as the page answers), reads the ships as the page drew them,
 * asks the Shooter for keys and presses or releases the ones that changed. Fires only while
 * measuring; starts the page's frame record when measuring starts. Bounded in time and count.
 */
async function fly(
  page: Page,
  pilot: Shooter,
  shooterId: string,
  phase: { measuring: boolean },
  timing: DuelTiming & { loopStart: number; totalMs: number },
): Promise<void> {
  let held = 0;
  let recording = false;
  const maxFrames = Math.ceil(((timing.measureMs + timing.drainMs) / timing.frameMs) * 2);
  for (let n = 1; n <= Math.ceil(timing.totalMs / timing.frameMs); n++) {
    const elapsed = performance.now() - timing.loopStart;
    if (elapsed >= timing.totalMs) break;
    if (!recording && elapsed >= timing.warmupMs) {
      await withTimeout(startPageRecording(page, maxFrames), PAGE_CALL_TIMEOUT_MS, "starting the page's frame record");
      recording = true;
    }
    const seen = await withTimeout(
      page.evaluate(() => {
        const snapshot = window.__netroids;
        return snapshot?.ships && snapshot.world ? { ships: snapshot.ships, world: snapshot.world } : undefined;
      }),
      PAGE_CALL_TIMEOUT_MS,
      "reading the page",
    );
    const keys = seen ? pilot.keys(renderFrameOf(seen.ships, [], seen.world, shooterId), performance.now(), phase.measuring) : 0;
    held = await pressKeys(page, held, keys);
    await sleep(Math.max(0, timing.loopStart + n * timing.frameMs - performance.now()));
  }
  await pressKeys(page, held, 0);
}

/** Presses the keys newly in `keys`, releases the ones no longer in it; returns what is held now. */
async function pressKeys(page: Page, held: number, keys: number): Promise<number> {
  for (const [bit, name] of KEY_NAMES) {
    if ((held & bit) === (keys & bit)) continue;
    await (keys & bit ? page.keyboard.down(name) : page.keyboard.up(name));
  }
  return keys;
}
