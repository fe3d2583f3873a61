/**
 * Sends the input stream's steps as run-length key changes: "keys K from step S", when the
 * keys change, and a heartbeat carrying the newest step when they have not for a while.
 * Steps are still made, predicted and numbered one per 1/60 s (InputStream); the server
 * holds a player's keys until told otherwise and follows the steps the messages report
 * (server/rooms/InputQueue.ts), so a player holding Up for a second costs 4 messages, not 30.
 */
import { INPUT_HEARTBEAT_STEPS, INPUT_MIN_GAP_STEPS } from "../shared/net/netConstants";
import type { InputMessage, KeyRun } from "../shared/net/inputMessage";

export class InputSender {
  /** Keys of the newest step made: what the server holds once it has the runs sent so far and those waiting. */
  private keys = 0;
  private waiting: KeyRun[] = [];
  private newestStep: number | undefined;
  private newestSeen: number | undefined;
  /** Newest step reported to the server. */
  private sentStep = 0;
  /** The newest round-trip probe seen (server/rooms/RoundTrips.ts), and one still to echo in the next message. */
  private lastProbe = 0;
  private pendingEcho: number | undefined;

  constructor(
    private readonly send: (message: InputMessage) => void,
    private readonly minGapSteps = INPUT_MIN_GAP_STEPS,
    private readonly heartbeatSteps = INPUT_HEARTBEAT_STEPS,
  ) {}

  /**
   * Takes step `step` (each one after the previous) with the keys held and the tick the
   * player sees the others at; sends a change once MIN_GAP steps passed since the last
   * message, and a heartbeat once HEARTBEAT steps passed without one.
   */
  push(step: number, keys: number, seen: number | undefined): void {
    if (keys !== this.keys) {
      this.waiting.push([step, keys]);
      this.keys = keys;
    }
    this.newestStep = step;
    this.newestSeen = seen;
    const since = step - this.sentStep;
    // An echo goes at once: the server times the round trip by it, and a wait would count as latency.
    if (this.pendingEcho !== undefined || since >= (this.waiting.length > 0 ? this.minGapSteps : this.heartbeatSteps)) this.flush();
  }

  /** The probe in the client's own ship state, from each patch: a new one goes out with the next step's message, once (0 is none). */
  echo(probe: number): void {
    if (probe === this.lastProbe) return;
    this.lastProbe = probe;
    if (probe !== 0) this.pendingEcho = probe;
  }

  /** Sends what is waiting now, e.g. before the connection closes. */
  flush(): void {
    if (this.newestStep === undefined || this.newestStep === this.sentStep) return;
    const message: InputMessage = { upTo: this.newestStep };
    if (this.newestSeen !== undefined) message.seen = this.newestSeen;
    if (this.waiting.length > 0) message.runs = this.waiting;
    if (this.pendingEcho !== undefined) message.echo = this.pendingEcho;
    this.pendingEcho = undefined;
    this.waiting = [];
    this.sentStep = this.newestStep;
    this.send(message);
  }
}
