/**
 * The dashboard's tick-time chart data: each load window as milliseconds of one tick
 * (TICK_MS, the budget line), stacked (message handling, then simulation, network and other busy time, with
 * idle on top up to the whole tick), in uPlot's column layout.
 */
import { TICK_MS } from "../../../shared/constants";
import type { LoadWindow } from "../../../shared/dashboard/dashboardApi";

export const STACK_LAYERS = ["messages", "simulation", "network", "other", "idle"] as const;

/** [x (s since the epoch), then the running total up to each layer, bottom to top], one column per window. */
export function stackedTickTime(load: readonly LoadWindow[]): number[][] {
  const columns: number[][] = [load.map((window) => window.at / 1000)];
  const running = load.map(() => 0);
  for (const layer of STACK_LAYERS) {
    columns.push(load.map((window, i) => (running[i] = running[i]! + window[layer] * TICK_MS)));
  }
  return columns;
}

/** [x, messages in/s, messages out/s, KB in/s, KB out/s]. */
export function trafficSeries(load: readonly LoadWindow[]): number[][] {
  return [
    load.map((window) => window.at / 1000),
    load.map((window) => window.messagesInPerSecond),
    load.map((window) => window.messagesOutPerSecond),
    load.map((window) => window.bytesInPerSecond / 1000),
    load.map((window) => window.bytesOutPerSecond / 1000),
  ];
}
