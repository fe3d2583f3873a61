/**
 * Each client's round trip as the server measures it, and the rewind it allows a shot.
 *
 * A shot's `seen` tick is the client's word for what it was looking at; a client that
 * claims to have seen the field half a second ago could hit ships where they were then.
 * Valve's Source engine bounds the rewind by the latency it measures itself plus the
 * client's interpolation; so does this. Once a second a client's ship state carries a fresh
 * random number (ShipState.probe), which its next input echoes (InputMessage.echo): the time
 * between the patch that carried it and the echo is the round trip on the path game
 * messages take, the client's own network simulator included. The client's `rtt` report
 * never counts here. A client can only make itself look slower, which lags its own game.
 *
 * The bound: the slowest of the last ROUND_TRIP_SAMPLES round trips, plus the interpolation
 * delay a client sees with their spread as jitter (the client's own rule, shared/net/interpolationDelay.ts), plus
 * REWIND_TOLERANCE_MS; in whole steps, never past MAX_REWIND_TICKS. Before the first echo a
 * client has no round trip: a zero one.
 */
import { randomInt } from "node:crypto";
import { MAX_REWIND_TICKS, TICK_MS } from "../../shared/constants";
import { REWIND_TOLERANCE_MS, ROUND_TRIP_PROBE_INTERVAL_MS, ROUND_TRIP_SAMPLES } from "../../shared/net/netConstants";
import { targetInterpolationDelay } from "../../shared/net/interpolationDelay";
import type { SeenLagByShip } from "../../shared/sim/world";

interface ClientTrips {
  /** The number sent and not echoed yet, and when the patch carrying it left (room clock, ms). */
  outstanding: number | undefined;
  sentAt: number;
  /** When the next probe is due, ms. */
  dueAt: number;
  /** The last round trips, ms, oldest first. */
  samples: number[];
  /** The current rewind bound, steps (updated with each sample). */
  boundTicks: number;
}

/** Largest probe number: a uint32 (the schema field), never 0 (which means "none yet"). */
const MAX_PROBE = 0xffffffff;

export function rewindBoundTicks(samples: readonly number[]): number {
  const slowest = samples.length > 0 ? Math.max(...samples) : 0;
  const jitter = samples.length > 1 ? (slowest - Math.min(...samples)) / 2 : 0;
  return Math.min(MAX_REWIND_TICKS, Math.ceil((slowest + targetInterpolationDelay(jitter) + REWIND_TOLERANCE_MS) / TICK_MS));
}

export class RoundTrips {
  private readonly clients = new Map<string, ClientTrips>();

  /** `now`: a clock in ms finer than the room's, which moves in whole steps. */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A client joined: its first probe goes out with the next patch. */
  add(sessionId: string): void {
    this.clients.set(sessionId, { outstanding: undefined, sentAt: 0, dueAt: this.now(), samples: [], boundTicks: rewindBoundTicks([]) });
  }

  forget(sessionId: string): void {
    this.clients.delete(sessionId);
  }

  /**
   * Right before a patch leaves: a fresh number in the ship state of each client whose probe
   * is due. An unanswered probe is replaced: a round trip over a second is past any rewind anyway.
   */
  probe(ships: { get(sessionId: string): { probe: number } | undefined }): void {
    const now = this.now();
    for (const [sessionId, trips] of this.clients) {
      const ship = ships.get(sessionId);
      // No ship in the state yet (or any more): try again at the next patch.
      if (now < trips.dueAt || !ship) continue;
      const probe = randomInt(1, MAX_PROBE);
      ship.probe = probe;
      trips.outstanding = probe;
      trips.sentAt = now;
      trips.dueAt = now + ROUND_TRIP_PROBE_INTERVAL_MS;
    }
  }

  /**
   * `sessionId` echoed `probe` just now. True when it was the number outstanding; any other
   * (an old probe's, a guess) times nothing, and the input carrying it still counts.
   */
  echo(sessionId: string, probe: number): boolean {
    const trips = this.clients.get(sessionId);
    if (!trips || trips.outstanding === undefined || trips.outstanding !== probe) return false;
    trips.outstanding = undefined;
    trips.samples.push(this.now() - trips.sentAt);
    if (trips.samples.length > ROUND_TRIP_SAMPLES) trips.samples.shift();
    trips.boundTicks = rewindBoundTicks(trips.samples);
    return true;
  }

  /** The last round trips measured for `sessionId`, ms, oldest first. */
  samplesOf(sessionId: string): readonly number[] {
    return this.clients.get(sessionId)?.samples ?? [];
  }

  /** The most steps a shot of `sessionId` may rewind now. */
  boundOf(sessionId: string): number {
    return this.clients.get(sessionId)?.boundTicks ?? rewindBoundTicks([]);
  }

  /** `seenLag` with each client's lag held to its bound (a new object; the input is not changed). */
  bound(seenLag: SeenLagByShip): Record<string, number> {
    const bounded: Record<string, number> = {};
    for (const [sessionId, lag] of Object.entries(seenLag)) bounded[sessionId] = Math.min(lag, this.boundOf(sessionId));
    return bounded;
  }
}
