/**
 * The room's fixed-step loop, keeping each step on its own time. Colyseus's
 * setFixedTimestep runs a 16.67 ms setInterval, which Node fires every 17 ms, and catches
 * up with an accumulator: steps then run up to a whole step late, in a sawtooth. Patches
 * describe a step and clients time their interpolation by it (client/serverClock.ts), so
 * that sawtooth reached every client as 15–20 ms of jitter on a perfect link, and their
 * interpolation delay grew by as much. Here each step is scheduled for its own moment
 * (start + n × step), so it runs within a millisecond of it when the event loop is free,
 * and the patch sent right after it leaves on time too.
 */
import { performance } from "node:perf_hooks";
import { SERVER_MAX_CATCH_UP_STEPS } from "../../shared/net/netConstants";

export class TickLoop {
  private nextAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly stepMs: number,
    private readonly onStep: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  start(): void {
    this.stop();
    this.nextAt = this.now() + this.stepMs;
    this.schedule();
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    // Timers count whole milliseconds: rounding up never wakes the loop before its step is due.
    this.timer = setTimeout(this.run, Math.max(1, Math.ceil(this.nextAt - this.now())));
  }

  private readonly run = (): void => {
    const now = this.now();
    let ran = 0;
    while (this.nextAt <= now && ran < SERVER_MAX_CATCH_UP_STEPS) {
      this.nextAt += this.stepMs;
      ran++;
      this.onStep();
    }
    // A stall longer than the catch-up: the server's time falls back rather than racing through the backlog.
    if (this.nextAt <= now) this.nextAt = now + this.stepMs;
    if (this.timer !== undefined) this.schedule();
  };
}
