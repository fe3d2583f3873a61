/**
 * What the shooter's page drew, frame by frame, recorded inside the page: a
 * requestAnimationFrame callback of its own copies the game's debug snapshot
 * (web/src/debugSnapshot.ts) on every frame the game drew. Polling over the DevTools
 * protocol would see a frame now and then, and patches between the polls would go unseen;
 * here Node reads the whole record once, after the duel.
 */
import type { Page } from "playwright-core";
import type { NetStats } from "../../client/netStats";
import type { RenderFrame } from "../../client/frame";
import { OWN_SHOT_PREFIX } from "../../client/OwnShots";
import { share } from "../../shared/stats";
import type { WorldSize } from "../../shared/sim/worldSize";
import type { DebugBullet, DebugShip } from "../../web/src/debugSnapshot";
import type { DuelRecorder } from "./recorder";
import type { ScreenHitJudge } from "./screenHits";

interface PageFrame {
  /** The frame's time on the page's clock (its requestAnimationFrame timestamp), ms. */
  t: number;
  /** The game's own frame count: consecutive, unless the recorder missed a frame. */
  frame: number;
  ships: DebugShip[];
  ownShots: DebugBullet[];
  net: NetStats;
}

export interface PageRecording {
  /** When recording began, on the page's clock, ms. */
  startedAt: number;
  world: WorldSize;
  frames: PageFrame[];
  /** Frames the game drew that the recorder did not see (gaps in the frame count). */
  missedFrames: number;
}

interface PageRecorder {
  startedAt: number;
  frames: PageFrame[];
  stopped: boolean;
}

/** The recorder's place on the page's window, beside the game's `__netroids`. */
type RecordingWindow = Window & { __netroidsBench?: PageRecorder };

/**
 * Lets functions sent to the page run when this file runs under tsx: its esbuild keeps
 * function names by wrapping each local function in `__name(fn, "name")`, a helper that
 * exists in Node's copy of the module but not on the page. Install before the page loads.
 */
export async function allowNamedFunctions(page: Page): Promise<void> {
  await page.addInitScript({ content: "globalThis.__name = (target) => target;" });
}

/** Starts recording every frame the game draws, `maxFrames` at most (a bound on the page's memory). */
export async function startPageRecording(page: Page, maxFrames: number): Promise<void> {
  await page.evaluate((max) => {
    const recorder: PageRecorder = { startedAt: performance.now(), frames: [], stopped: false };
    (window as RecordingWindow).__netroidsBench = recorder;
    let lastFrame = -1;
    const sample = (t: number) => {
      const snapshot = window.__netroids;
      // Callbacks run in the order they were queued: this may see the game's frame of this or of the previous callback round.
      if (snapshot?.net && snapshot.frames !== undefined && snapshot.frames !== lastFrame) {
        lastFrame = snapshot.frames;
        recorder.frames.push({
          t,
          frame: snapshot.frames,
          ships: snapshot.ships ?? [],
          ownShots: snapshot.ownShots ?? [],
          net: snapshot.net,
        });
      }
      if (!recorder.stopped && recorder.frames.length < max) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }, maxFrames);
}

/** Stops recording and brings the record over. */
export async function stopPageRecording(page: Page): Promise<PageRecording> {
  const recorded = await page.evaluate(() => {
    const recorder = (window as RecordingWindow).__netroidsBench;
    if (recorder) recorder.stopped = true;
    return recorder && { startedAt: recorder.startedAt, frames: recorder.frames, world: window.__netroids?.world };
  });
  if (!recorded?.world) throw new Error("the page recorded no frames of the game");
  let missedFrames = 0;
  for (let i = 1; i < recorded.frames.length; i++) missedFrames += recorded.frames[i]!.frame - recorded.frames[i - 1]!.frame - 1;
  return { startedAt: recorded.startedAt, world: recorded.world, frames: recorded.frames, missedFrames };
}

/**
 * A frame as pilots.ts and screenHits.ts read it, from what the page's snapshot lists: the
 * ships and the own shots as drawn (the rest of a frame they do not read).
 */
export function renderFrameOf(
  ships: readonly DebugShip[],
  ownShots: readonly DebugBullet[],
  world: WorldSize,
  localId: string,
): RenderFrame {
  return {
    world,
    focus: undefined,
    ships: ships.map((ship) => ({ ...ship, charge: 0, keys: 0, respawnIn: 0, isLocal: ship.id === localId })),
    bullets: ownShots.map((shot) => ({ ...shot, color: "" })),
    asteroids: [],
    blips: [],
  };
}

/** What the page's frames add to the recorder's samples. */
export interface PageDigest {
  /** Own shots (drawn ids) the page showed touching the target. */
  shownTouching: Set<string>;
  /** See BrowserDuelResult.pagePatches. */
  patches: { checked: number; corrected: number; sampled: number };
  /** Frames drawn past the newest patch, in the measuring window and over the page's whole session. */
  dryFrameShare: number;
  sessionDryFrameShare: number;
}

/**
 * Runs the page's recorded frames through the Node rows' measures: every frame through the
 * screen-hit judge (drain included, so late hits count), and the frames of the measuring
 * window into the recorder (corrections at each new patch, visible error, delays, pings).
 */
export function digest(
  recording: PageRecording,
  into: { recorder: DuelRecorder; judge: ScreenHitJudge },
  ids: { shooterId: string; targetId: string },
  measureMs: number,
): PageDigest {
  const { recorder, judge } = into;
  const shownTouching = new Set<string>();
  const isOwn = (drawnId: string) => drawnId.startsWith(OWN_SHOT_PREFIX);
  const measureEnd = recording.startedAt + measureMs;
  let first: PageFrame | undefined;
  let previous: PageFrame | undefined;
  for (const sample of recording.frames) {
    const frame = renderFrameOf(sample.ships, sample.ownShots, recording.world, ids.shooterId);
    for (const id of judge.observe(frame, ids.targetId, isOwn, sample.t)) shownTouching.add(id);
    if (sample.t >= measureEnd) continue;
    const { net } = sample;
    const frameMs = previous ? sample.t - previous.t : 0;
    recorder.ownShipFrame(net.visibleErrorPx, frameMs);
    if (frameMs > 0) recorder.frameIntervals.push(frameMs);
    recorder.delays.push(net.interpolationDelayMs);
    if (net.pingMs !== undefined) recorder.pings.push(net.pingMs);
    recorder.bytesUp.push(net.bytesOutPerSecond);
    recorder.frames++;
    // This row does not compare the target as drawn with the server's truth (the page keeps its render time to itself).
    recorder.framesWithoutTruth++;
    if (previous && net.reconciliations > previous.net.reconciliations) recorder.corrections.push(net.correctionPx);
    first ??= sample;
    previous = sample;
  }
  const last = previous;
  // The page's counters run from its join: the window's own counts are the difference between its two ends.
  const during = (pick: (frame: PageFrame) => number) => (first && last ? pick(last) - pick(first) : 0);
  return {
    shownTouching,
    patches: {
      checked: during((frame) => frame.net.reconciliations),
      corrected: during((frame) => frame.net.correctedPatches),
      sampled: recorder.corrections.length,
    },
    // NetStats gives the dry share over the session (its frames are the game's): dry frames = share × frames.
    dryFrameShare: share(
      during((frame) => frame.net.dryFrameShare * frame.frame),
      during((frame) => frame.frame),
    ),
    sessionDryFrameShare: last?.net.dryFrameShare ?? Number.NaN,
  };
}
