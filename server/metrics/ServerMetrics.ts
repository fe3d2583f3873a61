/**
 * What the server measures about itself, in one place per process. Hot paths (every
 * socket frame, every tick) only bump plain numbers in `totals`; the Prometheus
 * registry reads them when scraped, and LoadSampler turns them into per-second rates
 * for reports and the dashboard. One registry per process, as Prometheus scrapes
 * processes, not rooms.
 */
import { performance } from "node:perf_hooks";
import { Counter, Gauge, Histogram, Registry, Summary, collectDefaultMetrics } from "prom-client";
import { ClientState, matchMaker, type ClientArray } from "@colyseus/core";
import type { FrameDropReason } from "../transport/frameKind";
import type { DropReason } from "../rooms/MessageGuard";
import type { LoadSampler } from "./LoadSampler";
import type { MetricTotals, TickPhase } from "./MetricTotals";

/** Where a room's tick time goes: handling client messages, the simulation step, encoding and sending patches. */
const TICK_PHASES: readonly TickPhase[] = ["messages", "simulation", "network"];

/** Why a client message was dropped: by the room (MessageGuard) or, before it, by the transport (GameTransport). */
export type MessageDropReason = DropReason | FrameDropReason;

/** Reported round trips kept for the dashboard's percentiles: 100 players' reports for 10 s is 1,000. */
const MAX_RECENT_RTTS = 4096;

/**
 * Quantile windows: long enough for a benchmark run, short enough to follow a change of load.
 * Two age buckets, so the quantiles cover the last 30 to 60 s: with prom-client's default of
 * six, each scrape merged six digests, 2.5 ms of the event loop for the step timings alone
 * (the load benchmark scrapes every second), and each observation cost 11 µs instead of 2.5.
 */
const SUMMARY_WINDOW = { percentiles: [0.5, 0.9, 0.99], maxAgeSeconds: 60, ageBuckets: 2 };

class ServerMetrics {
  readonly registry = new Registry();
  readonly totals: MetricTotals = {
    messagesIn: 0,
    bytesIn: 0,
    messagesOut: 0,
    bytesOut: 0,
    ticks: 0,
    patches: 0,
    joins: 0,
    leaves: 0,
    replayBytes: 0,
    replaySeconds: 0,
    phaseSeconds: { messages: 0, simulation: 0, network: 0 },
  };
  /** Set by the server when it starts sampling; the idle gauge reads its latest window. */
  sampler: LoadSampler | undefined;
  /** Dropped messages since the process started, by reason (the dashboard reads these). */
  readonly droppedTotals: Partial<Record<MessageDropReason, number>> = {};
  /** The latest reported round trips, for percentiles over a recent window. */
  private readonly recentRtts: Array<{ at: number; ms: number }> = [];

  private readonly roomPlayers: Gauge<"room">;
  private readonly tickSeconds: Summary;
  private readonly patchSeconds: Summary;
  private readonly patchBytes: Histogram;
  private readonly rttSeconds: Histogram;
  private readonly dropped: Counter<"reason">;
  private readonly expelled: Counter<"reason">;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const totals = this.totals;
    // collect() runs with the gauge as `this`: the sampler is read through this arrow.
    const latestLoad = () => this.sampler?.latest();

    new Gauge({
      name: "netroids_ccu",
      help: "Clients connected to this process (players and lobby watchers).",
      registers,
      collect() {
        this.set(matchMaker.stats.local.ccu);
      },
    });
    new Gauge({
      name: "netroids_rooms",
      help: "Rooms open on this process, the lobby included.",
      registers,
      collect() {
        this.set(matchMaker.stats.local.roomCount);
      },
    });
    this.roomPlayers = new Gauge({ name: "netroids_room_players", help: "Ships in each game room.", labelNames: ["room"], registers });

    cumulative("netroids_tick_phase_seconds_total", "Seconds spent per tick phase, over all rooms.", ["phase"], (set) => {
      for (const phase of TICK_PHASES) set({ phase }, totals.phaseSeconds[phase]);
    });
    cumulative("netroids_ticks_total", "Simulation steps run, over all rooms.", [], (set) => set({}, totals.ticks));
    cumulative("netroids_patches_total", "State patches broadcast, over all rooms.", [], (set) => set({}, totals.patches));
    cumulative("netroids_messages_received_total", "WebSocket messages received.", [], (set) => set({}, totals.messagesIn));
    cumulative("netroids_bytes_received_total", "WebSocket payload bytes received.", [], (set) => set({}, totals.bytesIn));
    cumulative("netroids_messages_sent_total", "WebSocket messages sent.", [], (set) => set({}, totals.messagesOut));
    cumulative("netroids_bytes_sent_total", "WebSocket payload bytes sent.", [], (set) => set({}, totals.bytesOut));
    cumulative("netroids_replay_bytes_total", "Bytes written to match recordings.", [], (set) => set({}, totals.replayBytes));
    cumulative("netroids_replay_seconds_total", "Seconds spent recording matches.", [], (set) => set({}, totals.replaySeconds));

