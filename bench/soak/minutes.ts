/**
 * The soak's per-minute table: the samples of each measured minute folded into one row
 * (medians for memory, the server's 60-s tick and patch summaries read at the minute's
 * end, idle and lag over the minute, counts that appeared in it, and the bots' RTT).
 */
import type { RttSample } from "../../loadtest/BotPlayer";
import { summarize } from "../../shared/stats";
import type { SoakCounts, SoakSample } from "./sample";

export interface MinuteRow {
  minute: number;
  samples: number;
  rssMB: number;
  heapUsedMB: number;
  heapAfterGcMB: number;
  /** Major collections during the minute. */
  majorGcs: number;
  externalMB: number;
  /** Last 60 s of steps and patches as the server summarised them at the minute's end, ms. */
  tickP50Ms: number;
  tickP99Ms: number;
  patchP50Ms: number;
  patchP99Ms: number;
  /** Mean and lowest idle share of the minute's sampling intervals. */
  idleMean: number;
  idleMin: number;
  ticksPerSecond: number;
  cpuPercent: number;
  /** Worst event-loop delay p99 of the minute's scrapes, ms. */
  lagP99Ms: number;
  ccuMin: number;
  /** Highest 1-minute load average of the machine seen in the minute. */
  load1Max: number;
  /** Appeared during this minute. */
  dropped: number;
  expelled: number;
  stderrLines: number;
  rttP50Ms: number;
  rttP99Ms: number;
  rttCount: number;
}

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
const median = (values: readonly number[]): number => summarize(values).median;

/**
 * Rows for samples taken every `sampleS` seconds (a sample belongs to the minute its
 * scheduled slot falls in, so a failed scrape shifts nothing); `baseline` holds the
 * counts at the window's start, `startAt` its wall-clock time.
 */
export function minuteRows(
  samples: readonly SoakSample[],
  sampleS: number,
  baseline: SoakCounts,
  rtts: readonly RttSample[],
  startAt: number,
): MinuteRow[] {
  const byMinute = new Map<number, SoakSample[]>();
  for (const sample of samples) {
    const minute = Math.max(1, Math.ceil((Math.round(sample.t / sampleS) * sampleS) / 60));
    const chunk = byMinute.get(minute) ?? [];
    chunk.push(sample);
    byMinute.set(minute, chunk);
  }
  const rows: MinuteRow[] = [];
  let before: SoakCounts = baseline;
  let from = startAt;
  for (const [minute, chunk] of [...byMinute].sort(([a], [b]) => a - b)) {
    const end = chunk[chunk.length - 1]!;
    const rtt = summarize(rtts.filter((sample) => sample.at > from && sample.at <= end.at).map((sample) => sample.ms));
    rows.push({
      minute,
      samples: chunk.length,
      rssMB: median(chunk.map((s) => s.rssMB)),
      heapUsedMB: median(chunk.map((s) => s.heapUsedMB)),
      heapAfterGcMB: median(chunk.map((s) => s.heapAfterGcMB).filter(Number.isFinite)),
      majorGcs: end.majorGcs - before.majorGcs,
      externalMB: median(chunk.map((s) => s.externalMB)),
      tickP50Ms: end.tickMs.p50,
      tickP99Ms: end.tickMs.p99,
      patchP50Ms: end.patchMs.p50,
      patchP99Ms: end.patchMs.p99,
      idleMean: mean(chunk.map((s) => s.idle)),
      idleMin: Math.min(...chunk.map((s) => s.idle)),
      ticksPerSecond: mean(chunk.map((s) => s.ticksPerSecond)),
      cpuPercent: mean(chunk.map((s) => s.cpuPercent)),
      lagP99Ms: Math.max(...chunk.map((s) => s.lagMs.p99)),
      ccuMin: Math.min(...chunk.map((s) => s.ccu)),
      load1Max: Math.max(...chunk.map((s) => s.load1)),
      dropped: end.dropped - before.dropped,
      expelled: end.expelled - before.expelled,
      stderrLines: end.stderrLines - before.stderrLines,
      rttP50Ms: rtt.median,
      rttP99Ms: rtt.p99,
      rttCount: rtt.n,
    });
    before = end;
    from = end.at;
  }
  return rows;
}
