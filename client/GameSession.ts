/**
 * One joined game room as the client sees it. Remote objects: replicated state turned
 * into timestamped snapshots and drawn through interpolation at an adaptive delay behind
 * the estimated server time. Own ship: predicted from the player's inputs and reconciled
 * with each patch. Own bullets: drawn in the present, where the own ship is, from the frame
 * their release is predicted (OwnShots).
 * Server events are released when the render time reaches them. Components read frames,
 * HUD data and network statistics from it; it knows nothing of React.
 */
import type { Room } from "@colyseus/sdk";
import { MAX_BULLETS_PER_SHIP, RECONNECT_RETRY_MAX_DELAY_MS, RECONNECT_WINDOW, TICK_DT, TICK_MS } from "../shared/constants";
import { ClientMessage, ServerMessage, type EventSeen, type EventsMessage } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { decodeTrigger } from "../shared/net/triggerWire";
import type { Vec2 } from "../shared/sim/vector";
import { presentOwnShip, type RenderFrame } from "./frame";
import { minimapBlips } from "./minimap";
import { KillFeed } from "./killFeed";
import { hudStateOf, type HudState } from "./hudState";
import { FrameCounters, type NetcodeOptions, type NetStats } from "./netStats";
import { DueEvents } from "./DueEvents";
import { targetInterpolationDelay } from "../shared/net/interpolationDelay";
import { adaptInterpolationDelay } from "./interpolationDelay";
import { InputPump, systemClock } from "./InputPump";
import { InputSender } from "./InputSender";
import { InputStream } from "./InputStream";
import { NO_CONDITIONS, type LinkConditions } from "./linkConditions";
import { OwnShipPredictor, type PredictedInput } from "./OwnShipPredictor";
import { OwnShots, ownBulletsIn } from "./OwnShots";
import { PingMeter } from "./PingMeter";
import { colorOf, RemoteWorld, type SampledWorld } from "./RemoteWorld";
import { RoomLink } from "./RoomLink";
import { ServerClock } from "./serverClock";

export class GameSession {
  readonly clock = new ServerClock();
  private readonly switches: NetcodeOptions = { prediction: true, interpolation: true, lagCompensation: true };

  /** The netcode switches, as the overlay shows them. */
  get options(): Readonly<NetcodeOptions> {
    return this.switches;
  }

  /** Turns one netcode technique on or off (the overlay's checkboxes, the benchmark's configurations). */
  setOption(option: keyof NetcodeOptions, on: boolean): void {
    this.switches[option] = on;
  }
  readonly link: RoomLink;
  private readonly inputs: InputStream;
  private readonly pump: InputPump;
  private readonly sender = new InputSender((message) => this.room.send(ClientMessage.Input, message));
  private readonly predictor = new OwnShipPredictor();
  private readonly ownShots = new OwnShots();
  private readonly remote = new RemoteWorld();
  private readonly dueEvents = new DueEvents();
  private readonly kills = new KillFeed();
  private readonly counters = new FrameCounters();
  private readonly pings: PingMeter;
  private readonly closeListeners = new Set<(code: number) => void>();
  private readonly unbindEvents: () => void;
  private closed = false;
  private delayMs = targetInterpolationDelay(0);
  private latestPatchT = -Infinity;
  /** Where the camera last centred: kept while the own ship is dead or out of the state. */
  private focus: Vec2 | undefined;
  private lastFrameAt: number | undefined;
  /** Local time the link dropped at, while the SDK reconnects. */
  private droppedAt: number | undefined;

  constructor(
    readonly room: Room<unknown, GameState>,
    /** The name the lobby showed, until the room's state brings its own (see `roomName`). */
    private readonly listedName: string,
    conditions: LinkConditions = NO_CONDITIONS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.link = new RoomLink(room, conditions);
    this.inputs = new InputStream((input) => this.sendStep(input));
    this.pump = new InputPump(this.inputs, systemClock(now));
    room.onStateChange(this.onState);
    room.onLeave(this.onRoomLeave);
    // Reconnect from the first second, not only after the SDK's default 5 s of uptime, and retry at least every 2 s
    // through the server's RECONNECT_WINDOW, so a link that comes back is found at once.
    Object.assign(room.reconnection, { minUptime: 0, maxDelay: RECONNECT_RETRY_MAX_DELAY_MS });
    room.onDrop(this.onDrop);
    room.onReconnect(this.onReconnect);
    this.unbindEvents = room.onMessage(ServerMessage.Events, (batch: EventsMessage) => this.dueEvents.add(batch));
    this.pump.start();
    this.pings = new PingMeter(room);
    this.pings.start();
  }

