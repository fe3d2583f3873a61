/**
 * A read-only picture of what the page shows, on `window.__netroids`, for browser tests
 * and curious players: the screen, the ships as drawn this frame, effect counts.
 * It is replaced (never mutated) so a reader cannot change the game through it.
 */
import type { NetcodeOptions, NetStats } from "../../engine/GameSession";
import type { RenderShip } from "../../engine/frame";

export type DebugShip = Pick<RenderShip, "id" | "name" | "color" | "x" | "y" | "angle" | "alive">;

export interface DebugSnapshot {
  screen: "lobby" | "game";
  sessionId?: string;
  roomId?: string;
  roomName?: string;
  /** Ships as drawn in the last frame (interpolated). */
  ships?: DebugShip[];
  bullets?: number;
  asteroids?: number;
  /** Explosion effects playing now, and started since joining. */
  explosions?: number;
  explosionsSeen?: number;
  score?: number;
  pingMs?: number;
  frames?: number;
  /** Network statistics and the netcode switches (see GameSession). */
  net?: NetStats;
  netcode?: NetcodeOptions;
}

declare global {
  interface Window {
    __netroids?: Readonly<DebugSnapshot>;
  }
}

export function publishDebugSnapshot(snapshot: DebugSnapshot): void {
  window.__netroids = Object.freeze(snapshot);
}
