/**
 * Per-client accounting of what a client sends: accepted messages, and dropped ones by
 * reason. Rate limiting works on one-second windows: past the soft limit messages are
 * dropped (a burst costs the sender, not the room); past the hard limit the client is
 * flooding and the room disconnects it.
 */

/** Messages per second a well-behaved client never exceeds: inputs on change (a human makes a few per second, a bot at most one per step) plus heartbeats. */
export const SOFT_MESSAGE_LIMIT = 90;
/** Messages in one second that mean a flood: the client is disconnected. */
export const FLOOD_MESSAGE_LIMIT = 300;
/** One rate window, ms. */
const WINDOW_MS = 1000;

export type DropReason = "malformed" | "unknown" | "rate" | "stale";

export interface ClientMessageStats {
  accepted: number;
  dropped: Record<DropReason, number>;
}

export type Admission = "accept" | "drop" | "flood";

interface ClientWindow {
  stats: ClientMessageStats;
  windowStart: number;
  inWindow: number;
}

export class MessageGuard {
  private readonly clients = new Map<string, ClientWindow>();
  /** Dropped messages of every client since the room started, including clients that left. */
  readonly totalDropped: Record<DropReason, number> = { malformed: 0, unknown: 0, rate: 0, stale: 0 };

  /** @param onDrop told of every dropped message, e.g. to count it in the process metrics. */
  constructor(private readonly onDrop: (reason: DropReason) => void = () => {}) {}

  /** Counts one incoming message against the sender's rate window. */
  admit(sessionId: string, nowMs: number): Admission {
    const entry = this.entry(sessionId);
    if (nowMs - entry.windowStart >= WINDOW_MS) {
      entry.windowStart = nowMs;
      entry.inWindow = 0;
    }
    entry.inWindow++;
    if (entry.inWindow > FLOOD_MESSAGE_LIMIT) return "flood";
    if (entry.inWindow > SOFT_MESSAGE_LIMIT) {
      this.drop(sessionId, "rate");
      return "drop";
    }
    return "accept";
  }

  accept(sessionId: string): void {
    this.entry(sessionId).stats.accepted++;
  }

  drop(sessionId: string, reason: DropReason): void {
    this.entry(sessionId).stats.dropped[reason]++;
    this.totalDropped[reason]++;
    this.onDrop(reason);
  }

  statsOf(sessionId: string): ClientMessageStats | undefined {
    return this.clients.get(sessionId)?.stats;
  }

  forget(sessionId: string): void {
    this.clients.delete(sessionId);
  }

  private entry(sessionId: string): ClientWindow {
    let entry = this.clients.get(sessionId);
    if (!entry) {
      entry = {
        stats: { accepted: 0, dropped: { malformed: 0, unknown: 0, rate: 0, stale: 0 } },
        windowStart: -Infinity,
        inWindow: 0,
      };
      this.clients.set(sessionId, entry);
    }
    return entry;
  }
}
