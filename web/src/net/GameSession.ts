/**
 * One joined game room as the client sees it: replicated state turned into timestamped
 * snapshots, drawn through interpolation at a fixed delay behind the estimated server
 * time; server events released when the render time reaches them; the input sender;
 * ping. Components read frames and HUD data from it; it knows nothing of React.
 */
import type { Room } from "@colyseus/sdk";
import type { AsteroidSize } from "../../../shared/constants";
import { ServerMessage, type InputMessage } from "../../../shared/protocol";
import type { GameState } from "../../../shared/schema";
import type { GameEvent } from "../../../shared/world";
import type { RenderAsteroid, RenderBullet, RenderFrame, RenderShip } from "../render/frame";
import { EntityTracker } from "./EntityTracker";
import { InputSender } from "./InputSender";
import { ServerClock, TICK_MS } from "./serverClock";

/** How far behind the estimated server time remote objects are drawn, ms: two 50 ms patch intervals, so one late patch never leaves the buffer dry. */
export const INTERPOLATION_DELAY_MS = 100;
/** How often the round trip is measured, ms. */
const PING_INTERVAL_MS = 1000;

type ShipSnapshot = Omit<RenderShip, "id" | "isLocal">;
type BulletSnapshot = Omit<RenderBullet, "id"> & { angle: number };
type AsteroidSnapshot = Omit<RenderAsteroid, "id">;

export interface ScoreLine {
  id: string;
  name: string;
  color: string;
  score: number;
  alive: boolean;
  connected: boolean;
}

export interface HudState {
  roomName: string;
  score: number;
  pingMs: number | undefined;
  alive: boolean;
  respawnIn: number;
  scoreboard: ScoreLine[];
}

export class GameSession {
  readonly clock = new ServerClock();
  readonly input: InputSender;
  private readonly ships = new EntityTracker<ShipSnapshot>();
  private readonly bullets = new EntityTracker<BulletSnapshot>();
  private readonly asteroids = new EntityTracker<AsteroidSnapshot>();
  private readonly pendingEvents: Array<{ t: number; event: GameEvent }> = [];
  private readonly pingTimer: ReturnType<typeof setInterval>;
  private pingMs: number | undefined;
  private closed = false;
  private readonly closeListeners = new Set<(code: number) => void>();
  private readonly onState = (state: GameState) => this.snapshot(state);
  private readonly onRoomLeave = (code: number) => {
    if (this.closed) return;
    this.dispose();
    for (const listener of this.closeListeners) listener(code);
  };
  private readonly unbindEvents: () => void;

  constructor(
    readonly room: Room<unknown, GameState>,
    readonly roomName: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.input = new InputSender((message: InputMessage) => {
      if (!this.closed) room.send("input", message);
    });
    room.onStateChange(this.onState);
    room.onLeave(this.onRoomLeave);
    this.unbindEvents = room.onMessage(ServerMessage.Events, (batch: { tick: number; events: GameEvent[] }) => {
      for (const event of batch.events) this.pendingEvents.push({ t: batch.tick * TICK_MS, event });
    });
    this.pingTimer = setInterval(() => this.measurePing(), PING_INTERVAL_MS);
    this.measurePing();
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  get roomId(): string {
    return this.room.roomId;
  }

  get latestPingMs(): number | undefined {
    return this.pingMs;
  }

  /** The local player's score in the newest state. */
  localScore(): number {
    return this.room.state.ships?.get(this.sessionId)?.score ?? 0;
  }

  /** Server time being drawn now, ms. */
  renderTime(localNow = this.now()): number {
    return this.clock.serverNow(localNow) - INTERPOLATION_DELAY_MS;
  }

  /** Everything to draw at `localNow`, and the events whose time has come (oldest first). */
  frame(localNow = this.now()): { frame: RenderFrame; events: GameEvent[] } {
    const renderTime = this.renderTime(localNow);
    const frame: RenderFrame = { ships: [], bullets: [], asteroids: [] };
    for (const id of this.ships.idsAt(renderTime)) {
      const ship = this.ships.sample(id, renderTime);
      if (ship) frame.ships.push({ ...ship, id, isLocal: id === this.sessionId });
    }
    for (const id of this.bullets.idsAt(renderTime)) {
      const bullet = this.bullets.sample(id, renderTime);
      if (bullet) frame.bullets.push({ id, x: bullet.x, y: bullet.y, radius: bullet.radius, color: bullet.color });
    }
    for (const id of this.asteroids.idsAt(renderTime)) {
      const rock = this.asteroids.sample(id, renderTime);
      if (rock) frame.asteroids.push({ ...rock, id });
    }
    let due = 0;
    while (due < this.pendingEvents.length && this.pendingEvents[due]!.t <= renderTime) due++;
    const events = this.pendingEvents.splice(0, due).map((pending) => pending.event);
    return { frame, events };
  }

  /** Scores and the local player's status, from the newest state (not delayed). */
  hud(): HudState {
    const state = this.room.state;
    const scoreboard: ScoreLine[] = [];
    state.ships.forEach((ship, id) => {
      scoreboard.push({ id, name: ship.name, color: ship.color, score: ship.score, alive: ship.alive, connected: ship.connected });
    });
    scoreboard.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    const own = state.ships.get(this.sessionId);
    return {
      roomName: this.roomName,
      score: own?.score ?? 0,
      pingMs: this.pingMs,
      alive: own?.alive ?? true,
      respawnIn: own?.respawnIn ?? 0,
      scoreboard,
    };
  }

  /** Calls `listener` with the close code if the room ends without the player leaving (server gone, kicked). */
  onClosed(listener: (code: number) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Leaves the room (consented) and stops every timer and listener. */
  async leave(): Promise<void> {
    if (this.closed) return;
    this.dispose();
    await this.room.leave(true);
  }

  private dispose(): void {
    this.closed = true;
    this.input.dispose();
    clearInterval(this.pingTimer);
    this.room.onStateChange.remove(this.onState);
    this.room.onLeave.remove(this.onRoomLeave);
    this.unbindEvents();
  }

  private measurePing(): void {
    if (this.closed) return;
    this.room.ping((ms: number) => {
      this.pingMs = ms;
    });
  }

  private snapshot(state: GameState): void {
    const localNow = this.now();
    this.clock.observe(state.tick, localNow);
    const t = state.tick * TICK_MS;
    const colorOf = (owner: string) => state.ships.get(owner)?.color ?? "#ffffff";
    this.ships.record(
      t,
      Array.from(state.ships.entries(), ([id, ship]): [string, ShipSnapshot] => [
        id,
        {
          name: ship.name, color: ship.color, x: ship.x, y: ship.y, angle: ship.angle, alive: ship.alive,
          charge: ship.charge, keys: ship.keys, protected: ship.protected, respawnIn: ship.respawnIn,
        },
      ]),
    );
    this.bullets.record(
      t,
      Array.from(state.bullets.entries(), ([id, bullet]): [string, BulletSnapshot] => [
        id,
        { x: bullet.x, y: bullet.y, angle: 0, radius: bullet.radius, color: colorOf(bullet.owner) },
      ]),
    );
    this.asteroids.record(
      t,
      Array.from(state.asteroids.entries(), ([id, rock]): [string, AsteroidSnapshot] => [
        id,
        { size: rock.size as AsteroidSize, x: rock.x, y: rock.y, angle: rock.angle },
      ]),
    );
  }
}