  /** The room's own name (its lobby listing's, the same on every page), or the lobby's guess before the first state. */
  get roomName(): string {
    return (this.room.state as Partial<GameState>).roomName || this.listedName;
  }

  /** The secret that takes this player's seat back after a reload (server/rooms/KeptSeats.ts); undefined until the state brings it. */
  get seatToken(): string | undefined {
    const ships = (this.room.state as Partial<GameState>).ships;
    return ships?.get(this.sessionId)?.seatToken || undefined;
  }

  get sessionId(): string {
    return this.room.sessionId;
  }

  get roomId(): string {
    return this.room.roomId;
  }

  get latestPingMs(): number | undefined {
    return this.pings.latestMs;
  }

  /** The keys the player holds now; they go out with the next input step. */
  setKeys(keys: number): void {
    this.inputs.setKeys(keys);
  }

  /**
   * Runs the input steps due by now: each is sent and, with prediction on, applied to the own
   * ship. The session's input pump calls it on each step's due time; a caller on a clock of its
   * own (a benchmark's frame loop) may call it too, and only steps not yet run are run.
   */
  update(localNow = this.now()): void {
    if (!this.closed) this.inputs.advance(localNow);
  }

  /** The local player's score in the newest state. */
  localScore(): number {
    return this.room.state.players?.get(this.sessionId)?.score ?? 0;
  }

  /** Server time being drawn for remote objects now, ms. */
  renderTime(localNow = this.now()): number {
    if (!this.options.interpolation) return this.latestPatchT;
    return this.clock.serverNow(localNow) - this.delayMs;
  }

  /** Everything to draw at `localNow`, and the events whose time has come (oldest first). */
  frame(localNow = this.now()): { frame: RenderFrame; events: EventSeen[] } {
    const frameMs = this.lastFrameAt === undefined ? 0 : localNow - this.lastFrameAt;
    this.lastFrameAt = localNow;
    this.delayMs = adaptInterpolationDelay(this.delayMs, this.clock.jitterMs, frameMs);
    const renderTime = this.renderTime(localNow);
    this.counters.frame(renderTime > this.latestPatchT);

    const sampled = this.remote.sample(renderTime);
    const frame: RenderFrame = {
      world: this.remote.size,
      focus: undefined,
      ships: [],
      bullets: [],
      asteroids: sampled.asteroids,
      blips: [],
    };
    const ownPose = this.options.prediction ? this.predictor.drawnPose(frameMs) : undefined;
    for (const ship of sampled.ships) {
      const isLocal = ship.id === this.sessionId;
      const own = isLocal ? this.room.state.ships.get(ship.id) : undefined;
      frame.ships.push(
        own && ownPose ? presentOwnShip(ship, own, ownPose, this.inputs.heldKeys, this.room.state.tick) : { ...ship, isLocal },
      );
    }
    const drawnOwn = frame.ships.find((ship) => ship.isLocal);
    if (drawnOwn) this.focus = { x: drawnOwn.x, y: drawnOwn.y };
    frame.focus = this.focus;
    frame.blips = minimapBlips(this.room.state, frame, this.sessionId);
    this.collectBullets(frame, sampled, localNow);
    const events = this.dueEvents.takeDue(renderTime);
    const nameOf = (id: string) => this.room.state.players.get(id)?.name;
    for (const event of events) if (event.kind === "shipDestroyed") this.kills.record(event, nameOf, localNow);
    return { frame, events };
  }

  stats(localNow = this.now()): NetStats {
    const bytes = this.link.bytesPerSecond();
    return {
      pingMs: this.pings.latestMs,
      jitterMs: this.clock.jitterMs,
      interpolationDelayMs: this.options.interpolation ? this.delayMs : 0,
      correctionPx: this.predictor.lastCorrection,
      visibleErrorPx: this.predictor.visibleError,
      reconciliations: this.predictor.reconciliations,
      correctedPatches: this.predictor.correctedPatches,
      serverTick: this.room.state.tick ?? 0,
      patchesPerSecond: this.counters.patchesPerSecond(localNow),
      bytesInPerSecond: bytes.in,
      bytesOutPerSecond: bytes.out,
      dryFrameShare: this.counters.dryFrameShare,
      pendingInputs: this.predictor.pendingCount,
    };
  }

