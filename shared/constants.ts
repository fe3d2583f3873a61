/**
 * Every tuning knob of the game, with its unit and the reason for its value: a tuning change
 * is a one-line diff here. A value that follows from another is written as an expression of
 * it (`1000 / TICK_RATE`), so it follows a change.
 *
 * Sections: the fixed step; the world's rules, which server, prediction, bots and tests all
 * step; the rewind the simulation allows; what a player sees; the room. The netcode's knobs
 * (patches and input, the server's queue and message limits, the client's prediction,
 * interpolation and clock, round trips, interest management) are in net/netConstants.ts. Not
 * here: facts of the wire rather than knobs (message names, close codes, the bounds net/
 * validates, wire.ts's fixed point); the server's hardening limits, which guard the process
 * rather than shape play (server/transport, server/joinGuard, the lobby room); the bots'
 * play (loadtest/botBrain.ts). Every file of the simulation imports this one, so a change
 * here is a change of the simulation's code (sim/simulationVersion.test.ts).
 */

// The fixed step

/**
 * Simulation steps per second, the same on server and client; one input is one step.
 * @default 60 — a step per frame of a 60 Hz screen: input is read and the own ship
 * predicted as often as most screens draw. The per-step rules (drag) are written for it.
 */
export const TICK_RATE = 60;
/** One fixed step in seconds (1/60 s). */
export const TICK_DT = 1 / TICK_RATE;
/** One fixed step in ms: server time on a client is tick × TICK_MS. */
export const TICK_MS = 1000 / TICK_RATE; // 16.7 ms (60 Hz)
/** Timers are sums of float steps; this absorbs their rounding so 3 s is exactly 180 steps. */
export const TIMER_EPSILON = 1e-9;

// The world and its rules

/**
 * One screen of field, px: the whole field of the smallest room, and the unit a bigger
 * room's field is counted in. Every object wraps at every edge of its room's field.
 */
export const SCREEN_WIDTH = 960;
export const SCREEN_HEIGHT = 540;
/**
 * Seats per screen of field area; a room's field is k × k screens with k the smallest
 * whole number giving each seat this share (shared/sim/worldSize.ts).
 * @default 8 — a full room of 100 gets 4 × 4 screens (3840 × 2160, ~6 ships a screen);
 * a room of 8 stays one screen, as the original was.
 */
export const SEATS_PER_SCREEN = 8;

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
/**
 * Fastest a ship can ever fly, px/s (plus 1 for float32 rounding): full thrust against the
 * drag settles at thrust × dt × drag / (1 − drag), 528 px/s. Broad phases use it to bound how far a
 * ship moved between a rewound pose and now.
 */
export const SHIP_MAX_SPEED = (SHIP_THRUST * TICK_DT * SHIP_DRAG_PER_STEP) / (1 - SHIP_DRAG_PER_STEP) + 1;
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
/** A new or revived ship keeps at least this much room from ships and rocks when the field allows, px. */
export const SHIP_SPAWN_CLEARANCE = 120;

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
/** Split pieces leave at ± this angle from the parent's heading plus up to as much again at random, rad (30°). */
export const ASTEROID_SPLIT_ANGLE = Math.PI / 6;
/** Spin range, rad/s, either direction. */
export const ASTEROID_MAX_SPIN = 1.5;
/** Large rocks per screen of field the field starts with and refills towards: 3 on one screen, 48 in a full room (16 screens). */
export const ASTEROID_LARGE_PER_SCREEN = 3;
/** A missing large rock is added back at most once per this many seconds. */
export const ASTEROID_REFILL_INTERVAL = 4;
/** New rocks appear at least this far from every ship, px. */
export const ASTEROID_SPAWN_CLEARANCE = 160;

// Netcode: lag compensation

/**
 * Ship poses the world remembers for lag compensation, in steps.
 * @default 60 steps (1 s) — well past MAX_REWIND_TICKS; one lookup walks at most this far.
 */
export const POSE_HISTORY_TICKS = TICK_RATE;
/**
 * Furthest a shot may look into the past, in steps: Colyseus's own rewind history, 500 ms.
 * @default 30 steps (500 ms) — a 300 ms round trip plus the client's interpolation delay
 * (100–150 ms) and the steps the server's input pacing keeps to spare; beyond it a high-ping
 * player would shoot ships that have long moved on. The price is the victim's: a ship can be
 * hit up to this long after it flew out of the shooter's sight (docs/netcode.md, Lag compensation).
 */
export const MAX_REWIND_TICKS = Math.round(500 / TICK_MS);
// What a player sees

/**
 * The most of the field a player's screen shows, px: the camera scales this region to
 * cover the window, so no window shows more, whatever its shape (web/src/render/camera.ts).
 * @default one screen (960 × 540) — what the original showed; a full room is 16 of them.
 * Every px² more is sent to every client: the view and its margin set the bytes a client costs.
 */
export const VIEW_WIDTH = SCREEN_WIDTH;
export const VIEW_HEIGHT = SCREEN_HEIGHT;

// The room

/** Players per room, at most; a room created with fewer seats gets a smaller field. */
export const MAX_CLIENTS = 100;
/** Seats of a room whose creator asks for none: the full room. */
export const DEFAULT_SEATS = MAX_CLIENTS;
/** Fewest seats a room may be created with. */
export const MIN_SEATS = 2;
/** Seconds a dropped client may take to reconnect and get its ship back. */
export const RECONNECT_WINDOW = 20;
/**
 * Longest wait between the client's reconnection attempts, ms (the SDK's backoff doubles up to it).
 * @default 2000 ms — a link back is found within 2 s, and 15 attempts still span the 20 s window.
 */
export const RECONNECT_RETRY_MAX_DELAY_MS = 2000;
/** Player names: 1–16 printable characters after trimming. */
export const NAME_MAX_LENGTH = 16;
/** Room display names: 1–32 printable characters after trimming. */
export const ROOM_NAME_MAX_LENGTH = 32;
