/**
 * Sends the held keys to the room: at once on every change, and as a steady heartbeat
 * so a lost intent is repaired and the server knows the client is alive. Every message
 * carries the next sequence number; the server acknowledges the newest it applied.
 */
import type { InputMessage } from "../../../shared/protocol";

/** Heartbeat period, ms: 5 per second, far under the server's 90 messages/s limit. */
export const HEARTBEAT_MS = 200;

export class InputSender {
  private keys = 0;
  private seq = 0;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly send: (message: InputMessage) => void) {
    this.timer = setInterval(() => this.emit(), HEARTBEAT_MS);
  }

  get heldKeys(): number {
    return this.keys;
  }

  get lastSeq(): number {
    return this.seq;
  }

  setKeys(keys: number): void {
    if (keys === this.keys) return;
    this.keys = keys;
    this.emit();
  }

  dispose(): void {
    clearInterval(this.timer);
  }

  private emit(): void {
    this.seq++;
    this.send({ seq: this.seq, keys: this.keys });
  }
}
