/**
 * Each client's input as the simulation takes it: one client step per server step, with
 * the keys that step had. Clients send their keys only when they change ("keys K from
 * step S", client/InputSender.ts) and otherwise a heartbeat with their newest step, so the
 * server holds a player's keys until a change says otherwise, and paces the steps it
 * applies by where the client's reports say it is:
 *
 * - A client's step applied at server tick t is t + its offset, one a tick. The offset is
 *   set by the first report to leave INPUT_SPARE_START_STEPS to spare.
 * - Every report must arrive with at least INPUT_SPARE_MIN_STEPS to spare (its newest step
 *   ahead of the one applied), so that a key change, sent at most INPUT_MIN_GAP_STEPS − 1
 *   steps after it was made, arrives before its step: then the server applies exactly the
 *   keys the client predicted with. A report with less moves the offset back (the server
 *   holds the client's keys a step without taking a new one: a correction for the client).
 * - When a whole review of reports had more than INPUT_SPARE_MAX_STEPS to spare, the offset
 *   moves one step forward (one step is skipped): the delay of a past jitter spike goes.
 * - Never more than INPUT_AHEAD_STEPS past the newest step reported: a client whose reports
 *   stop (a stalled tab, a dropped link) is held, not run on.
 * - A change arriving late anyway takes effect at the next step, one change a step, so a
 *   quick tap (press and release) still charges and fires.
 * - Changes beyond KEY_CHANGES_PER_SECOND (and its burst) are merged into the newest due one
 *   (KeyChangeBudget): what the simulation, and so the recording, is fed stays within what a
 *   human can press.
 */
import {
  INPUT_AHEAD_STEPS,
  INPUT_SPARE_MAX_STEPS,
  INPUT_SPARE_MIN_STEPS,
  INPUT_SPARE_REVIEW_REPORTS,
  INPUT_SPARE_START_STEPS,
  MAX_WAITING_KEY_RUNS,
} from "../../shared/net/netConstants";
import type { KeyRun, ParsedInput } from "../../shared/net/inputMessage";
import { KeyChangeBudget } from "./KeyChangeBudget";

interface PlayerInputs {
  /** Key changes not yet applied, oldest first. */
  waiting: KeyRun[];
  /** How many of them the simulation may be fed. */
  budget: KeyChangeBudget;
  /** Keys applied on the last step. */
  keys: number;
  /** Newest client step applied, the ack (0 before any). */
  applied: number;
  /** Client step applied at server tick t: t + offset; undefined until the first report. */
  offset: number | undefined;
  /** Newest step reported, and the server tick the client was seeing the others at then. */
  reported: number;
  reportedSeen: number | undefined;
  /** Least spare of the reports in the current review, and how many it has had. */
  reviewSpare: number;
  reviewReports: number;
}

/** Why an input message was not taken: not newer than the last, or more changes than an honest client keeps waiting. */
export type InputRefusal = "stale" | "rate";

export class InputQueue {
  private readonly players = new Map<string, PlayerInputs>();

  add(sessionId: string): void {
    this.players.set(sessionId, {
      waiting: [],
      budget: new KeyChangeBudget(),
      keys: 0,
      applied: 0,
      offset: undefined,
      reported: 0,
      reportedSeen: undefined,
      reviewSpare: Infinity,
      reviewReports: 0,
    });
  }

  remove(sessionId: string): void {
    this.players.delete(sessionId);
  }

  /**
   * Takes a client's input message, received while the server is about to run step `tick`;
   * a refusal when it reports no newer step, names a step it already reported, or would
   * leave too many changes waiting (or the player is unknown: "stale").
   */
  push(sessionId: string, input: ParsedInput, tick: number): InputRefusal | undefined {
    const player = this.players.get(sessionId);
    if (!player || input.upTo <= player.reported) return "stale";
    // An honest client's changes all follow the newest step it had reported.
    if (input.runs.length > 0 && input.runs[0]![0] <= player.reported) return "stale";
    if (player.waiting.length + input.runs.length > MAX_WAITING_KEY_RUNS) return "rate";
    player.waiting.push(...input.runs);
    player.reported = input.upTo;
    player.reportedSeen = input.seen;
    if (player.offset === undefined) player.offset = input.upTo - INPUT_SPARE_START_STEPS - (tick - 1);
    this.pace(player, input.upTo - (tick - 1 + player.offset));
    return undefined;
  }

  /** Releases every key, e.g. while the owner is disconnected. */
  release(sessionId: string): void {
    const player = this.players.get(sessionId);
    if (!player) return;
    player.waiting.length = 0;
    player.keys = 0;
  }

  /**
   * Takes every player's next step for server step `tick`: the keys each holds, and how
   * many steps behind `tick` each was seeing the other ships (for lag compensation).
   */
  nextStep(tick: number): { keys: Record<string, number>; seenLag: Record<string, number> } {
    const keys: Record<string, number> = {};
    const seenLag: Record<string, number> = {};
    for (const [sessionId, player] of this.players) {
      if (player.offset !== undefined) {
        const due = Math.min(tick + player.offset, player.reported + INPUT_AHEAD_STEPS);
        player.budget.refill();
        if (due > player.applied) {
          player.applied = due;
          // One change a step: on time each starts at its own step; late ones keep their order (within the budget).
          player.keys = player.budget.take(player.waiting, player.applied, player.keys) ?? player.keys;
        }
        if (player.reportedSeen !== undefined) seenLag[sessionId] = tick - (player.reportedSeen + player.applied - player.reported);
      }
      keys[sessionId] = player.keys;
    }
    return { keys, seenLag };
  }

  ackOf(sessionId: string): number {
    return this.players.get(sessionId)?.applied ?? 0;
  }

  /** Moves a client's steps later when a report had too little to spare, earlier when a whole review had too much. */
  private pace(player: PlayerInputs, spare: number): void {
    if (spare < INPUT_SPARE_MIN_STEPS) {
      player.offset! -= INPUT_SPARE_MIN_STEPS - spare;
      player.reviewSpare = Infinity;
      player.reviewReports = 0;
      return;
    }
    player.reviewSpare = Math.min(player.reviewSpare, spare);
    if (++player.reviewReports < INPUT_SPARE_REVIEW_REPORTS) return;
    if (player.reviewSpare > INPUT_SPARE_MAX_STEPS) player.offset! += 1;
    player.reviewSpare = Infinity;
    player.reviewReports = 0;
  }
}
