/**
 * The soak's three questions, each answered with its numbers and a stated limit:
 * does memory grow (heap used after major collections, RSS), were there any errors,
 * and does the tick time stay steady minute to minute.
 */
import { PATCH_INTERVAL_MS } from "../../shared/net/netConstants";
import { TICK_MS, TICK_RATE } from "../../shared/constants";
import { summarize } from "../../shared/stats";
import { fixed, percent, signed } from "../markdown";
import type { MinuteRow } from "./minutes";
import type { SoakCounts, SoakSample } from "./sample";
import { trendOf, type Trend } from "./trend";

export const SOAK_LIMITS = {
  /** Memory windows at each end of the run, s (a third of the run at most). */
  memoryWindowS: 120,
  /**
   * Memory grew when both the medians' difference and the slope pass these: a leak raises
   * both, while noise (GC timing, a short run's few points) seldom raises both at once.
   * At these limits a 10-minute run catches a leak of about 0.6 MB/min of heap (~0.9 GB a day).
   */
  heapAfterGc: { growthMB: 5, slopeMBPerMin: 0.5 },
  rss: { growthMB: 10, slopeMBPerMin: 1 },
  /**
   * Step and patch times are steady when no minute's p99 comes near the interval they
   * must fit in (at most this share of it), and their typical cost (p50) does not creep
   * up: the last third of the run's median p50 at most `p50Drift` times the first
   * third's, or `p50SlackMs` more. A p99 of a few ms swings by 2× minute to minute with
   * GC timing alone, so it bounds spikes; drift is judged on the p50.
   */
  p99ShareOfInterval: 0.5,
  p50Drift: 1.25,
  p50SlackMs: 0.1,
  /** Per-minute mean idle share: max − min at most this. */
  idleSpread: 0.1,
  /** Every minute's simulation rate at least this share of TICK_RATE. */
  tickRateShare: 0.97,
} as const;

export interface Verdict {
  topic: string;
  pass: boolean;
  /** One line with the numbers behind it. */
  detail: string;
}

/** What the bots reported at the end, summed over workers. */
export interface BotTally {
  bots: number;
  joined: number;
  failed: number;
  errors: number;
  dropped: number;
}

export interface SoakFacts {
  samples: readonly SoakSample[];
  rows: readonly MinuteRow[];
  bots: BotTally;
  /** Counts since the server started, at the last scrape. */
  serverTotals: SoakCounts;
  /** Dropped messages and expulsions since the server started, by reason. */
  droppedByReason: Record<string, number>;
  expelledByReason: Record<string, number>;
  /** Anything else that went wrong (failed scrapes, processes that exited early), one line each. */
  incidents: readonly string[];
}

const mb = (value: number): string => fixed(value, 1, "MB");

function memoryVerdict(topic: string, trend: Trend, limit: { growthMB: number; slopeMBPerMin: number }, note = ""): Verdict {
  const window = fixed(trend.windowS / 60, 1, "min");
  const measured = Number.isFinite(trend.growth) && Number.isFinite(trend.slopePerMinute);
  const grew = trend.growth > limit.growthMB && trend.slopePerMinute > limit.slopeMBPerMin;
  return {
    topic,
    pass: measured && !grew,
    detail:
      `median of the first ${window} ${mb(trend.firstMedian)}, of the last ${window} ${mb(trend.lastMedian)}: ` +
      `${signed(trend.growth)} MB (limit +${limit.growthMB} MB); ` +
      `slope ${signed(trend.slopePerMinute, 2)} MB/min (limit +${limit.slopeMBPerMin}); growth means both over${note}`,
  };
}

function steadyVerdict(
  topic: string,
  rows: readonly MinuteRow[],
  p50: (row: MinuteRow) => number,
  p99: (row: MinuteRow) => number,
  intervalMs: number,
): Verdict {
  const third = Math.max(1, Math.floor(rows.length / 3));
  const firstP50 = summarize(rows.slice(0, third).map(p50)).median;
  const lastP50 = summarize(rows.slice(-third).map(p50)).median;
  const p99s = rows.map(p99);
  const maxP99 = Math.max(...p99s);
  const p99Limit = SOAK_LIMITS.p99ShareOfInterval * intervalMs;
  const finite = rows.length > 0 && [...p99s, firstP50, lastP50].every(Number.isFinite);
  const drifted = lastP50 > firstP50 * SOAK_LIMITS.p50Drift && lastP50 - firstP50 > SOAK_LIMITS.p50SlackMs;
  return {
    topic,
    pass: finite && maxP99 <= p99Limit && !drifted,
    detail:
      `per-minute p99 ${fixed(Math.min(...p99s), 2)}–${fixed(maxP99, 2, "ms")} ` +
      `(limit ${fixed(p99Limit, 1, "ms")}, half the ${fixed(intervalMs, 1, "ms")} interval); ` +
      `p50 ${fixed(firstP50, 2, "ms")} in the first ${third} min, ${fixed(lastP50, 2, "ms")} in the last ${third} ` +
      `(limit ×${SOAK_LIMITS.p50Drift} or +${SOAK_LIMITS.p50SlackMs} ms)`,
  };
}

