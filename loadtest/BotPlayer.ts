/**
 * One headless player on a real SDK connection. It behaves on the wire exactly like the
 * browser client: one input per 1/60 s step (the same InputStream), sent as key changes
 * and heartbeats (the same InputSender) with the tick it was seeing the others at (`seen`,
 * for lag compensation), a ping every second whose result it reports to the server, and
 * the keys its brain holds.
 */
import type { Client, Room } from "@colyseus/sdk";
import { BASE_INTERPOLATION_DELAY_MS } from "../shared/net/netConstants";
import { TICK_MS } from "../shared/constants";
import { ClientMessage, ROOM_NAME, ServerMessage } from "../shared/net/messages";
import { type JoinOptions } from "../shared/net/joinOptions";
import { ONE_SCREEN } from "../shared/sim/worldSize";
import { InputStream } from "../client/InputStream";
import { netroidsWire, type BotWire, type BotWireFactory } from "./botWire";
import { createMind, think, type BotMind, type BotSight } from "./botBrain";

/** How far behind the newest patch a bot claims to see others, ticks: a browser's interpolation delay on a steady link. */
const SEEN_DELAY_TICKS = Math.round(BASE_INTERPOLATION_DELAY_MS / TICK_MS); // 6 steps: 100 ms
/** Pings kept per bot: an hour at one a second, so an unbounded run cannot grow without limit. */
const MAX_RTT_SAMPLES = 3600;

/** Where a bot goes: any room of a type (join or create), a new room of a type, or one room by id. */
export type BotTarget = { roomName: string; create?: boolean } | { roomId: string };

export interface RttSample {
  /** Wall-clock time of the answer, ms since the epoch (comparable across processes). */
  at: number;
  ms: number;
}

export class BotPlayer {
  /** Round-trip times measured, oldest first. */
  readonly rtts: RttSample[] = [];
  errors = 0;
  /** Close code when the server ended the connection; undefined while connected or after leave(). */
  droppedWith: number | undefined;
  private readonly mind: BotMind;
  private readonly inputs: InputStream;
  private readonly wire: BotWire;
  private sight: BotSight = { self: undefined, others: [], size: ONE_SCREEN };
  /** Patches received, and those in which the bot's ship was dead: the share of time it spends dead. */
  patchesSeen = 0;
  patchesDead = 0;
  private latestTick: number | undefined;
  private leaving = false;

  private constructor(
    readonly room: Room<unknown, unknown>,
    seed: number,
    private readonly now: () => number,
    wire: BotWireFactory,
  ) {
    this.mind = createMind(seed);
    this.inputs = new InputStream(({ seq }) => this.sendStep(seq));
    this.wire = wire(room);
    room.onStateChange((state: unknown) => this.observe(state));
    room.onMessage(ServerMessage.Events, () => undefined);
    room.onError(() => this.errors++);
    room.onLeave((code: number) => {
      if (!this.leaving) this.droppedWith = code;
    });
  }

  static async join(
    client: Client,
    target: BotTarget,
    options: JoinOptions,
    seed: number,
    now: () => number = () => performance.now(),
    wire: BotWireFactory = netroidsWire,
  ): Promise<BotPlayer> {
    const room =
      "roomId" in target
        ? await client.joinById<unknown>(target.roomId, options)
        : target.create
          ? await client.create<unknown>(target.roomName || ROOM_NAME, options)
          : await client.joinOrCreate<unknown>(target.roomName || ROOM_NAME, options);
    return new BotPlayer(room, seed, now, wire);
  }

  get connected(): boolean {
    return !this.leaving && this.droppedWith === undefined;
  }

  /** Sends the input steps due by now. */
  update(): void {
    if (this.connected) this.inputs.advance(this.now());
  }

  ping(): void {
    if (!this.connected) return;
    this.room.ping((ms: number) => {
      if (this.rtts.length >= MAX_RTT_SAMPLES) this.rtts.shift();
      this.rtts.push({ at: Date.now(), ms });
      if (this.connected) this.room.send(ClientMessage.Rtt, Math.round(ms * 10) / 10);
    });
  }

  async leave(): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    if (this.droppedWith === undefined) await this.room.leave(true).catch(() => undefined);
  }

  private sendStep(seq: number): void {
    this.inputs.setKeys(think(this.mind, this.sight, this.now()));
    const seen = this.latestTick === undefined ? undefined : Math.max(0, this.latestTick - SEEN_DELAY_TICKS);
    this.wire.sendStep(seq, this.inputs.heldKeys, seen);
  }

  private observe(state: unknown): void {
    const { sight, tick } = this.wire.read(state, this.room.sessionId);
    this.latestTick = tick;
    this.sight = sight;
    this.patchesSeen++;
    if (sight.self && !sight.self.alive) this.patchesDead++;
  }
}
