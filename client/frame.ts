/**
 * What the renderer draws in one animation frame: plain values, already interpolated,
 * in field coordinates (wrapping at `world`'s size). The network layer builds it; the
 * renderer never sees Colyseus state.
 */
import type { Vec2 } from "../shared/sim/vector";
import type { WorldSize } from "../shared/sim/worldSize";
import type { ShipState } from "../shared/net/schema";
import { readPublicShip } from "../shared/net/wire";

export interface RenderShip {
  id: string;
  name: string;
  color: string;
  x: number;
  y: number;
  angle: number;
  alive: boolean;
  /** Shot charge 0..1 while Space is held: drawn as the hull filling up. */
  charge: number;
  /** Held keys (Key bitmask from shared/sim/input): Up draws the thrust flame. */
  keys: number;
  /** Spawn protection: drawn blinking. */
  protected: boolean;
  /** Seconds until a destroyed ship revives. */
  respawnIn: number;
  /** The player at this screen. */
  isLocal: boolean;
}

export interface RenderBullet {
  id: string;
  x: number;
  y: number;
  radius: number;
  /** The shooter's color. */
  color: string;
  /** Below 1 while an own shot the server did not fire fades out; absent otherwise. */
  opacity?: number;
}

export interface RenderAsteroid {
  id: string;
  /** 3 large, 2 medium, 1 small (radii in shared/constants ASTEROID_RADIUS). */
  size: 1 | 2 | 3;
  x: number;
  y: number;
  angle: number;
}

/** A player's dot on the minimap. */
export interface MinimapBlip {
  id: string;
  x: number;
  y: number;
  color: string;
  /** The player at this screen: drawn highlighted. */
  isLocal: boolean;
  /** False for a ship out of view, placed at its coarse cell (refreshed twice a second). */
  exact: boolean;
  alive: boolean;
}

export interface RenderFrame {
  /** The field's size: every coordinate wraps in it. */
  world: WorldSize;
  /** Where the camera centres: the own ship as drawn (where it died, while dead); undefined before it is known. */
  focus: Vec2 | undefined;
  /** Ships near the player (those in its view), drawn in full. */
  ships: RenderShip[];
  bullets: RenderBullet[];
  asteroids: RenderAsteroid[];
  /** Every player in the room, for the minimap: the ones in view where they are drawn, the rest at their coarse cell. */
  blips: MinimapBlip[];
}

/**
 * The own ship as drawn: in the present, at its predicted pose with the keys held now, and, like
 * `alive`, its spawn protection and charge from the newest state, not the interpolated one.
 */
export function presentOwnShip(
  interpolated: Omit<RenderShip, "isLocal">,
  own: ShipState,
  pose: { x: number; y: number; angle: number },
  keys: number,
  tick: number,
): RenderShip {
  return {
    ...interpolated,
    ...pose,
    alive: own.alive,
    protected: own.protected,
    charge: readPublicShip(own, tick).charge,
    keys,
    isLocal: true,
  };
}
