/**
 * Estimates the server's simulation time on this machine from the ticks in state
 * patches. Each patch says "the server was at tick N"; N × step length is server time,
 * and (arrival − server time) is the network delay plus a constant clock offset. The
 * smallest such value over a recent window is the least-delayed patch: using it keeps
 * the estimate from following jitter upwards, and the window lets it follow drift.
 */
import { CLOCK_WINDOW_MS, TICK_MS } from "../shared/constants";

export class ServerClock {
  private readonly samples: Array<{ at: number; offset: number }> = [];
  private offset: number | undefined;

  /** Records a patch for `tick` that arrived at local time `localNow` (ms). */
  observe(tick: number, localNow: number): void {
    this.samples.push({ at: localNow, offset: localNow - tick * TICK_MS });
    while (this.samples.length > 1 && this.samples[0]!.at < localNow - CLOCK_WINDOW_MS) this.samples.shift();
    this.offset = Math.min(...this.samples.map((sample) => sample.offset));
  }

  /** Arrival jitter, ms: how much later than the least-delayed patch the slowest 10 % arrive (p90 − min). */
  get jitterMs(): number {
    if (this.samples.length < 2 || this.offset === undefined) return 0;
    const sorted = this.samples.map((sample) => sample.offset).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) * 0.9)]! - this.offset;
  }

  get synced(): boolean {
    return this.offset !== undefined;
  }

  /** Server time (ms) now, by this machine's clock; 0 before the first patch. */
  serverNow(localNow: number): number {
    return this.offset === undefined ? 0 : localNow - this.offset;
  }
}
