/**
 * Sits between a joined room and its socket: counts bytes each way (for the debug
 * overlay) and, when conditions are set, delays every message like a slow network
 * would. Delivery keeps its order, as TCP does: a delayed message holds back the ones
 * behind it, which is how a real spike feels.
 */
import type { Room } from "@colyseus/sdk";
import { isSimulated, oneWayDelay, type LinkConditions } from "./linkConditions";

/** Window over which byte rates are measured, ms. */
const RATE_WINDOW_MS = 1000;

/**
 * One direction of the link. Held-back messages wait in one FIFO released by a single
 * timer: with a timer per message, two messages due in the same millisecond may fire in
 * either order, and a later one would overtake an earlier one.
 */
class Direction {
  private readonly queue: Array<{ due: number; deliver: () => void }> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly recent: Array<{ at: number; bytes: number }> = [];
  total = 0;

  constructor(private readonly now: () => number) {}

  /** Counts `bytes` and runs `deliver` after `delayMs`, never before an earlier message. */
  pass(bytes: number, delayMs: number, deliver: () => void): void {
    const now = this.now();
    this.total += bytes;
    this.recent.push({ at: now, bytes });
    if (delayMs <= 0 && this.queue.length === 0) return deliver();
    const due = Math.max(now + delayMs, this.queue[this.queue.length - 1]?.due ?? -Infinity);
    this.queue.push({ due, deliver });
    if (this.timer === undefined) this.schedule();
  }

  private schedule(): void {
    const head = this.queue[0];
    this.timer = head ? setTimeout(this.flush, Math.max(0, head.due - this.now())) : undefined;
  }

  private readonly flush = (): void => {
    // Timers may fire a fraction of a millisecond early: what is not due yet waits for the next one.
    const now = this.now();
    while (this.queue.length > 0 && this.queue[0]!.due <= now) this.queue.shift()!.deliver();
    this.schedule();
  };

  bytesPerSecond(): number {
    const now = this.now();
    while (this.recent.length > 0 && this.recent[0]!.at < now - RATE_WINDOW_MS) this.recent.shift();
    return (this.recent.reduce((sum, entry) => sum + entry.bytes, 0) * 1000) / RATE_WINDOW_MS;
  }
}

interface ConnectionLike {
  send(data: Uint8Array): void;
  events: { onmessage?: ((event: { data: ArrayBuffer }) => unknown) | null };
}

export class RoomLink {
  private readonly up: Direction;
  private readonly down: Direction;
  /** Once the room is left, messages still held back are dropped: the SDK has no state left to apply them to. */
  private closed = false;

  constructor(
    room: Room,
    private conditions: LinkConditions,
    private readonly random: () => number = Math.random,
    now: () => number = () => performance.now(),
  ) {
    this.up = new Direction(now);
    this.down = new Direction(now);
    const connection = room.connection as unknown as ConnectionLike;
    const send = connection.send.bind(connection);
    // The SDK encodes small messages (ping, leave) in one buffer it reuses for the next message:
    // a message held back must carry its own copy, or it leaves as whatever was encoded last.
    connection.send = (data: Uint8Array) => {
      const bytes = data.slice();
      this.up.pass(bytes.byteLength, this.delay(), () => send(bytes));
    };
    const receive = connection.events.onmessage;
    connection.events.onmessage = (event: { data: ArrayBuffer }) =>
      this.down.pass(event.data.byteLength, this.delay(), () => {
        if (!this.closed) receive?.(event);
      });
  }

  get simulated(): LinkConditions | undefined {
    return isSimulated(this.conditions) ? this.conditions : undefined;
  }

  /** Stops delivering incoming messages (call when leaving the room). */
  close(): void {
    this.closed = true;
  }

  setConditions(conditions: LinkConditions): void {
    this.conditions = conditions;
  }

  bytesPerSecond(): { in: number; out: number } {
    return { in: this.down.bytesPerSecond(), out: this.up.bytesPerSecond() };
  }

  private delay(): number {
    return isSimulated(this.conditions) ? oneWayDelay(this.conditions, this.random(), this.random()) : 0;
  }
}
