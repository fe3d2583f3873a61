/**
 * The bots of one process, driven by shared timers (one 60 Hz input loop and one ping
 * loop for all of them, not two per bot), and the run's tally: connections made and
 * failed, errors, drops, and every round trip measured.
 */
import { Client } from "@colyseus/sdk";
import { PING_INTERVAL_MS } from "../shared/net/netConstants";
import { TICK_MS } from "../shared/constants";
import { PALETTE } from "../shared/net/palette";
import { summarize, type Summary } from "../shared/stats";
import { BotPlayer, type BotTarget } from "./BotPlayer";
import { netroidsWire, type BotWireFactory } from "./botWire";

/** Input loop period, ms: two runs per step, so InputStream never falls a step behind. */
const UPDATE_MS = TICK_MS / 2; // 8.3 ms (120 Hz)
/**
 * Slots each bot's ping period (PING_INTERVAL_MS, as in the browser) is cut into: the fleet's pings are spread
 * over it, not sent in one burst.
 */
const PING_SLOTS = 10;

export interface FleetTally {
  joined: number;
  failed: number;
  errors: number;
  dropped: number;
  /** Every round trip measured by every bot, ms. */
  rtt: Summary & { min: number };
  /** Patches all bots received, and those in which their own ship was dead: the share of time bots spend dead. */
  patchesSeen: number;
  patchesDead: number;
}

export class BotFleet {
  readonly bots: BotPlayer[] = [];
  failed = 0;
  /** Errors outside any one bot, e.g. a join refused with a message. */
  errors = 0;
  private readonly timers: Array<ReturnType<typeof setInterval>>;
  private pingSlot = 0;

  /** `wire`: how the bots speak to their rooms (netroids's own protocol unless a bench says otherwise). */
  constructor(
    private readonly endpoint: string,
    private readonly wire: BotWireFactory = netroidsWire,
  ) {
    this.timers = [
      setInterval(() => {
        for (const bot of this.bots) bot.update();
      }, UPDATE_MS),
      setInterval(() => this.pingNextSlot(), PING_INTERVAL_MS / PING_SLOTS),
    ];
  }

  /** Joins one bot; a failure is counted and rethrown so a caller (the load-test CLI) can count it too. */
  async add(target: BotTarget, index: number, namePrefix = "bot"): Promise<BotPlayer> {
    try {
      const bot = await BotPlayer.join(
        new Client(this.endpoint),
        target,
        {
          name: `${namePrefix}-${index + 1}`,
          color: PALETTE[index % PALETTE.length],
        },
        0x9e3779b9 ^ (index * 2654435761),
        undefined,
        this.wire,
      );
      this.bots.push(bot);
      return bot;
    } catch (error) {
      this.failed++;
      throw error;
    }
  }

  tally(): FleetTally {
    const rtts = this.bots.flatMap((bot) => bot.rtts.map((sample) => sample.ms));
    return {
      joined: this.bots.length,
      failed: this.failed,
      errors: this.errors + this.bots.reduce((sum, bot) => sum + bot.errors, 0),
      dropped: this.bots.filter((bot) => bot.droppedWith !== undefined).length,
      rtt: { ...summarize(rtts), min: rtts.reduce((min, rtt) => Math.min(min, rtt), rtts.length === 0 ? Number.NaN : Infinity) },
      patchesSeen: this.bots.reduce((sum, bot) => sum + bot.patchesSeen, 0),
      patchesDead: this.bots.reduce((sum, bot) => sum + bot.patchesDead, 0),
    };
  }

  /** Leaves every room and stops the timers. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.bots.map((bot) => bot.leave()));
  }

  private pingNextSlot(): void {
    const slot = this.pingSlot++ % PING_SLOTS;
    for (let i = slot; i < this.bots.length; i += PING_SLOTS) this.bots[i]!.ping();
  }
}

/** The end-of-run summary, one fact per line. */
export function formatTally(tally: FleetTally): string {
  const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "n/a");
  return [
    `connections: ${tally.joined} ok, ${tally.failed} failed; ${tally.errors} errors; ${tally.dropped} dropped by the server`,
    `rtt over ${tally.joined} bots (${tally.rtt.n} pings): min ${ms(tally.rtt.min)}, median ${ms(tally.rtt.median)}, p99 ${ms(tally.rtt.p99)}, max ${ms(tally.rtt.max)}`,
  ].join("\n");
}
