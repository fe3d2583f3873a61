/**
 * The authoritative game room. It orchestrates — joins, leaves, inputs, ticks — and
 * calls the shared simulation for everything else: clients send held keys, the room
 * applies one input per client per fixed 60 Hz step, and the replicated state is
 * patched out at 20 Hz. Clients never send positions and never decide hits.
 */
import { performance } from "node:perf_hooks";
import { CloseCode, Room, ServerError, type AuthContext, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { DEFAULT_SEATS, RECONNECT_WINDOW, TICK_DT, TICK_MS, TICK_RATE } from "../../shared/constants";
import { PATCH_INTERVAL_MS } from "../../shared/net/netConstants";
import { addShip, removeShip } from "../../shared/sim/lifecycle";
import { ClientMessage, ServerMessage, type RoomListingMetadata, type ShutdownNotice } from "../../shared/net/messages";
import { cleanRoomName, joinOptionsProblem, type JoinOptions } from "../../shared/net/joinOptions";
import { GameState } from "../../shared/net/schema";
import { createWorld, step } from "../../shared/sim/step";
import { findShip, type World } from "../../shared/sim/world";
import { worldSizeFor } from "../../shared/sim/worldSize";
import type { SpectatorWorld } from "../../shared/dashboard/dashboardApi";
import { spectatorWorldOf } from "../../shared/dashboard/spectatorWorld";
import { closedForViolation } from "../transport/GameTransport";
import { coalesceWrites } from "../transport/coalesceWrites";
import { serverMetrics } from "../metrics/ServerMetrics";
import { InputQueue } from "./InputQueue";
import type { ClientMessageStats, MessageGuard } from "./MessageGuard";
import { RoomInbox } from "./RoomInbox";
import { RoundTrips } from "./RoundTrips";
import { PatchPreparer } from "./PatchPreparer";
import { InterestManager } from "./InterestManager";
import { addPlayerStates } from "./mirrorWorld";
import { TickLoop } from "./TickLoop";
import { freeRoomName } from "./uniqueRoomName";
import { lookOfNewPlayer } from "./playerLook";
import { KeptSeats, type KeptSeat } from "./KeptSeats";
import { keptOpenRooms } from "../joinGuard/KeptOpenRooms";
import { waitForRejoinsOrClose, type EmptyRoom } from "./emptyRoomWait";
import { addressOfAuth, seatHolderOf, type SeatHolder } from "../joinGuard/seatHolder";
import { ShotLaunches } from "./ShotLaunches";
import type { MatchRecorder } from "../replay/MatchRecorder";
import { startRecording } from "../replay/startRecording";

export interface CreateOptions extends JoinOptions {
  /** Seed of the room's PRNG; tests pass one to make a room reproducible. */
  seed?: number;
}

/** Steps between two patches: a patch every third 60 Hz step is 20 Hz. */
const STEPS_PER_PATCH = Math.round(PATCH_INTERVAL_MS / TICK_MS);

export class AsteroidsRoom extends Room<{ state: GameState; metadata: RoomListingMetadata }> {
  override state = new GameState();
  override maxClients = DEFAULT_SEATS;
  /** Colyseus's own limit disconnects without a reason; ours (MessageGuard) drops first and names the flood. This is only a backstop. */
  override maxMessagesPerSecond = 1000;

  world!: World;
  private readonly inputQueue = new InputQueue();
  /** Each client's round trip as this room measures it, which bounds how far its shots rewind. */
  readonly roundTrips = new RoundTrips();
  private readonly inbox = new RoomInbox(this.inputQueue, this.roundTrips, () => this.clock.currentTime);
  private readonly interest = new InterestManager();
  private readonly launches = new ShotLaunches();
  private readonly patches = new PatchPreparer(this.inputQueue, this.launches, this.roundTrips, this.interest);
  private readonly seats = new KeptSeats(RECONNECT_WINDOW * 1000);
  private readonly loop = new TickLoop(TICK_MS, () => this.tick(TICK_DT));
  private playersJoined = 0;
  /** Set once the room is gone: late leaves must not bring its metrics back. */
  private disposed = false;
  private roomNumber = 0;
  /** The match's recording (server/replay), unless recording is off. */
  recorder: MatchRecorder | undefined;

  private static roomsCreated = 0;

  /**
   * Every join and create through matchmaking passes here first: malformed options get a clear 400, not a room.
   * The answer becomes `client.auth`: the address the matchmaking guard saw, which the player's seat is held for.
   */
  static override async onAuth(_token: string, options: unknown, context?: AuthContext): Promise<SeatHolder | true> {
    const problem = joinOptionsProblem(options);
    if (problem) throw new ServerError(400, problem);
    return seatHolderOf(context) ?? true;
  }

  override async onCreate(options: CreateOptions = {}): Promise<void> {
    const seed = Number.isInteger(options.seed) ? (options.seed as number) : Math.floor(Math.random() * 2 ** 32);
    this.maxClients = Number.isInteger(options.seats) ? (options.seats as number) : DEFAULT_SEATS;
    const size = worldSizeFor(this.maxClients);
    this.world = createWorld(seed, size);
    this.state.width = size.width;
    this.state.height = size.height;
    this.roomNumber = ++AsteroidsRoom.roomsCreated;
    const roomName = await freeRoomName(cleanRoomName(options.roomName), this.roomId, this.roomNumber);
    this.state.roomName = roomName;
    this.recorder = startRecording(this.world, { roomId: this.roomId, roomName, seed });
    // Patches go out from the step loop, right after the step they describe (see TickLoop).
    this.patchRate = null;
    void this.setMetadata({
      roomName,
      players: 0,
      createdAt: Date.now(),
    });

    this.onMessage(ClientMessage.Input, (client: Client, payload: unknown) => this.inbox.input(client, payload, this.world.tick));
    this.onMessage(ClientMessage.Rtt, (client: Client, payload: unknown) => this.inbox.rtt(client, payload));
    this.onMessage(ClientMessage.Away, (client: Client) => {
      if (this.inbox.admit(client)) this.seats.goingAwaySoon(client.sessionId);
    });
    this.onMessage("*", (client: Client) => this.inbox.unknown(client));
    this.loop.start();
  }

  override onJoin(client: Client, options: JoinOptions = {}): void {
    this.playersJoined++;
    serverMetrics.totals.joins++;
    // Someone is in: the room no longer waits for rejoins only (KeptOpenRooms).
    keptOpenRooms.release(this.roomId);
    const kept = options.rejoin === undefined ? undefined : this.takeSeat(options.rejoin);
    const { name, color } = kept ?? lookOfNewPlayer(options, this.state.players, this.playersJoined);
    this.recorder?.join(this.world, client.sessionId, name, color, kept?.score ?? 0);
    addShip(this.world, client.sessionId).score = kept?.score ?? 0;
    this.inputQueue.add(client.sessionId);
    this.roundTrips.add(client.sessionId);
    const seatToken = this.seats.issue(client.sessionId, addressOfAuth(client.auth));
    addPlayerStates(this.state, client.sessionId, name, color).seatToken = seatToken;
    this.showOwnShip(client);
    // The first state the client gets already holds what is around its ship.
    this.patches.mirror(this.world, this.state, true);
    this.interest.update([client], this.world, this.state);
    this.updatePlayerCount();
  }

  /**
   * An unexpected disconnect: keep the ship (keys released) for RECONNECT_WINDOW seconds.
   * A client closed for misbehaving (flood, a frame breaking the protocol) leaves at once instead.
   */
  override async onDrop(client: Client): Promise<void> {
    // Returning without allowReconnection() makes Colyseus call onLeave() right away.
    if (this.inbox.wasExpelled(client.sessionId) || closedForViolation(client.ref)) return;
    this.inputQueue.release(client.sessionId);
    const player = this.state.players.get(client.sessionId);
    if (player) player.connected = false;
    await this.allowReconnection(client, RECONNECT_WINDOW);
  }

  override onReconnect(client: Client): void {
    const player = this.state.players.get(client.sessionId);
    if (!player) return;
    player.connected = true;
    this.showOwnShip(client);
    this.interest.update([client], this.world, this.state);
  }

  /** Gives `client` a fresh view holding its own ship with the owner-only fields (exact pose, velocity, ack). */
  private showOwnShip(client: Client): void {
    client.view = new StateView();
    this.interest.showOwnShip(client, this.state);
  }

  /**
   * A consented leave, or a drop whose reconnection window ran out. A page that said it is going
   * away (a reload may follow) has its seat kept for a rejoin (KeptSeats), and an emptied room
   * stays open as long, within the caps (KeptOpenRooms); any other leave is for good.
   */
  override onLeave(client: Client): void {
    const player = this.state.players.get(client.sessionId);
    // Gone already: a rejoin took over its seat while it waited to reconnect.
    if (!player) return;
    const score = () => findShip(this.world, client.sessionId)?.score ?? player.score;
    this.seats.leave(client.sessionId, () => ({ name: player.name, color: player.color, score: score() }), this.clock.currentTime);
    this.removePlayer(client.sessionId);
    if (this.state.players.size > 0) return;
    const room: EmptyRoom = {
      roomId: this.roomId,
      clock: this.clock,
      setAutoDispose: (on) => (this.autoDispose = on),
      disconnect: () => this.disconnect(),
      isOpen: () => !this.disposed,
      players: () => this.state.players.size,
    };
    waitForRejoinsOrClose(room, this.seats);
  }

  private removePlayer(sessionId: string): void {
    serverMetrics.totals.leaves++;
    this.recorder?.leave(this.world, sessionId);
    removeShip(this.world, sessionId);
    this.inputQueue.remove(sessionId);
    this.roundTrips.forget(sessionId);
    this.inbox.forget(sessionId);
    this.seats.forget(sessionId);
    this.state.ships.delete(sessionId);
    this.state.players.delete(sessionId);
    this.updatePlayerCount();
  }

  /** The seat `token` names: kept since its player left, or taken over from its player waiting to reconnect. */
  private takeSeat(token: string): KeptSeat | undefined {
    const holder = this.seats.holder(token);
    const player = holder === undefined ? undefined : this.state.players.get(holder);
    // A holder still connected (the tab was duplicated) keeps its seat; the newcomer is a new player.
    if (holder === undefined || !player || player.connected) return this.seats.take(token, this.clock.currentTime);
    const seat = { name: player.name, color: player.color, score: findShip(this.world, holder)?.score ?? player.score };
    this.removePlayer(holder);
    return seat;
  }

  /**
   * Sequence number of the newest input step applied to a player's ship, as of the last step (the state's `ack` is
   * only copied at patches).
   */
  appliedSeqOf(sessionId: string): number {
    return this.inputQueue.ackOf(sessionId);
  }

  /** The world as the dashboard draws it; called by name through Colyseus's remote room call when the dashboard is on another process. */
  spectatorWorld(): SpectatorWorld {
    const world = spectatorWorldOf(this.roomId, this.metadata?.roomName ?? this.roomId, this.world, (id) => this.state.players.get(id));
    return { ...world, recordingBytes: this.recorder?.bytes };
  }

  /** Every message's accounting: accepted, and dropped by reason (tests read it). */
  get guard(): MessageGuard {
    return this.inbox.guard;
  }

  /** Per-client message accounting, for tests and metrics. */
  messageStats(sessionId: string): ClientMessageStats | undefined {
    return this.inbox.guard.statsOf(sessionId);
  }

  private tick(dt: number): void {
    const started = performance.now();
    const { keys, seenLag: claimed } = this.inputQueue.nextStep(this.world.tick + 1);
    // Lag compensation takes a client's `seen` only as far back as the round trip this room measured allows.
    const seenLag = this.roundTrips.bound(claimed);
    step(this.world, keys, dt, seenLag);
    this.recorder?.stepped(this.world, keys, seenLag, TICK_RATE);
    this.launches.record(this.world, (id) => this.inputQueue.ackOf(id));
    this.patches.collectEvents(this.world);
    serverMetrics.observeTick((performance.now() - started) / 1000);
    if (this.world.tick % STEPS_PER_PATCH === 0) this.broadcastPatch();
  }

  /** Times each patch (copy, encode and send) and what it cost each client in bytes; a client's frames leave in one write. */
  override broadcastPatch(): boolean {
    return serverMetrics.measurePatch(this.clients, () => coalesceWrites(this.clients, () => super.broadcastPatch()));
  }

  /**
   * The process is shutting down (SIGTERM). Ticks run on the event loop, so the current
   * one has finished by now; the clients get the state as of that tick and a notice
   * saying why, then the room closes with SERVER_SHUTDOWN (4001).
   */
  override onBeforeShutdown(): void {
    this.lock().catch(() => undefined);
    const notice: ShutdownNotice = { reason: "The server is restarting.", tick: this.world.tick };
    this.broadcast(ServerMessage.Shutdown, notice, { afterNextPatch: true });
    this.broadcastPatch();
    this.disconnect(CloseCode.SERVER_SHUTDOWN).catch(() => undefined);
  }

  override onDispose(): void {
    this.disposed = true;
    this.loop.stop();
    this.recorder?.finish(this.world, Date.now());
    serverMetrics.forgetRoom(this.roomId);
  }

  /** The state, events and views brought up to date for the patch (PatchPreparer). */
  override onBeforePatch(): void {
    this.patches.prepare(this.clients, this.world, this.state, this.clock.currentTime);
  }

  /** The input step a bullet in flight was fired at (its shooter's), for the netcode bench's bookkeeping. */
  shotStepOf(bulletId: number): number | undefined {
    return this.launches.launchOf(bulletId)?.inputStep;
  }

  private updatePlayerCount(): void {
    // Players, not sockets: a player who dropped and may reconnect still holds a seat.
    void this.setMetadata({ ...this.metadata, players: this.state.players.size });
    if (!this.disposed) serverMetrics.setRoomPlayers(this.roomId, this.state.players.size);
  }
}
