/**
 * Each client's inputs waiting for the simulation. One input is applied per step, in
 * order, so a quick tap (press and release inside one step) still charges and fires;
 * when the queue is empty the ship keeps holding the last keys (inputs are key state).
 */
import { MAX_QUEUED_INPUTS } from "../../shared/constants";
import type { InputMessage } from "../../shared/protocol";

interface PlayerInputs {
  queue: InputMessage[];
  /** Keys applied on the last step. */
  keys: number;
  /** Sequence number of the newest input applied (0 before any). */
  ack: number;
  /** Server tick the player was drawing others at when sending the input applied last. */
  seen: number | undefined;
  /** Newest sequence number accepted into the queue: anything not newer is stale. */
  newestSeq: number;
}

export class InputQueue {
  private readonly players = new Map<string, PlayerInputs>();

  add(sessionId: string): void {
    this.players.set(sessionId, { queue: [], keys: 0, ack: 0, seen: undefined, newestSeq: -1 });
  }

  remove(sessionId: string): void {
    this.players.delete(sessionId);
  }

  /** Queues an input; false when it is stale (not newer than one already received) or the player is unknown. */
  push(sessionId: string, input: InputMessage): boolean {
    const player = this.players.get(sessionId);
    if (!player || input.seq <= player.newestSeq) return false;
    player.newestSeq = input.seq;
    player.queue.push(input);
    if (player.queue.length > MAX_QUEUED_INPUTS) player.queue.shift();
    return true;
  }

  /** Releases every key, e.g. while the owner is disconnected. */
  release(sessionId: string): void {
    const player = this.players.get(sessionId);
    if (!player) return;
    player.queue.length = 0;
    player.keys = 0;
  }

  /**
   * Takes the next input of every player for step `tick`: the keys each holds, and how
   * many steps behind `tick` each was seeing the other ships (for lag compensation).
   */
  nextStep(tick: number): { keys: Record<string, number>; seenLag: Record<string, number> } {
    const keys: Record<string, number> = {};
    const seenLag: Record<string, number> = {};
    for (const [sessionId, player] of this.players) {
      const input = player.queue.shift();
      if (input) {
        player.keys = input.keys;
        player.ack = input.seq;
        player.seen = input.seen;
      }
      keys[sessionId] = player.keys;
      if (player.seen !== undefined) seenLag[sessionId] = tick - player.seen;
    }
    return { keys, seenLag };
  }

  ackOf(sessionId: string): number {
    return this.players.get(sessionId)?.ack ?? 0;
  }
}
