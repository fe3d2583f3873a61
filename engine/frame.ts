/**
 * What the renderer draws in one animation frame: plain values, already interpolated,
 * in field coordinates (960×540, wrapping). The network layer builds it; the renderer
 * never sees Colyseus state.
 */
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
  /** Held keys (Key bitmask from shared/input): Up draws the thrust flame. */
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
  /** The shooter's colour. */
  color: string;
}

export interface RenderAsteroid {
  id: string;
  /** 3 large, 2 medium, 1 small (radii in shared/constants ASTEROID_RADIUS). */
  size: 1 | 2 | 3;
  x: number;
  y: number;
  angle: number;
}

export interface RenderFrame {
  ships: RenderShip[];
  bullets: RenderBullet[];
  asteroids: RenderAsteroid[];
}