/** A trend in one phrase, for series that inform but do not decide. */
function describe(trend: Trend): string {
  return `medians ${mb(trend.firstMedian)} → ${mb(trend.lastMedian)}, slope ${signed(trend.slopePerMinute, 2)} MB/min`;
}

export function decide(facts: SoakFacts): Verdict[] {
  const { samples, rows, bots, serverTotals, incidents } = facts;
  const reasons = (counts: Record<string, number>): string => {
    const entries = Object.entries(counts).filter(([, count]) => count > 0);
    return entries.length ? ` (${entries.map(([reason, count]) => `${reason} ${count}`).join(", ")})` : "";
  };
  const ccuMin = Math.min(...samples.map((s) => s.ccu));
  // Bots that never joined (failed, or never tried because their room could not be made) count, not only `failed`.
  const errorCount =
    bots.bots -
    bots.joined +
    bots.errors +
    bots.dropped +
    serverTotals.dropped +
    serverTotals.expelled +
    serverTotals.stderrLines +
    incidents.length +
    (ccuMin < bots.bots ? 1 : 0);
  const idles = rows.map((row) => row.idleMean);
  const rates = rows.map((row) => row.ticksPerSecond);
  const minRate = SOAK_LIMITS.tickRateShare * TICK_RATE;
  const memoryTrend = (value: (sample: SoakSample) => number): Trend => trendOf(samples, value, SOAK_LIMITS.memoryWindowS);
  const { dropped, expelled, stderrLines } = serverTotals;
  return [
    memoryVerdict(
      "memory: heap used after major GC",
      memoryTrend((s) => s.heapAfterGcMB),
      SOAK_LIMITS.heapAfterGc,
      `. Heap used as scraped (a saw-tooth): ${describe(memoryTrend((s) => s.heapUsedMB))}`,
    ),
    memoryVerdict(
      "memory: RSS",
      memoryTrend((s) => s.rssMB),
      SOAK_LIMITS.rss,
    ),
    {
      topic: "errors",
      pass: errorCount === 0 && samples.length > 0,
      detail: [
        `bots: ${bots.joined}/${bots.bots} joined, ${bots.failed} failed to connect, ${bots.errors} errors, ` +
          `${bots.dropped} disconnected by the server`,
        `server CCU at least ${ccuMin} in every sample`,
        `server since start: ${dropped} messages dropped${reasons(facts.droppedByReason)}, ` +
          `${expelled} clients expelled${reasons(facts.expelledByReason)}, ${stderrLines} stderr lines`,
        incidents.length ? `incidents: ${incidents.join("; ")}` : "no incidents",
      ].join("; "),
    },
    steadyVerdict(
      "steady: step (tick) time",
      rows,
      (row) => row.tickP50Ms,
      (row) => row.tickP99Ms,
      TICK_MS,
    ),
    steadyVerdict(
      "steady: patch time",
      rows,
      (row) => row.patchP50Ms,
      (row) => row.patchP99Ms,
      PATCH_INTERVAL_MS,
    ),
    {
      topic: "steady: idle share",
      pass: idles.length > 0 && Math.max(...idles) - Math.min(...idles) <= SOAK_LIMITS.idleSpread,
      detail:
        `per-minute mean ${percent(Math.min(...idles))}–${percent(Math.max(...idles))}, ` +
        `spread ${fixed(100 * (Math.max(...idles) - Math.min(...idles)), 1)} points (limit ${100 * SOAK_LIMITS.idleSpread}); ` +
        `lowest interval ${percent(Math.min(...rows.map((row) => row.idleMin)))}`,
    },
    {
      topic: "steady: tick rate",
      pass: rates.length > 0 && Math.min(...rates) >= minRate,
      detail: `per-minute ${fixed(Math.min(...rates), 1)}–${fixed(Math.max(...rates), 1)} steps/s (limit ≥ ${fixed(minRate, 1)})`,
    },
  ];
}