  /** Scores and the local player's status, from the newest state (not delayed). */
  hud(localNow = this.now()): HudState {
    return hudStateOf({
      state: this.room.state,
      sessionId: this.sessionId,
      roomName: this.roomName,
      pingMs: this.pings.latestMs,
      killFeed: this.kills.recent(localNow),
      lastDeath: (id) => this.kills.lastDeathOf(id),
      reconnectingIn: this.reconnectingIn(localNow),
    });
  }

  /** Seconds left of the server's RECONNECT_WINDOW while the link is down, else undefined. */
  private reconnectingIn(localNow: number): number | undefined {
    if (this.droppedAt === undefined) return undefined;
    return Math.max(0, RECONNECT_WINDOW - (localNow - this.droppedAt) / 1000);
  }

  /** Calls `listener` with the close code if the room ends without the player leaving (server gone, kicked). */
  onClosed(listener: (code: number) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /**
   * Leaves the room (consented) and stops every timer and listener. `keepSeat`: the page is going
   * away (a reload may follow), so it asks the server to keep the seat for a rejoin; otherwise the
   * seat is freed for good.
   */
  async leave({ keepSeat = false }: { keepSeat?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    this.dispose();
    if (keepSeat) this.room.send(ClientMessage.Away);
    await this.room.leave(true);
  }

  private readonly onState = (state: GameState) => this.snapshot(state);

  private readonly onDrop = () => {
    this.droppedAt ??= this.now();
  };

  private readonly onReconnect = () => {
    this.droppedAt = undefined;
  };

  private readonly onRoomLeave = (code: number) => {
    if (this.closed) return;
    this.dispose();
    for (const listener of this.closeListeners) listener(code);
  };

  private dispose(): void {
    this.closed = true;
    this.link.close();
    this.pump.stop();
    this.pings.stop();
    this.room.onStateChange.remove(this.onState);
    this.room.onLeave.remove(this.onRoomLeave);
    this.room.onDrop.remove(this.onDrop);
    this.room.onReconnect.remove(this.onReconnect);
    this.unbindEvents();
  }

  private sendStep(input: PredictedInput): void {
    if (this.closed) return;
    // Lag compensation: tell the server which moment of the others this input was made looking at.
    const seen = this.options.lagCompensation && this.clock.synced ? Math.max(0, Math.floor(this.renderTime() / TICK_MS)) : undefined;
    this.sender.push(input.seq, input.keys, seen);
    const shot = this.predictor.applyLocal(input, TICK_DT, this.ownShots.inFlight < MAX_BULLETS_PER_SHIP);
    if (shot && this.options.prediction) this.ownShots.predicted(input.seq, shot);
  }

  /** Own bullets are drawn in the present, like the predicted ship (OwnShots); others through interpolation. */
  private collectBullets(frame: RenderFrame, sampled: SampledWorld, localNow: number): void {
    const ownInPresent = this.options.prediction;
    for (const { id, x, y, radius, color, owner } of sampled.bullets) {
      if (!(ownInPresent && owner === this.sessionId)) frame.bullets.push({ id, x, y, radius, color });
    }
    if (ownInPresent)
      frame.bullets.push(...this.ownShots.drawn(this.inputs.lastSeq, localNow, frame.world, colorOf(this.room.state, this.sessionId)));
  }

  private snapshot(state: GameState): void {
    const localNow = this.now();
    this.clock.observe(state.tick, localNow);
    this.counters.patch(localNow);
    const t = state.tick * TICK_MS;
    this.latestPatchT = t;
    this.remote.record(state, t);
    this.predictor.field = this.remote.size;
    const own = state.ships.get(this.sessionId);
    if (!own) return;
    this.sender.echo(own.probe);
    const { x, y, vx, vy, angle, alive, ack } = own;
    this.predictor.reconcile({ x, y, vx, vy, angle, alive, ack, ...decodeTrigger(own.chargeLevel, own.cooldownSteps) }, TICK_DT);
    this.ownShots.reconcile(ack, ownBulletsIn(state, this.sessionId), this.inputs.lastSeq, localNow, this.remote.size);
  }
}
