/**
 * How many key changes one ship's simulation is fed: a token bucket counted in server
 * steps, so the same rule bounds the world, and through it the match's recording, which
 * holds exactly the keys each step was fed (server/replay/MatchRecorder.ts).
 *
 * A change due while the budget has room is taken as before: one a step, in order, so a
 * quick tap still charges and fires. Runs the budget cannot pay for are merged: when some
 * are due and fewer can be paid for, the oldest give way to the newest of them, and with
 * nothing to pay the keys held stay until there is. A client beyond the budget thus lands
 * on the keys it holds now, a little late, rather than on an ever older backlog.
 */
import { TICK_RATE } from "../../shared/constants";
import type { KeyRun } from "../../shared/net/inputMessage";

/**
 * Key changes a ship may make per second, sustained.
 * @default 20 — ten presses and releases a second, past what a hand keeps up. The busiest
 * honest client, the netcode bench's aimbot, averages 22 a second over a duel; with the burst
 * below it stays within (0 of 77,242 honest changes in a day's bench and test recordings
 * would have been merged). At 20 a second a spammer's recording costs ~1.5 KB a player-minute.
 */
export const KEY_CHANGES_PER_SECOND = 20;
/**
 * Key changes a ship may make at once, on top.
 * @default TICK_RATE (60) — a whole second of a change every step.
 */
export const KEY_CHANGE_BURST = TICK_RATE;

/** Credit is counted in 1/TICK_RATE of a change, so each step adds a whole number and nothing drifts. */
const CHANGE_COST = TICK_RATE;
const MAX_CREDIT = KEY_CHANGE_BURST * CHANGE_COST;

export class KeyChangeBudget {
  private credit = MAX_CREDIT;
  /** Runs merged into a later one (dropped) because the budget could not pay for them. */
  merged = 0;

  /** Every server step: a step's worth of changes back. */
  refill(): void {
    this.credit = Math.min(MAX_CREDIT, this.credit + KEY_CHANGES_PER_SECOND);
  }

  /**
   * The ship's step `applied` is run: the keys to hold from it on, taken (and removed) from
   * the front of `waiting`, oldest first; undefined to keep holding `held`.
   */
  take(waiting: KeyRun[], applied: number, held: number): number | undefined {
    let due = 0;
    while (due < waiting.length && waiting[due]![0] <= applied) due++;
    const affordable = Math.floor(this.credit / CHANGE_COST);
    if (due === 0 || affordable === 0) return undefined;
    // All due affordable: the oldest, alone (as without a budget). Otherwise the ones past the budget merge into the next.
    const taken = due <= affordable ? 1 : due - affordable + 1;
    const keys = waiting[taken - 1]![1];
    waiting.splice(0, taken);
    this.merged += taken - 1;
    if (keys === held) return undefined;
    this.credit -= CHANGE_COST;
    return keys;
  }
}
