/**
 * One soak sample: the server's /metrics scraped (bounded in time) and read into the
 * numbers the soak watches: memory, tick and patch summaries, idle share, event-loop lag,
 * CCU and the cumulative counts of dropped messages, expelled clients and stderr lines.
 */
import os from "node:os";
import { parsePromText, promValue, type PromSample } from "../../server/metrics/promText";

/** The counter soakServer adds for the lines the server wrote to stderr (see stderrCounter.ts). */
export const STDERR_LINES_METRIC = "netroids_soak_stderr_lines_total";

/** The heap used after the latest major collection, and their count (see heapAfterGc.ts). */
export const HEAP_AFTER_GC_METRIC = "netroids_soak_heap_after_major_gc_bytes";
export const MAJOR_GCS_METRIC = "netroids_soak_major_gcs_total";

export interface Scrape {
  /** Wall-clock time of the scrape, ms since the epoch. */
  at: number;
  metrics: PromSample[];
}

/** Counts since the server process started. */
export interface SoakCounts {
  dropped: number;
  expelled: number;
  stderrLines: number;
  majorGcs: number;
}

export interface SoakSample extends SoakCounts {
  /** Seconds since the measured window began. */
  t: number;
  at: number;
  rssMB: number;
  /** Heap used at the scrape: a saw-tooth, see heapAfterGcMB. */
  heapUsedMB: number;
  /** Heap used right after the latest major collection (NaN before the first). */
  heapAfterGcMB: number;
  heapTotalMB: number;
  externalMB: number;
  /** The server's sliding summaries (last 30 to 60 s) of one simulation step and one patch broadcast, ms. */
  tickMs: { p50: number; p99: number };
  patchMs: { p50: number; p99: number };
  /** Since the previous sample: idle share of the event loop, simulation steps per second, CPU % of a core. */
  idle: number;
  ticksPerSecond: number;
  cpuPercent: number;
  /** Event-loop delay since the previous scrape (prom-client resets it per scrape), ms; includes its 10 ms sampling interval. */
  lagMs: { p50: number; p99: number; max: number };
  ccu: number;
  /** The machine's 1-minute load average at the scrape, as the soak process saw it (other work competes for the cores). */
  load1: number;
}

export async function scrape(port: number, timeoutMs: number): Promise<Scrape> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  return { at: Date.now(), metrics: parsePromText(await response.text()) };
}

/** The sum of every sample named `name` over all its labels (0 when a labelled counter has none yet). */
function sumOf(metrics: readonly PromSample[], name: string): number {
  return metrics.filter((sample) => sample.name === name).reduce((sum, sample) => sum + sample.value, 0);
}

/** A labelled counter's values by label, e.g. dropped messages by reason. */
export function byLabel(scraped: Scrape, name: string, label: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const sample of scraped.metrics) {
    if (sample.name === name) values[sample.labels[label] ?? ""] = sample.value;
  }
  return values;
}

export function countsOf(scraped: Scrape): SoakCounts {
  return {
    dropped: sumOf(scraped.metrics, "netroids_messages_dropped_total"),
    expelled: sumOf(scraped.metrics, "netroids_clients_expelled_total"),
    stderrLines: sumOf(scraped.metrics, STDERR_LINES_METRIC),
    majorGcs: sumOf(scraped.metrics, MAJOR_GCS_METRIC),
  };
}

const MB = 1e6;

export function toSample(start: Scrape, previous: Scrape, now: Scrape): SoakSample {
  const value = (name: string, labels: Record<string, string> = {}): number => promValue(now.metrics, name, labels) ?? Number.NaN;
  const delta = (name: string): number => (promValue(now.metrics, name) ?? 0) - (promValue(previous.metrics, name) ?? 0);
  const seconds = (now.at - previous.at) / 1000;
  const ms = (name: string, q: string): number => 1000 * value(name, { quantile: q });
  return {
    t: (now.at - start.at) / 1000,
    at: now.at,
    rssMB: value("process_resident_memory_bytes") / MB,
    heapUsedMB: value("nodejs_heap_size_used_bytes") / MB,
    // The gauge reads 0 until the first major collection.
    heapAfterGcMB: value(MAJOR_GCS_METRIC) > 0 ? value(HEAP_AFTER_GC_METRIC) / MB : Number.NaN,
    heapTotalMB: value("nodejs_heap_size_total_bytes") / MB,
    externalMB: value("nodejs_external_memory_bytes") / MB,
    tickMs: { p50: ms("netroids_tick_seconds", "0.5"), p99: ms("netroids_tick_seconds", "0.99") },
    patchMs: { p50: ms("netroids_patch_seconds", "0.5"), p99: ms("netroids_patch_seconds", "0.99") },
    idle: Math.min(1, Math.max(0, 1 - delta("netroids_event_loop_busy_seconds_total") / seconds)),
    ticksPerSecond: delta("netroids_ticks_total") / seconds,
    cpuPercent: (100 * delta("process_cpu_seconds_total")) / seconds,
    lagMs: {
      p50: 1000 * value("nodejs_eventloop_lag_p50_seconds"),
      p99: 1000 * value("nodejs_eventloop_lag_p99_seconds"),
      max: 1000 * value("nodejs_eventloop_lag_max_seconds"),
    },
    ccu: value("netroids_ccu"),
    load1: os.loadavg()[0] ?? Number.NaN,
    ...countsOf(now),
  };
}
