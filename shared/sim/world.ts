/**
 * The plain-data world the simulation steps. No classes, no methods: the server
 * mirrors it into Colyseus schema, the client copies it for prediction, and tests
 * build it by hand. Timers are in seconds of simulated time.
 */
import type { AsteroidSize } from "../constants";
import type { RngState } from "./rng";
import type { WorldSize } from "./worldSize";

export interface Ship {
  /** The owning client's sessionId. */
  id: string;
  x: number;
  y: number;
  vx: number;
  vy: number;
  /** Heading in radians, in [−π, π); 0 faces +x. */
  angle: number;
  alive: boolean;
  /** Charge of the shot being held, 0..1; 0 when Space is up. */
  charge: number;
  /** True while Space has been held since the last shot: its release fires. */
  charging: boolean;
  /** Seconds until this ship may fire again. */
  cooldown: number;
  /** Seconds until a destroyed ship revives. */
  respawnIn: number;
  /** Seconds of spawn protection left: cannot be hit or crushed. */
  protection: number;
  score: number;
  /** Keys applied on the last step (drawn as thrust flame and turning). */
  keys: number;
}

export interface Bullet {
  id: number;
  /** Shooter's ship id; never hits that ship. */
  owner: string;
  x: number;
  y: number;
  vx: number;
  vy: number;
  radius: number;
  /** Seconds left before it vanishes. */
  life: number;
  /**
   * Lag compensation: steps into the past at which this bullet meets ships — how far
   * behind the present its shooter saw them when firing (0 = the present).
   */
  rewind: number;
}

export interface Asteroid {
  id: number;
  size: AsteroidSize;
  x: number;
  y: number;
  vx: number;
  vy: number;
  angle: number;
  /** Rotation speed, rad/s. */
  spin: number;
}

/** A ship as it was at the end of one step: what lag compensation rewinds to. */
export interface ShipPose {
  x: number;
  y: number;
  vx: number;
  vy: number;
  angle: number;
  /** Alive and not spawn-protected: could be hit. */
  hittable: boolean;
}

/** Every ship's pose at the end of step `tick`. */
export interface PoseFrame {
  tick: number;
  ships: Record<string, ShipPose>;
}

export type GameEvent =
  | { kind: "shot"; shipId: string; bulletId: number; charge: number }
  /** `bulletId` is the bullet that hit (absent when a rock crushed the ship). */
  | { kind: "shipDestroyed"; shipId: string; killerId: string | null; bulletId?: number; x: number; y: number }
  | { kind: "shipRespawned"; shipId: string }
  | { kind: "asteroidDestroyed"; asteroidId: number; size: AsteroidSize; shooterId: string | null; x: number; y: number };

export interface World extends RngState {
  /** The field every coordinate wraps in; fixed for the world's life. */
  size: WorldSize;
  /** Steps simulated so far. */
  tick: number;
  /** Next id handed to a bullet or asteroid. */
  nextId: number;
  /** Ships in join order; the order is part of determinism (it decides ties). */
  ships: Ship[];
  bullets: Bullet[];
  asteroids: Asteroid[];
  /** Seconds until the field may add back a missing large rock. */
  refillIn: number;
  /** What happened during the last step; cleared at the start of each step. */
  events: GameEvent[];
  /** Ship poses of the last POSE_HISTORY_TICKS steps, oldest first. */
  history: PoseFrame[];
}

/** Held keys per ship id for one step; a missing ship holds nothing. */
export type InputsByShip = Readonly<Record<string, number>>;

/** Per ship id, how many steps behind the present its player sees other ships (lag compensation); missing = 0. */
export type SeenLagByShip = Readonly<Record<string, number>>;

export function findShip(world: World, id: string): Ship | undefined {
  return world.ships.find((ship) => ship.id === id);
}

/** A deep copy: prediction and replays step a copy without touching the original. */
export function cloneWorld(world: World): World {
  return structuredClone(world);
}
