/**
 * Everything one duel measures, as raw samples while it runs and as summaries at the
 * end. Samples are taken only in the measuring phase (after the warm-up); shots are
 * followed to their end through the drain that follows it.
 */
import { MAX_REWIND_TICKS } from "../../shared/constants";
import { CORRECTION_TIME_MS } from "../../shared/net/netConstants";
import type { DrawnTrack } from "./screenHits";
import { share, summarize, type Summary } from "../../shared/stats";

export interface HitAgreement {
  /** Own bullets the shooter's screen showed touching the target. */
  screen: number;
  /** Own bullets the server counted as destroying the target (`shipDestroyed`, killer = shooter). */
  server: number;
  /** Both: shown and counted. */
  confirmed: number;
  /** confirmed / screen: the share of hits on screen the server also counted. */
  agreement: number;
  /** Counted by the server but never shown touching on screen, and their share of the server's hits. */
  serverOnly: number;
  serverOnlyShare: number;
  /** Each disagreement: the bullet, its rewind on the server, and how it looked on screen (frames drawn, centre distances, px). */
  shownNotCounted: Disagreement[];
  countedNotShown: Disagreement[];
}

type Disagreement = { bulletId: string; rewindTicks: number | undefined } & Partial<DrawnTrack>;

export interface ReconciliationResult {
  /** Patches observed while alive: one reconciliation each. */
  patches: number;
  /** Distance between the pose predicted before a patch and the one re-predicted from it (GameSession `correctionPx`), px. */
  correctionPx: Summary;
  /** Share of patches whose re-prediction moved the ship at all. */
  correctedShare: number;
  /**
   * The own ship as drawn right after the client applied input N vs the server's ship
   * right after the server applied input N, px: the prediction end to end (it includes
   * a correction still fading on screen, when there is one).
   */
  drawnVsServerPx: Summary;
  /** Drawn own-ship movement per frame that comes from fading a correction in, px. */
  visibleStepPx: Summary;
  /** Distance between the drawn and the predicted own ship, per frame (GameSession `visibleErrorPx`), px. */
  visibleErrorPx: Summary;
  /** Server steps that found no new input from the shooter (it repeated the last keys), and inputs the server skipped. */
  serverSteps: number;
  starvedStepShare: number;
  skippedInputs: number;
}

export interface InterpolationResult {
  frames: number;
  /** Frames not compared: the target not drawn, or the drawn time outside the server's remembered second. */
  framesWithoutTruth: number;
  /** Target as drawn on the shooter's screen vs the server's true path at the server time drawn, px. */
  errorPx: Summary;
  /** Frames drawn past the newest patch, over the measuring phase (the buffer ran dry). */
  dryFrameShare: number;
  /** GameSession's own `dryFrameShare`, over the session's whole life (warm-up included). */
  sessionDryFrameShare: number;
  delayMs: Summary;
}

export type RewindResult = Summary & {
  /** Share of bullets whose rewind hit the cap. */
  atCapShare: number;
  /**
   * Steps between the server's present and the moment the shooter was drawing, per input
   * applied (as lag compensation sees it, before the cap).
   */
  neededTicks: Summary;
  neededOverCapShare: number;
};

export class DuelRecorder {
  readonly screenHits = new Set<string>();
  readonly serverHits = new Set<string>();
  /** Rewind (lag compensation, steps) of each shooter bullet launched while measuring, by bullet id. */
  readonly rewinds = new Map<number, number>();
  /**
   * Per input the server applied: how many steps behind its present the shooter was drawing
   * the target (the rewind lag compensation would need, uncapped).
   */
  readonly seenLags: number[] = [];
  readonly corrections: number[] = [];
  readonly drawnVsServer: number[] = [];
  readonly visibleSteps: number[] = [];
  readonly visibleErrors: number[] = [];
  readonly interpolationErrors: number[] = [];
  readonly delays: number[] = [];
  readonly pings: number[] = [];
  /** The shooter's bytes up per second (its link's 1 s window), once per frame while measuring. */
  readonly bytesUp: number[] = [];
  frames = 0;
  dryFrames = 0;
  /** Frames whose drawn time had no server truth (outside the remembered second, or the target not drawn). */
  framesWithoutTruth = 0;
  serverSteps = 0;
  starvedSteps = 0;
  skippedInputs = 0;
  /** Screen frame intervals, ms: how steadily the 60 Hz loop ran. */
  readonly frameIntervals: number[] = [];

  /** One frame's own-ship sample: the visible correction left after `frameMs` of fading. */
  ownShipFrame(visibleErrorPx: number, frameMs: number): void {
    this.visibleErrors.push(visibleErrorPx);
    // drawnPose() multiplies the offset by keep = e^(−frameMs/τ): it moved by offset_before − offset_after = after·(1/keep − 1).
    this.visibleSteps.push(visibleErrorPx * (Math.exp(frameMs / CORRECTION_TIME_MS) - 1));
  }

  hitAgreement(tracks: ReadonlyMap<string, DrawnTrack>): HitAgreement {
    const describe = (bulletId: string): Disagreement => ({
      bulletId,
      rewindTicks: this.rewinds.get(Number(bulletId)),
      ...tracks.get(bulletId),
    });
    const shownNotCounted = [...this.screenHits].filter((id) => !this.serverHits.has(id)).map(describe);
    const countedNotShown = [...this.serverHits].filter((id) => !this.screenHits.has(id)).map(describe);
    const confirmed = this.screenHits.size - shownNotCounted.length;
    const serverOnly = countedNotShown.length;
    return {
      screen: this.screenHits.size,
      server: this.serverHits.size,
      confirmed,
      agreement: share(confirmed, this.screenHits.size),
      serverOnly,
      serverOnlyShare: share(serverOnly, this.serverHits.size),
      shownNotCounted,
      countedNotShown,
    };
  }

  /** Shooter bullets launched while measuring (and in the drain, from a tap begun before it). */
  get launched(): number {
    return this.rewinds.size;
  }

  /** The rewind the server gave the shooter's bullets, and the seen lag it would have needed (MAX_REWIND_TICKS caps the first). */
  rewindTicks(): RewindResult {
    const rewinds = [...this.rewinds.values()];
    return {
      ...summarize(rewinds),
      atCapShare: share(rewinds.filter((r) => r >= MAX_REWIND_TICKS).length, rewinds.length),
      neededTicks: summarize(this.seenLags),
      neededOverCapShare: share(this.seenLags.filter((lag) => lag > MAX_REWIND_TICKS).length, this.seenLags.length),
    };
  }

  reconciliation(): ReconciliationResult {
    return {
      patches: this.corrections.length,
      correctionPx: summarize(this.corrections),
      correctedShare: share(this.corrections.filter((px) => px > 0).length, this.corrections.length),
      drawnVsServerPx: summarize(this.drawnVsServer),
      visibleStepPx: summarize(this.visibleSteps),
      visibleErrorPx: summarize(this.visibleErrors),
      serverSteps: this.serverSteps,
      starvedStepShare: share(this.starvedSteps, this.serverSteps),
      skippedInputs: this.skippedInputs,
    };
  }

  interpolation(sessionDryFrameShare: number): InterpolationResult {
    return {
      frames: this.frames,
      framesWithoutTruth: this.framesWithoutTruth,
      errorPx: summarize(this.interpolationErrors),
      dryFrameShare: share(this.dryFrames, this.frames),
      sessionDryFrameShare,
      delayMs: summarize(this.delays),
    };
  }
}
