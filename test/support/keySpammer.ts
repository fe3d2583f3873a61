/**
 * Players that change their keys every step, as fast as the protocol carries it: every
 * RUNS_PER_MESSAGE steps one input message with a run for each of those steps, each
 * different keys from a seeded PRNG (varied keys are what gzip packs worst). Messages stay
 * far under the room's rate limits (7.5 a second), so none is dropped for flooding: what
 * bounds the recording must be the key-change budget itself.
 */
import { Client, type Room } from "@colyseus/sdk";
import { ALL_KEYS } from "../../shared/sim/input";
import { ClientMessage, ServerMessage } from "../../shared/net/messages";
import { type KeyRun } from "../../shared/net/inputMessage";
import type { GameState } from "../../shared/net/schema";
import { sleep } from "./gameServer";

/** The most the protocol allows in one message (MAX_RUNS_PER_INPUT). */
const RUNS_PER_MESSAGE = 8;
const STEP_MS = 1000 / 60;

export interface SpamTally {
  messages: number;
  runs: number;
}

export class KeySpammer {
  readonly sent: SpamTally = { messages: 0, runs: 0 };
  private lastStep = 0;
  private keys = 0;

  private constructor(
    readonly room: Room<unknown, GameState>,
    private rng: number,
  ) {
    room.onMessage(ServerMessage.Events, () => undefined);
  }

  static async join(endpoint: string, roomId: string, name: string, seed: number): Promise<KeySpammer> {
    const room = await new Client(endpoint).joinById<GameState>(roomId, { name });
    room.reconnection.enabled = false;
    return new KeySpammer(room, seed >>> 0 || 1);
  }

  /** Sends the runs of the steps since the last message, up to `step` (the client's own step count). */
  send(step: number): void {
    if (step <= this.lastStep) return;
    const first = Math.max(this.lastStep + 1, step - RUNS_PER_MESSAGE + 1);
    const runs: KeyRun[] = [];
    for (let at = first; at <= step; at++) runs.push([at, this.nextKeys()]);
    this.room.send(ClientMessage.Input, { upTo: step, runs });
    this.lastStep = step;
    this.sent.messages++;
    this.sent.runs += runs.length;
  }

  async leave(): Promise<void> {
    await this.room.leave(true).catch(() => undefined);
  }

  /** Any keys but the ones held (xorshift32). */
  private nextKeys(): number {
    this.rng ^= this.rng << 13;
    this.rng ^= this.rng >>> 17;
    this.rng ^= this.rng << 5;
    this.rng >>>= 0;
    const keys = 1 + (this.rng % ALL_KEYS);
    this.keys = keys === this.keys ? (keys % ALL_KEYS) + 1 : keys;
    return this.keys;
  }
}

/**
 * Runs `spammers` for `durationMs` of wall time on one clock, a message each every
 * RUNS_PER_MESSAGE steps, or until `stop` says so. Bounded by the deadline.
 */
export async function spamKeys(spammers: readonly KeySpammer[], durationMs: number, stop: () => boolean = () => false): Promise<void> {
  const started = Date.now();
  // Client steps start high, as a browser's do after a while: the server takes whatever step numbers a client keeps.
  const stepAt = (): number => 1000 + Math.floor((Date.now() - started) / STEP_MS);
  while (Date.now() - started < durationMs && !stop()) {
    const step = stepAt();
    for (const spammer of spammers) spammer.send(step);
    await sleep(RUNS_PER_MESSAGE * STEP_MS);
  }
}
