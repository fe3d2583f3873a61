/**
 * The round trip the player sees: the SDK's ping every PING_INTERVAL_MS, shown in the HUD and
 * reported to the server (`rtt`), which keeps a histogram of its players' round trips: it
 * cannot measure the SDK's pings itself.
 */
import type { Room } from "@colyseus/sdk";
import { PING_INTERVAL_MS } from "../shared/net/netConstants";
import { ClientMessage } from "../shared/net/messages";

export class PingMeter {
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  /** The latest round trip, ms; undefined before the first answer. */
  latestMs: number | undefined;

  constructor(private readonly room: Room) {}

  start(): void {
    this.timer = setInterval(() => this.measure(), PING_INTERVAL_MS);
    this.measure();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private measure(): void {
    if (this.stopped) return;
    this.room.ping((ms: number) => {
      this.latestMs = ms;
      if (!this.stopped) this.room.send(ClientMessage.Rtt, Math.round(ms));
    });
  }
}
