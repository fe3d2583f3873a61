/** The process's cumulative counters: what ServerMetrics keeps and LoadSampler samples. */

/** Where a tick's busy time goes: room message handlers, the simulation step, and patching the state out. */
export type TickPhase = "messages" | "simulation" | "network";

/** Cumulative counts since the process started. */
export interface MetricTotals {
  messagesIn: number;
  bytesIn: number;
  messagesOut: number;
  bytesOut: number;
  ticks: number;
  patches: number;
  /** Players who joined and left a game room. */
  joins: number;
  leaves: number;
  /** Bytes written to match recordings (server/replay). */
  replayBytes: number;
  /** Seconds spent recording them: noting inputs, hashing and writing. */
  replaySeconds: number;
  /** Seconds spent in each phase, over every room. */
  phaseSeconds: Record<TickPhase, number>;
}
