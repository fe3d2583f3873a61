/**
 * Seats kept for players who left, so a reloaded page takes its place back. Every player
 * gets a secret seat token (sent to it alone, shared/net/schema.ts). A page that goes away
 * leaves for good at once (a consented leave on `pagehide`: no ghost ship for the others),
 * and the player's name, color and score are kept under the token for RECONNECT_WINDOW s;
 * a page that joins the room again with that token within it gets them back. A page that
 * rejoins while its old connection is still waiting to reconnect (it vanished without a
 * word) takes over from that one at once. Each seat remembers the address that holds it, so
 * a room kept open for seats counts against those addresses (server/joinGuard/KeptOpenRooms).
 */
import { randomBytes } from "node:crypto";

/** What a player takes back on rejoining. */
export interface KeptSeat {
  name: string;
  color: string;
  score: number;
}

export class KeptSeats {
  private readonly tokenOf = new Map<string, string>();
  private readonly holderOf = new Map<string, string>();
  private readonly kept = new Map<string, KeptSeat & { until: number; address: string }>();
  /** The address each session's seat is held for ("" when not known). */
  private readonly addressOf = new Map<string, string>();
  /** Players whose page said it is going away: their seats are kept when they leave. */
  private readonly goingAway = new Set<string>();
  /** When the last seat kept runs out, ms. */
  private keptUntil = Number.NEGATIVE_INFINITY;

  constructor(private readonly keepMs: number) {}

  /** A new secret for `sessionId`'s seat, held for `address` ("" when not known). */
  issue(sessionId: string, address = ""): string {
    const token = randomBytes(16).toString("base64url");
    this.tokenOf.set(sessionId, token);
    this.holderOf.set(token, sessionId);
    this.addressOf.set(sessionId, address);
    return token;
  }

  /** The session that holds the seat of `token` now, if one does. */
  holder(token: string): string | undefined {
    return this.holderOf.get(token);
  }

  /** `sessionId`'s page said it is going away (a reload may follow): its next leave keeps the seat. */
  goingAwaySoon(sessionId: string): void {
    this.goingAway.add(sessionId);
  }

  /** `sessionId` leaves at `now` (ms): its seat is kept for the window if its page said it is going away, else forgotten. */
  leave(sessionId: string, seat: () => KeptSeat, now: number): void {
    if (this.goingAway.has(sessionId)) this.keep(sessionId, seat(), now);
    this.forget(sessionId);
  }

  /** ms until the last seat kept runs out at `now` (0 or less: none is). */
  keptFor(now: number): number {
    return this.keptUntil - now;
  }

  /** `sessionId` left at `now` (ms): keeps its seat for the window. */
  keep(sessionId: string, seat: KeptSeat, now: number): void {
    const token = this.tokenOf.get(sessionId);
    const address = this.addressOf.get(sessionId) ?? "";
    this.forget(sessionId);
    this.prune(now);
    if (token === undefined) return;
    this.kept.set(token, { ...seat, until: now + this.keepMs, address });
    this.keptUntil = now + this.keepMs;
  }

  /** The addresses holding the seats still kept at `now`, each once ("" for seats whose address is not known). */
  holders(now: number): string[] {
    this.prune(now);
    return [...new Set(Array.from(this.kept.values(), (seat) => seat.address))];
  }

  /** The seat kept under `token`, taken out (once), if it is still kept at `now`. */
  take(token: string, now: number): KeptSeat | undefined {
    this.prune(now);
    const seat = this.kept.get(token);
    if (!seat) return undefined;
    this.kept.delete(token);
    return { name: seat.name, color: seat.color, score: seat.score };
  }

  forget(sessionId: string): void {
    const token = this.tokenOf.get(sessionId);
    if (token !== undefined) this.holderOf.delete(token);
    this.tokenOf.delete(sessionId);
    this.goingAway.delete(sessionId);
    this.addressOf.delete(sessionId);
  }

  private prune(now: number): void {
    for (const [token, seat] of this.kept) if (seat.until <= now) this.kept.delete(token);
  }
}
