/**
 * What the server dashboard reads from /dashboard/api: the server's own measurements
 * (not its Prometheus text) and a spectator's copy of a room's world. Shared so the
 * server that writes it and the page that draws it agree on one shape.
 */

/** One sampling window of the server's load (fractions of wall time sum to 1; rates per second). */
export interface LoadWindow {
  /** End of the window, ms since the epoch. */
  at: number;
  messages: number;
  simulation: number;
  network: number;
  other: number;
  idle: number;
  ticksPerSecond: number;
  patchesPerSecond: number;
  messagesInPerSecond: number;
  bytesInPerSecond: number;
  messagesOutPerSecond: number;
  bytesOutPerSecond: number;
}

export interface DashboardStats {
  ccu: number;
  rooms: number;
  /** Players joined and left since the server started. */
  joins: number;
  leaves: number;
  /** Messages dropped since the server started, by reason. */
  dropped: Record<string, number>;
  /** Round trips reported by clients over the last RTT_WINDOW_MS, ms; undefined when none. */
  rttMs: { p50: number; p90: number; p99: number; count: number } | undefined;
  /** Oldest first, the last few minutes. */
  load: LoadWindow[];
}

export interface DashboardRoom {
  roomId: string;
  roomName: string;
  players: number;
}

/** A room's world as a spectator sees it: the server's own state, not interpolated. */
export interface SpectatorWorld {
  roomId: string;
  roomName: string;
  tick: number;
  /** The field's size, px: the dashboard draws all of it. */
  width: number;
  height: number;
  ships: Array<{
    id: string;
    name: string;
    color: string;
    x: number;
    y: number;
    angle: number;
    alive: boolean;
    score: number;
    charge: number;
    keys: number;
    protected: boolean;
  }>;
  bullets: Array<{ id: string; x: number; y: number; radius: number; color: string }>;
  asteroids: Array<{ id: string; size: 1 | 2 | 3; x: number; y: number; angle: number }>;
  /** Bytes of the room's match recording so far (server/replay); absent when it is not recorded. */
  recordingBytes?: number;
}
