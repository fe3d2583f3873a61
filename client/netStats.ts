/** What the client's netcode reports about itself (debug overlay, debug snapshot, benchmarks). */

/** The three netcode techniques, each switchable from the debug overlay to see what it does. */
export interface NetcodeOptions {
  prediction: boolean;
  interpolation: boolean;
  lagCompensation: boolean;
}

export interface NetStats {
  pingMs: number | undefined;
  jitterMs: number;
  interpolationDelayMs: number;
  /** Size of the last reconciliation correction, and of the correction still visible, px. */
  correctionPx: number;
  visibleErrorPx: number;
  /** Since joining: patches that checked the own ship's prediction, and those that corrected it (see OwnShipPredictor). */
  reconciliations: number;
  correctedPatches: number;
  serverTick: number;
  patchesPerSecond: number;
  bytesInPerSecond: number;
  bytesOutPerSecond: number;
  /** Share of frames drawn past the newest snapshot (the buffer ran dry). */
  dryFrameShare: number;
  pendingInputs: number;
}

/** The counts behind NetStats' rates: patches in the last second, and frames drawn past the newest snapshot. */
export class FrameCounters {
  private readonly patchTimes: number[] = [];
  private frames = 0;
  private dryFrames = 0;

  patch(localNow: number): void {
    this.patchTimes.push(localNow);
  }

  /** One frame drawn; `dry` when its render time was past the newest snapshot. */
  frame(dry: boolean): void {
    this.frames++;
    if (dry) this.dryFrames++;
  }

  patchesPerSecond(localNow: number): number {
    while (this.patchTimes.length > 0 && this.patchTimes[0]! < localNow - 1000) this.patchTimes.shift();
    return this.patchTimes.length;
  }

  get dryFrameShare(): number {
    return this.frames === 0 ? 0 : this.dryFrames / this.frames;
  }
}
