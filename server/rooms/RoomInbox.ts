/**
 * What a game room's clients send, on its way in: every message passes its sender's
 * MessageGuard window first (a flooder is closed and gets no reconnection window), then
 * is parsed. Inputs go to the InputQueue (and their probe echoes to RoundTrips), reported round trips to the RTT histogram (one report per
 * client per RTT_REPORT_INTERVAL_MS, so one client cannot outweigh the rest); whatever is
 * malformed, too frequent or unknown is dropped and counted by reason.
 */
import type { Client } from "@colyseus/core";
import { RTT_REPORT_INTERVAL_MS } from "../../shared/net/netConstants";
import { parseInput, parseRttReport } from "../../shared/net/inputMessage";
import { serverMetrics } from "../metrics/ServerMetrics";
import { admitMessage } from "./admitMessage";
import type { InputQueue } from "./InputQueue";
import type { RoundTrips } from "./RoundTrips";
import { MessageGuard } from "./MessageGuard";

export class RoomInbox {
  readonly guard = new MessageGuard((reason) => serverMetrics.countDropped(reason));
  /** Clients closed for flooding, until their drop is handled. */
  private readonly expelled = new Set<string>();
  /** When each client's last RTT report was counted (room clock, ms). */
  private readonly lastRttReportAt = new Map<string, number>();

  constructor(
    private readonly inputs: InputQueue,
    private readonly roundTrips: RoundTrips,
    private readonly now: () => number,
  ) {}

  /** Rate accounting shared by every message type; false when the message must be ignored. */
  admit(client: Client): boolean {
    return admitMessage(this.guard, client, this.now(), "flood: too many messages per second", () => this.expelled.add(client.sessionId));
  }

  /** An input message, for the step after `tick`. */
  input(client: Client, payload: unknown, tick: number): void {
    if (!this.admit(client)) return;
    const input = parseInput(payload);
    if (!input) return this.guard.drop(client.sessionId, "malformed");
    const refusal = this.inputs.push(client.sessionId, input, tick + 1);
    if (refusal) return this.guard.drop(client.sessionId, refusal);
    if (input.echo !== undefined) this.roundTrips.echo(client.sessionId, input.echo);
    this.guard.accept(client.sessionId);
  }

  rtt(client: Client, payload: unknown): void {
    if (!this.admit(client)) return;
    const rttMs = parseRttReport(payload);
    if (rttMs === undefined) return this.guard.drop(client.sessionId, "malformed");
    const now = this.now();
    if (now - (this.lastRttReportAt.get(client.sessionId) ?? -Infinity) < RTT_REPORT_INTERVAL_MS)
      return this.guard.drop(client.sessionId, "rate");
    this.lastRttReportAt.set(client.sessionId, now);
    serverMetrics.observeRtt(rttMs);
    this.guard.accept(client.sessionId);
  }

  unknown(client: Client): void {
    if (this.admit(client)) this.guard.drop(client.sessionId, "unknown");
  }

  /** True, once, for a client the inbox closed for flooding: it leaves without a reconnection window. */
  wasExpelled(sessionId: string): boolean {
    return this.expelled.delete(sessionId);
  }

  forget(sessionId: string): void {
    this.guard.forget(sessionId);
    this.lastRttReportAt.delete(sessionId);
  }
}
