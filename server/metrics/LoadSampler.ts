/**
 * Turns the process's cumulative totals into one record per window (half a second): where the time
 * went (message handling, simulation, network, the rest of the busy time, idle) and
 * the traffic rates. Idle is 1 − event-loop utilization, so socket I/O, GC and timers
 * count as busy even though no room measured them ("other").
 */
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import type { LoadWindow } from "../../shared/dashboard/dashboardApi";
import type { MetricTotals } from "./MetricTotals";

/** Sampling window, ms: two records a second, so a live chart moves at least twice a second. */
const LOAD_WINDOW_MS = 500;
/** Records kept: five minutes, what a live chart shows. */
export const LOAD_HISTORY_RECORDS = (5 * 60 * 1000) / LOAD_WINDOW_MS;

interface Mark {
  at: number;
  monotonicMs: number;
  elu: EventLoopUtilization;
  totals: MetricTotals;
}

export class LoadSampler {
  private readonly history: LoadWindow[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private mark: Mark;

  constructor(
    private readonly totals: MetricTotals,
    private readonly intervalMs = LOAD_WINDOW_MS,
  ) {
    this.mark = this.takeMark();
  }

  start(): void {
    if (this.timer) return;
    this.mark = this.takeMark();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    // Sampling must never keep a process (or a test run) alive on its own.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  latest(): LoadWindow | undefined {
    return this.history[this.history.length - 1];
  }

  /** The last `count` records, oldest first. */
  recent(count = LOAD_HISTORY_RECORDS): LoadWindow[] {
    return this.history.slice(-count);
  }

  /** Closes the current window and records it; public so tests and benchmarks can sample on their own schedule. */
  sample(): LoadWindow {
    const previous = this.mark;
    const now = this.takeMark();
    this.mark = now;
    const seconds = Math.max(1e-6, (now.monotonicMs - previous.monotonicMs) / 1000);
    const elu = performance.eventLoopUtilization(now.elu, previous.elu);
    const share = (after: number, before: number): number => clamp01((after - before) / seconds);
    const messages = share(now.totals.phaseSeconds.messages, previous.totals.phaseSeconds.messages);
    const simulation = share(now.totals.phaseSeconds.simulation, previous.totals.phaseSeconds.simulation);
    const network = share(now.totals.phaseSeconds.network, previous.totals.phaseSeconds.network);
    const busy = Math.max(clamp01(elu.utilization), messages + simulation + network);
    const rate = (key: "ticks" | "patches" | "messagesIn" | "bytesIn" | "messagesOut" | "bytesOut"): number =>
      (now.totals[key] - previous.totals[key]) / seconds;
    const record: LoadWindow = {
      at: now.at,
      messages,
      simulation,
      network,
      other: Math.max(0, busy - messages - simulation - network),
      idle: Math.max(0, 1 - busy),
      ticksPerSecond: rate("ticks"),
      patchesPerSecond: rate("patches"),
      messagesInPerSecond: rate("messagesIn"),
      bytesInPerSecond: rate("bytesIn"),
      messagesOutPerSecond: rate("messagesOut"),
      bytesOutPerSecond: rate("bytesOut"),
    };
    this.history.push(record);
    if (this.history.length > LOAD_HISTORY_RECORDS) this.history.shift();
    return record;
  }

  private takeMark(): Mark {
    return {
      at: Date.now(),
      monotonicMs: performance.now(),
      elu: performance.eventLoopUtilization(),
      totals: { ...this.totals, phaseSeconds: { ...this.totals.phaseSeconds } },
    };
  }
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