    new Counter({
      name: "netroids_event_loop_busy_seconds_total",
      help: "Seconds the event loop has been busy (event-loop utilization's active time): idle share = 1 − rate / 1 s.",
      registers,
      collect() {
        this.reset();
        this.inc(performance.eventLoopUtilization().active / 1000);
      },
    });
    new Gauge({
      name: "netroids_idle_ratio",
      help: "Fraction of the last sampling window (0.5 s) the event loop was idle (1 - event loop utilization).",
      registers,
      collect() {
        const last = latestLoad();
        if (last) this.set(last.idle);
      },
    });
    this.tickSeconds = new Summary({
      name: "netroids_tick_seconds",
      help: "Duration of one simulation step (last 30 to 60 s).",
      registers,
      ...SUMMARY_WINDOW,
    });
    this.patchSeconds = new Summary({
      name: "netroids_patch_seconds",
      help: "Duration of one patch broadcast: copy the world into the state, encode and send to every client (last 30 to 60 s).",
      registers,
      ...SUMMARY_WINDOW,
    });
    this.patchBytes = new Histogram({
      name: "netroids_patch_bytes",
      help: "Bytes sent to one client per patch, events riding behind it included.",
      registers,
      buckets: [64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768],
    });
    this.rttSeconds = new Histogram({
      name: "netroids_client_rtt_seconds",
      help: "Round-trip times the clients measured with their pings and reported.",
      registers,
      buckets: [0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 1, 2],
    });
    this.dropped = new Counter({
      name: "netroids_messages_dropped_total",
      help: "Client messages dropped, by reason: malformed, unknown type, rate (past the soft limit), flood (past the hard limit), stale, junk (not a message of this game), oversize (over the frame limit).",
      labelNames: ["reason"],
      registers,
    });
    this.expelled = new Counter({
      name: "netroids_clients_expelled_total",
      help: "Clients disconnected for misbehaving, by reason.",
      labelNames: ["reason"],
      registers,
    });

    /** A counter whose value lives in `totals`: scraping copies it over, so hot paths never touch prom-client. */
    function cumulative(
      name: string,
      help: string,
      labelNames: string[],
      read: (set: (labels: Record<string, string>, value: number) => void) => void,
    ): void {
      new Counter({
        name,
        help,
        labelNames,
        registers,
        collect() {
          this.reset();
          read((labels, value) => this.inc(labels, value));
        },
      });
    }
  }

  observeTick(seconds: number): void {
    this.totals.ticks++;
    this.totals.phaseSeconds.simulation += seconds;
    this.tickSeconds.observe(seconds);
  }

  private observePatch(seconds: number, bytesPerClient: number | undefined): void {
    this.totals.patches++;
    this.totals.phaseSeconds.network += seconds;
    this.patchSeconds.observe(seconds);
    if (bytesPerClient !== undefined) this.patchBytes.observe(bytesPerClient);
  }

  /**
   * Runs one room's patch broadcast, timing it and counting the bytes it sent each client
   * that receives patches (joined ones; a client still joining or reconnecting gets none).
   */
  measurePatch<T>(clients: ClientArray, broadcast: () => T): T {
    const receiving = clients.filter((client) => client.state === ClientState.JOINED).length;
    return this.timePatch(receiving, broadcast);
  }

  private timePatch<T>(clients: number, broadcast: () => T): T {
    const started = performance.now();
    const bytesBefore = this.totals.bytesOut;
    const result = broadcast();
    const bytes = this.totals.bytesOut - bytesBefore;
    this.observePatch((performance.now() - started) / 1000, clients > 0 && bytes > 0 ? bytes / clients : undefined);
    return result;
  }

  observeRtt(ms: number, at = Date.now()): void {
    this.rttSeconds.observe(ms / 1000);
    this.recentRtts.push({ at, ms });
    if (this.recentRtts.length > MAX_RECENT_RTTS) this.recentRtts.shift();
  }

  /** Round trips reported in the last `windowMs` before `now`, ms. */
  rttsSince(windowMs: number, now = Date.now()): number[] {
    return this.recentRtts.filter((sample) => sample.at > now - windowMs).map((sample) => sample.ms);
  }

  countDropped(reason: MessageDropReason): void {
    this.dropped.inc({ reason });
    this.droppedTotals[reason] = (this.droppedTotals[reason] ?? 0) + 1;
  }

  countExpelled(reason: string): void {
    this.expelled.inc({ reason });
  }

  setRoomPlayers(roomId: string, players: number): void {
    this.roomPlayers.set({ room: roomId }, players);
  }

  forgetRoom(roomId: string): void {
    this.roomPlayers.remove({ room: roomId });
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** This process's metrics: every room and socket of the process reports here. */
export const serverMetrics = new ServerMetrics();
