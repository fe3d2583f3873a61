/**
 * Per-client accounting of the room messages a client sends: accepted ones, and dropped
 * ones by reason. Rate limiting counts in fixed windows of MESSAGE_RATE_WINDOW_MS: past
 * the soft limit messages are dropped (a burst costs the sender, not the room); past the
 * hard limit the client is flooding and the room disconnects it. Every room message is
 * either accepted or dropped with a reason, so the counts add up to what the client sent
 * the room's handlers (Colyseus answers pings itself, and the transport closes on junk
 * frames before they reach the room).
 */
import { FLOOD_MESSAGE_LIMIT, MESSAGE_RATE_WINDOW_MS, SOFT_MESSAGE_LIMIT } from "../../shared/net/netConstants";

/**
 * "flood": the message that took the client past the hard limit, and every one after it
 * (those already on the wire while its socket closes): none of them is applied.
 */
export type DropReason = "malformed" | "unknown" | "rate" | "stale" | "flood";

export interface ClientMessageStats {
  accepted: number;
  dropped: Record<DropReason, number>;
}

export type Admission = "accept" | "drop" | "flood";

interface ClientWindow {
  stats: ClientMessageStats;
  windowStart: number;
  inWindow: number;
  /** Set once the client went past the hard limit: it is being disconnected, and told so once. */
  flooded: boolean;
}

function noDrops(): Record<DropReason, number> {
  return { malformed: 0, unknown: 0, rate: 0, stale: 0, flood: 0 };
}

export class MessageGuard {
  private readonly clients = new Map<string, ClientWindow>();
  /** Dropped messages of every client since the room started, including clients that left. */
  readonly totalDropped: Record<DropReason, number> = noDrops();
  /** Accepted messages of every client since the room started, including clients that left. */
  totalAccepted = 0;

  /**
   * @param onDrop told of every dropped message, e.g. to count it in the process metrics.
   * @param softLimit messages per window past which a client's messages are dropped.
   * @param floodLimit messages per window past which the client is flooding.
   */
  constructor(
    private readonly onDrop: (reason: DropReason) => void = () => {},
    private readonly softLimit = SOFT_MESSAGE_LIMIT,
    private readonly floodLimit = FLOOD_MESSAGE_LIMIT,
  ) {}

  /**
   * Counts one incoming message against the sender's rate window. "flood" comes once per
   * client, for the message that crosses the hard limit; that one and all later ones are
   * dropped here, in any window, since the client is on its way out.
   */
  admit(sessionId: string, nowMs: number): Admission {
    const entry = this.entry(sessionId);
    if (entry.flooded) {
      this.drop(sessionId, "flood");
      return "drop";
    }
    if (nowMs - entry.windowStart >= MESSAGE_RATE_WINDOW_MS) {
      entry.windowStart = nowMs;
      entry.inWindow = 0;
    }
    entry.inWindow++;
    if (entry.inWindow > this.floodLimit) {
      entry.flooded = true;
      this.drop(sessionId, "flood");
      return "flood";
    }
    if (entry.inWindow > this.softLimit) {
      this.drop(sessionId, "rate");
      return "drop";
    }
    return "accept";
  }

  accept(sessionId: string): void {
    this.entry(sessionId).stats.accepted++;
    this.totalAccepted++;
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
        stats: { accepted: 0, dropped: noDrops() },
        windowStart: -Infinity,
        inWindow: 0,
        flooded: false,
      };
      this.clients.set(sessionId, entry);
    }
    return entry;
  }
}
