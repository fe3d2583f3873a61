/**
 * A log line for refusals any anonymous client can cause at will: at most one line per
 * interval, the next one saying how many were left out. The refusals themselves are
 * counted in the metrics; the log only has to say that they happen.
 */

/** One line per this many ms, at most. */
const DEFAULT_INTERVAL_MS = 10_000;

export class ThrottledLog {
  private lastAt = -Infinity;
  private suppressed = 0;

  constructor(
    private readonly write: (line: string) => void = (line) => console.warn(line),
    private readonly intervalMs = DEFAULT_INTERVAL_MS,
  ) {}

  /** Logs `line` unless a line went out less than an interval before `nowMs`. */
  note(line: string, nowMs: number): void {
    if (nowMs - this.lastAt < this.intervalMs) {
      this.suppressed++;
      return;
    }
    const left = this.suppressed > 0 ? ` (${this.suppressed} more like it not logged)` : "";
    this.lastAt = nowMs;
    this.suppressed = 0;
    this.write(`${line}${left}`);
  }
}
