/**
 * An honest player for the fuzz test: a plain SDK client that turns toward the nearest
 * rock (leading it by the bullet's flight time) and fires once aimed, deciding two steps
 * at a time and sending each decision (30 messages a second, with the key changes as
 * runs: more than the web client, which sends on change). Rocks are everywhere
 * and never shoot back, so it scores within seconds; it counts what it sends so the
 * server's accounting can be held to it.
 */
import { Client, type Room } from "@colyseus/sdk";
import { BULLET_SPEED, SHIP_TURN_RATE, TICK_DT } from "../../shared/constants";
import { Key } from "../../shared/sim/input";
import { ClientMessage, ROOM_NAME, ServerMessage } from "../../shared/net/messages";
import { type KeyRun } from "../../shared/net/inputMessage";
import type { GameState, ShipState } from "../../shared/net/schema";
import { angleDelta, wrappedOffset } from "../../shared/sim/vector";
import { asteroidAt, worldSizeOf } from "../../shared/net/wire";

/** Messages per second, two steps each: the web client's pace, a third of the soft rate limit. */
const SEND_EVERY_MS = 1000 / 30;
/** Aim error under which it fires, radians: within a small rock's radius at ~250 px. */
const FIRE_TOLERANCE = 0.05;
const TURN_PER_STEP = SHIP_TURN_RATE * TICK_DT;

export class AsteroidHunter {
  /** Input messages sent while connected. */
  sent = 0;
  /** Close code if the server ended the connection. */
  droppedWith: number | undefined;
  private seq = 1;
  /** Keys of the newest step sent: the server holds them until a run changes them. */
  private keys = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  private constructor(readonly room: Room<unknown, GameState>) {
    room.onMessage(ServerMessage.Events, () => undefined);
    room.onLeave((code: number) => (this.droppedWith = code));
  }

  /** Creates the room (with `seed`) when `roomId` is undefined, else joins it. */
  static async enter(endpoint: string, name: string, target: { roomId: string } | { seed: number }): Promise<AsteroidHunter> {
    const client = new Client(endpoint);
    const room =
      "roomId" in target
        ? await client.joinById<GameState>(target.roomId, { name })
        : await client.create<GameState>(ROOM_NAME, { name, seed: target.seed });
    return new AsteroidHunter(room);
  }

  get ship(): ShipState | undefined {
    return this.room.state.ships?.get(this.room.sessionId);
  }

  get score(): number {
    return this.room.state.players?.get(this.room.sessionId)?.score ?? 0;
  }

  get tick(): number {
    return this.room.state.tick ?? 0;
  }

  start(): void {
    this.timer ??= setInterval(() => this.sendNext(), SEND_EVERY_MS);
  }

  /** Stops sending, after one message that releases every key. */
  stop(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.send([0, 0]);
  }

  private sendNext(): void {
    const aim = this.aimError();
    if (aim === undefined) return this.send([0, 0]);
    // Turn for as many of the two steps as the error needs, so it settles instead of swinging.
    const turn = aim > 0 ? Key.Right : Key.Left;
    const steps = Math.min(2, Math.round(Math.abs(aim) / TURN_PER_STEP));
    // Charge on the first step, release on the second: one small shot (the cooldown spaces them).
    const fire = Math.abs(aim) < FIRE_TOLERANCE ? Key.Fire : 0;
    this.send([(steps >= 1 ? turn : 0) | fire, steps >= 2 ? turn : 0]);
  }

  /** Sends the next steps' keys as the protocol wants them: the changes, and the newest step. */
  private send(keys: number[]): void {
    if (this.droppedWith !== undefined || !this.room.connection.isOpen) return;
    const runs: KeyRun[] = [];
    keys.forEach((stepKeys, i) => {
      if (stepKeys !== this.keys) runs.push([this.seq + i, stepKeys]);
      this.keys = stepKeys;
    });
    this.room.send(ClientMessage.Input, { upTo: this.seq + keys.length - 1, runs });
    this.seq += keys.length;
    this.sent++;
  }

  /**
   * Signed angle from the ship's nose to where the nearest rock will be when a bullet gets there; undefined
   * without a live ship or rocks.
   */
  private aimError(): number | undefined {
    const ship = this.ship;
    const state = this.room.state;
    const size = worldSizeOf(state);
    if (!ship?.alive || !state.asteroids || !size) return undefined;
    let best: { x: number; y: number } | undefined;
    let bestDistance = Infinity;
    state.asteroids.forEach((rock) => {
      const offset = wrappedOffset(ship, asteroidAt(rock, state.tick, size), size);
      const distance = Math.hypot(offset.x, offset.y);
      if (distance >= bestDistance) return;
      const flight = distance / BULLET_SPEED;
      best = { x: offset.x + rock.vx * flight, y: offset.y + rock.vy * flight };
      bestDistance = distance;
    });
    return best && angleDelta(ship.angle, Math.atan2(best.y, best.x));
  }
}
