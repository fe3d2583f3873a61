/**
 * Packs consecutive input steps into `input` messages of INPUT_STEPS_PER_MESSAGE steps.
 * Steps are still made, predicted and numbered one per 1/60 s; only the sending is
 * grouped, which halves the messages a server handles per player.
 */
import { INPUT_STEPS_PER_MESSAGE } from "../shared/constants";
import type { InputBatchMessage } from "../shared/protocol";

export class InputBatcher {
  private keys: number[] = [];
  private firstSeq = 0;
  private firstSeen: number | undefined;

  constructor(
    private readonly send: (message: InputBatchMessage) => void,
    private readonly stepsPerMessage = INPUT_STEPS_PER_MESSAGE,
  ) {}

  /** Adds the step `seq` (which must follow the previous one); sends once the batch is full. */
  push(seq: number, keys: number, seen: number | undefined): void {
    if (this.keys.length > 0 && seq !== this.firstSeq + this.keys.length) this.flush();
    if (this.keys.length === 0) {
      this.firstSeq = seq;
      this.firstSeen = seen;
    }
    this.keys.push(keys);
    if (this.keys.length >= this.stepsPerMessage) this.flush();
  }

  /** Sends whatever is waiting, e.g. before the connection closes. */
  flush(): void {
    if (this.keys.length === 0) return;
    const message: InputBatchMessage = { seq: this.firstSeq, keys: this.keys.length === 1 ? this.keys[0]! : this.keys };
    if (this.firstSeen !== undefined) message.seen = this.firstSeen;
    this.keys = [];
    this.send(message);
  }
}
