/**
 * Every tuning number of the game and its network, with units and reasons.
 * A tuning change is a one-line diff here; nothing else hard-codes these.
 */

/** Field size in px; every object wraps at every edge. */
export const WORLD_WIDTH = 960;
export const WORLD_HEIGHT = 540;

/** Timers are sums of float steps; this absorbs their rounding so 3 s is exactly 180 steps. */
export const TIMER_EPSILON = 1e-9;

/** Simulation rate: 60 fixed steps per second, the same on server and client. */
export const TICK_RATE = 60;
/** One fixed step in seconds (1/60 s). */
export const TICK_DT = 1 / TICK_RATE;
/** State patches per second sent to clients (Colyseus patchRate = 1000 / PATCH_RATE ms). */
export const PATCH_RATE = 20;
/**
 * Input steps a client sends per message: two halves the messages a server handles (the
 * largest per-client cost) for on average half a step (8 ms) more input delay, which
 * prediction hides from the player.
 */
export const INPUT_STEPS_PER_MESSAGE = 2;

/** Ship hull in ship space (px), nose on +x at angle 0: the original's arrow. */
export const SHIP_HULL: ReadonlyArray<readonly [number, number]> = [
  [-16, -16],
  [32, 0],
  [-16, 16],
];
/** Radius of the circle around the origin that contains the hull (the nose at 32 px): broad-phase bound. */
export const SHIP_BOUND_RADIUS = 32;
/** Forward (Up) and backward (Down) acceleration, px/s². */
export const SHIP_THRUST = 320;
/** Velocity multiplier applied once per 1/60 s step. */
export const SHIP_DRAG_PER_STEP = 0.99;
/** Rotation speed while Left/Right is held: 180°/s, in rad/s. */
export const SHIP_TURN_RATE = Math.PI;

/** Charge gained per second while Space is held; capped at SHOT_CHARGE_MAX. */
export const SHOT_CHARGE_RATE = 3;
export const SHOT_CHARGE_MAX = 1;
/** Bullet muzzle speed in px/s, added to the ship's velocity. */
export const BULLET_SPEED = 640;
/** Bullet lifetime in seconds (1.25 s = 75 steps). */
export const BULLET_LIFETIME = 1.25;
/** Bullet radius = BULLET_BASE_RADIUS + BULLET_CHARGE_RADIUS × charge, px. */
export const BULLET_BASE_RADIUS = 3;
export const BULLET_CHARGE_RADIUS = 4;
/** Minimum time between two shots of one ship, s: a scripted client toggling Space every step cannot spray. */
export const SHOT_COOLDOWN = 0.2;
/** Bullets a single ship may have in flight; with the cooldown this bounds bullets at 100 ships. */
export const MAX_BULLETS_PER_SHIP = 8;

/** Time a destroyed ship waits before it revives, s. */
export const RESPAWN_DELAY = 3;
/** After reviving, the ship cannot be hit or crushed for this long, s. */
export const SPAWN_PROTECTION = 2;
/** Candidate spots tried when choosing where a ship revives; the clearest wins. */
export const SPAWN_CANDIDATES = 12;

/** Points for destroying a ship, and for each asteroid size (smaller rocks are harder to hit). */
export const SCORE_SHIP_KILL = 10;
export const SCORE_ASTEROID: Readonly<Record<AsteroidSize, number>> = { 3: 1, 2: 2, 1: 3 };

/** Asteroid sizes: 3 = large, 2 = medium, 1 = small; a hit splits one size down into two. */
export type AsteroidSize = 1 | 2 | 3;
export const ASTEROID_RADIUS: Readonly<Record<AsteroidSize, number>> = { 3: 40, 2: 22, 1: 12 };
/** Drift speed range of a new large rock, px/s; each split piece is faster by ASTEROID_SPLIT_SPEEDUP. */
export const ASTEROID_MIN_SPEED = 20;
export const ASTEROID_MAX_SPEED = 60;
export const ASTEROID_SPLIT_SPEEDUP = 1.5;
/** Spin range, rad/s, either direction. */
export const ASTEROID_MAX_SPIN = 1.5;
/** Large rocks the field starts with and refills towards. */
export const ASTEROID_TARGET_LARGE = 5;
/** A missing large rock is added back at most once per this many seconds. */
export const ASTEROID_REFILL_INTERVAL = 4;
/** New rocks appear at least this far from every ship, px. */
export const ASTEROID_SPAWN_CLEARANCE = 160;

/** Ship poses the world remembers for lag compensation, in steps: 1 s. */
export const POSE_HISTORY_TICKS = TICK_RATE;
/**
 * Furthest a shot may look into the past, in steps: 350 ms covers a 250 ms round trip
 * plus the client's 100 ms interpolation delay; beyond it a high-ping player would
 * shoot ships that have long moved on.
 */
export const MAX_REWIND_TICKS = 21;

/** Players per room. */
export const MAX_CLIENTS = 100;
/** Seconds a dropped client may take to reconnect and get its ship back. */
export const RECONNECT_WINDOW = 20;
/** Player names: 1–16 printable characters after trimming. */
export const NAME_MAX_LENGTH = 16;
/** Room display names: 1–32 printable characters after trimming. */
export const ROOM_NAME_MAX_LENGTH = 32;
