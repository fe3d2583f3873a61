/**
 * Estimates the server's simulation time on this machine from the ticks in state
 * patches. Each patch says "the server was at tick N"; N × step length is server time,
 * and (arrival − server time) is the network delay plus a constant clock offset. The
 * smallest such value over a recent window is the least-delayed patch: using it keeps
 * the estimate from following jitter upwards, and the window lets it follow drift. A server
 * stall moves the server's time back for good (its fixed timestep drops the steps it could not
 * catch up), and every later patch then looks late: after CLOCK_RESYNC_MS of that, the older
 * patches are forgotten, so the clock is right again within half a second instead of a whole window.
 */
import { CLOCK_RESYNC_LATE_MS, CLOCK_RESYNC_MS, CLOCK_WINDOW_MS, PATCH_INTERVAL_MS } from "../shared/net/netConstants";
import { TICK_MS } from "../shared/constants";

export class ServerClock {
  private readonly samples: Array<{ at: number; offset: number }> = [];
  private offset: number | undefined;

  /** Records a patch for `tick` that arrived at local time `localNow` (ms). */
  observe(tick: number, localNow: number): void {
    this.samples.push({ at: localNow, offset: localNow - tick * TICK_MS });
    while (this.samples.length > 1 && this.samples[0]!.at < localNow - CLOCK_WINDOW_MS) this.samples.shift();
    if (this.serverFellBack(localNow))
      this.samples.splice(
        0,
        this.samples.findIndex((sample) => sample.at >= localNow - CLOCK_RESYNC_MS),
      );
    this.offset = Math.min(...this.samples.map((sample) => sample.offset));
  }

  /**
   * True when every patch of the last CLOCK_RESYNC_MS came late against the least-delayed one
   * before them: the server's time itself moved back (a stall), not the link's delay.
   */
  private serverFellBack(localNow: number): boolean {
    const recentFrom = this.samples.findIndex((sample) => sample.at >= localNow - CLOCK_RESYNC_MS);
    if (recentFrom <= 0) return false;
    const recent = this.samples.slice(recentFrom);
    // Patches come every PATCH_INTERVAL_MS: a stretch that few is not the whole of it yet.
    if (recent.length < CLOCK_RESYNC_MS / PATCH_INTERVAL_MS - 1) return false;
    const before = Math.min(...this.samples.slice(0, recentFrom).map((sample) => sample.offset));
    return recent.every((sample) => sample.offset > before + CLOCK_RESYNC_LATE_MS);
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
