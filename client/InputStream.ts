/**
 * The player's input as a stream of fixed steps: one input per 1/60 s of local time,
 * each with the next sequence number, carrying the keys held at that step. One input
 * is one server step, so the client can replay exactly what the server will apply
 * (see OwnShipPredictor). InputSender sends only their key changes and a heartbeat: a few
 * messages a second (docs/protocol.md, docs/benchmarks.md).
 */
import { INPUT_MAX_CATCH_UP_STEPS } from "../shared/net/netConstants";
import { TICK_MS } from "../shared/constants";
import type { PredictedInput } from "./OwnShipPredictor";

/**
 * A step this close to due is due, ms: local times summed frame by frame drift by a few ulps,
 * and a step left 1e-15 ms short would wait a whole frame and run two steps on the next.
 */
const DUE_EPSILON_MS = 1e-6;

export class InputStream {
  private keys = 0;
  /** Keys pressed since the last step: each counts as held on the next step even if already let go. */
  private pressed = 0;
  private seq = 0;
  private accumulator = 0;
  private lastTime: number | undefined;

  constructor(private readonly onStep: (input: PredictedInput) => void) {}

  get heldKeys(): number {
    return this.keys;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /**
   * A press and release between two steps (a quick tap of a touch pad, a fast key) would
   * otherwise never be seen by a step: the press is kept for the next step.
   */
  setKeys(keys: number): void {
    this.pressed |= keys & ~this.keys;
    this.keys = keys;
  }

  /** Local time from the last advance to the next step's due time, ms: 0 when one is due already. */
  msToNextStep(): number {
    return Math.max(0, TICK_MS - DUE_EPSILON_MS - this.accumulator);
  }

  /** Runs the steps due by `localNow` (ms); returns how many ran. */
  advance(localNow: number): number {
    if (this.lastTime === undefined) {
      this.lastTime = localNow;
      return 0;
    }
    // Times from two clocks (a frame's start, a timer's now) may come out of order: never count one span twice.
    if (localNow <= this.lastTime) return 0;
    this.accumulator += localNow - this.lastTime;
    this.lastTime = localNow;
    let steps = 0;
    while (this.accumulator >= TICK_MS - DUE_EPSILON_MS && steps < INPUT_MAX_CATCH_UP_STEPS) {
      this.accumulator -= TICK_MS;
      this.seq++;
      steps++;
      this.onStep({ seq: this.seq, keys: this.keys | this.pressed });
      this.pressed = 0;
    }
    if (steps === INPUT_MAX_CATCH_UP_STEPS) this.accumulator = 0;
    return steps;
  }
}
