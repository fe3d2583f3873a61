/**
 * One headless player on a real SDK connection. It behaves on the wire exactly like the
 * browser client: one input per 1/60 s step (the same InputStream), sent as key changes
 * and heartbeats (the same InputSender) with the tick it was seeing the others at (`seen`,
 * for lag compensation), a ping every second whose result it reports to the server, and
 * the keys its brain holds.
 */
import type { Client, Room } from "@colyseus/sdk";
import { BASE_INTERPOLATION_DELAY_MS, TICK_MS } from "../shared/constants";
import { ClientMessage, ROOM_NAME, ServerMessage, type JoinOptions } from "../shared/protocol";
import type { GameState } from "../shared/schema";
import { decodeMapCell, readPublicShip, worldSizeOf } from "../shared/wire";
import { ONE_SCREEN } from "../shared/worldSize";
import { InputSender } from "../engine/InputSender";
import { InputStream } from "../engine/InputStream";
import { createMind, think, type BotMind, type BotSight } from "./botBrain";

/** How far behind the newest patch a bot claims to see others, ticks: a browser's interpolation delay on a steady link. */
export const SEEN_DELAY_TICKS = Math.round(BASE_INTERPOLATION_DELAY_MS / TICK_MS); // 6 steps: 100 ms
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
  private readonly sender: InputSender;
  private sight: BotSight = { self: undefined, others: [], size: ONE_SCREEN };
  /** Patches received, and those in which the bot's ship was dead: the share of time it spends dead. */
  patchesSeen = 0;
  patchesDead = 0;
  private latestTick: number | undefined;
  private leaving = false;

  private constructor(
    readonly room: Room<unknown, GameState>,
    seed: number,
    private readonly now: () => number,
  ) {
    this.mind = createMind(seed);
    this.inputs = new InputStream(({ seq }) => this.sendStep(seq));
    this.sender = new InputSender((message) => this.room.send(ClientMessage.Input, message));
    room.onStateChange((state: GameState) => this.observe(state));
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
  ): Promise<BotPlayer> {
    const room =
      "roomId" in target
        ? await client.joinById<GameState>(target.roomId, options)
        : target.create
          ? await client.create<GameState>(target.roomName || ROOM_NAME, options)
          : await client.joinOrCreate<GameState>(target.roomName || ROOM_NAME, options);
    return new BotPlayer(room, seed, now);
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
    this.sender.push(seq, this.inputs.heldKeys, seen);
  }

  private observe(state: GameState): void {
    this.latestTick = state.tick;
    const size = worldSizeOf(state) ?? ONE_SCREEN;
    const others: BotSight["others"][number][] = [];
    let self: BotSight["self"];
    // A collection nothing of which is in the bot's view (or a room without views) may be absent.
    state.ships?.forEach((ship, id) => {
      if (id === this.room.sessionId) self = { x: ship.x, y: ship.y, angle: ship.angle, alive: ship.alive };
      else {
        // Other ships in view arrive as the compact public pose only.
        const { x, y } = readPublicShip(ship, state.tick);
        others.push({ x, y, alive: ship.alive });
      }
    });
    // Ships out of view: where the minimap shows them, as a player would chase a dot.
    state.players?.forEach((player, id) => {
      if (id !== this.room.sessionId && !state.ships?.has(id))
        others.push({ x: decodeMapCell(player.mapX, size.width), y: decodeMapCell(player.mapY, size.height), alive: player.alive });
    });
    this.sight = { self, others, size };
    this.patchesSeen++;
    if (self && !self.alive) this.patchesDead++;
  }
}
