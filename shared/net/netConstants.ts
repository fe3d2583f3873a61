/**
 * Every tuning knob of the netcode, with its unit and the reason for its value (the game's
 * own are in ../constants.ts): patches and input, the server's input queue and message
 * limits, the client's prediction, interpolation and clock, round trips and the rewind's
 * tolerance, interest management. None of them changes what a step computes.
 */

import { TICK_MS, TICK_RATE } from "../constants";

// Netcode: patches and input

/**
 * State patches per second sent to every client.
 * @default 20 — Colyseus's own default (50 ms). A patch costs each client of a full room
 * ~0.7 KB, and remote objects are drawn two patch intervals late: this rate sets both.
 */
export const PATCH_RATE = 20;
/** One patch interval, ms: the room's Colyseus `patchRate`. */
export const PATCH_INTERVAL_MS = 1000 / PATCH_RATE; // 50 ms (20 Hz)
/**
 * Fewest steps between two input messages of a client: a key change made in the step right
 * after a message waits one step, so one message can carry both ends of a tap.
 * @default 2 steps (33 ms) — at most 30 messages a second however fast the keys change; a
 * player or bot changing keys a few times a second sends a few.
 */
export const INPUT_MIN_GAP_STEPS = 2;
/**
 * Steps after which a client with no key change sends a heartbeat: its newest step, so the
 * server knows it is still stepping (and how far).
 * @default 15 steps (250 ms) — 4 messages a second while a player holds the same keys.
 */
export const INPUT_HEARTBEAT_STEPS = 15;
/**
 * Input steps a client runs at most in one go after a stall (a hidden tab, a long frame).
 * @default 10 (167 ms) — a hitch is caught up with no hole in the inputs; the backlog of a
 * longer stall is dropped, not replayed in a burst.
 */
export const INPUT_MAX_CATCH_UP_STEPS = 10;
/**
 * Steps the server's room runs at most in one go after a stall (a GC pause, a busy event
 * loop); the rest of the backlog is dropped, as Colyseus's own loop does.
 * @default 5 (83 ms) — clients' inputs wait in their queues meanwhile; a longer burst would
 * hold every room's patches back behind it.
 */
export const SERVER_MAX_CATCH_UP_STEPS = 5;
/**
 * How often a client (browser or bot) pings to measure its round trip and reports it
 * (the `rtt` message), ms.
 * @default 1000 ms — fresh enough for the overlay and the server's RTT histogram; one
 * message a second next to the 30 of input.
 */
export const PING_INTERVAL_MS = 1000;

// Netcode: the server's input queue and message limits

/**
 * How many steps ahead of the step the server applies a client's report must arrive: a key
 * change sent up to INPUT_MIN_GAP_STEPS − 1 steps after it was made then still comes in
 * before its step. A report with less to spare moves that client's steps later (the server
 * holds its keys a step), so the steps' pacing follows the link's delay and jitter.
 * @default 2 steps
 */
export const INPUT_SPARE_MIN_STEPS = 2;
/**
 * Steps to spare a client starts with: one more than the least, for a first jitter.
 * @default 3 steps (50 ms)
 */
export const INPUT_SPARE_START_STEPS = INPUT_SPARE_MIN_STEPS + 1;
/**
 * When every report of a review had more than this to spare, the client's steps move one
 * earlier (one step is skipped): the delay a past spike of jitter added does not stay.
 * @default 6 steps (100 ms), reviewed every INPUT_SPARE_REVIEW_REPORTS reports
 */
export const INPUT_SPARE_MAX_STEPS = 6;
/** @default 24 reports — 6 s of heartbeats, less while keys change. */
export const INPUT_SPARE_REVIEW_REPORTS = 24;
/**
 * Steps past a client's newest report the server still applies (holding its keys): a client
 * whose reports stop (a stalled tab, a dropped link) is not run on for long.
 * @default INPUT_HEARTBEAT_STEPS + 6 — a heartbeat late by 100 ms still arrives in time.
 */
export const INPUT_AHEAD_STEPS = INPUT_HEARTBEAT_STEPS + 6;
/**
 * Key changes the server keeps waiting per client; a message that would pass it is dropped.
 * @default 32 — an honest client has a handful waiting at most (those of the few steps to spare).
 */
export const MAX_WAITING_KEY_RUNS = 32;
/**
 * Shortest time between two RTT reports of one client that both count, ms.
 * @default 500 ms (half of PING_INTERVAL_MS) — an honest client's reports are never that
 * close, and no client weighs more than two a second in the histogram.
 */
export const RTT_REPORT_INTERVAL_MS = PING_INTERVAL_MS / 2;
/**
 * Messages a client may send in one rate window; the room drops the rest.
 * @default 90 — three times the most our clients send (31 a second: a key change every
 * INPUT_MIN_GAP_STEPS steps, and an RTT report; a few a second is usual), enough for a
 * client that sends every step alone (61); a burst past it costs its sender, not the room.
 */
export const SOFT_MESSAGE_LIMIT = 90;
/**
 * Messages in one rate window that mean a flood: the room closes the client (ServerCloseCode.Flood).
 * @default 300 — about ten times an honest client's rate, and under the room's Colyseus
 * backstop (`maxMessagesPerSecond`, 1000), which closes without saying why.
 */
export const FLOOD_MESSAGE_LIMIT = 300;
/**
 * The window the message limits count in, ms (the lobby's too).
 * @default 1000 ms — the limits are per second.
 */
export const MESSAGE_RATE_WINDOW_MS = 1000;

// Netcode: the client's prediction of its own ship

/**
 * A correction longer than this is applied at once instead of faded, px.
 * @default 120 px — more than any misprediction, less than a respawn.
 */
export const SNAP_DISTANCE = 120;
/**
 * Time constant of the fade of a correction from the drawn own ship, ms: ~63 % of the
 * error is gone in this time, ~95 % in three.
 * @default 80 ms — a correction is seen as a glide, not a jump, and is over in a quarter second.
 */
export const CORRECTION_TIME_MS = 80;
/**
 * Input steps the client keeps unacknowledged at most; older ones are dropped.
 * @default 120 steps (2 s) — far past any playable round trip: beyond it the link is dead.
 */
export const MAX_PENDING_INPUTS = 2 * TICK_RATE;
/**
 * How long a predicted shot the server did not fire takes to fade out, ms.
 * @default 150 ms — seen as a dud going out, not as a bullet vanishing.
 */
export const REFUSED_SHOT_FADE_MS = 150;

// Netcode: the client's interpolation of remote objects, and its server clock

/**
 * How far behind the estimated server time remote objects are drawn, ms, before the
 * measured jitter is added.
 * @default 100 ms (two patch intervals) — a patch may come late and the buffer still holds
 * a snapshot on each side of the drawn time.
 */
export const BASE_INTERPOLATION_DELAY_MS = 2 * PATCH_INTERVAL_MS;
/** Floor of the delay, jitter added, ms. @default 70 ms (1.4 intervals) — interpolation needs two snapshots. */
export const MIN_INTERPOLATION_DELAY_MS = PATCH_INTERVAL_MS * 1.4;
/** Ceiling of the delay, jitter added, ms. @default 250 ms (5 intervals) — any later and the game feels late. */
export const MAX_INTERPOLATION_DELAY_MS = PATCH_INTERVAL_MS * 5;
/**
 * Share of the gap between the delay and its target closed per second of screen time.
 * @default 2 — a time constant of half a second: the drawn time glides, never jumps.
 */
export const INTERPOLATION_DELAY_ADAPT_PER_S = 2;
/**
 * A move longer than this between two snapshots is a teleport (a respawn): drawn at its
 * new place, not lerped, px.
 * @default 150 px — the fastest bullet covers ~60 px in one 50 ms patch.
 */
export const TELEPORT_DISTANCE = 150;
/** Snapshots kept per remote object. @default 32 — 1.6 s at 20 Hz, far more than the delay needs. */
export const MAX_SNAPSHOTS_PER_OBJECT = 32;
/**
 * Patch arrivals the client's server clock looks back over for the least-delayed one, ms.
 * @default 3000 ms (60 patches) — long enough to hold a patch that met no queue on the way,
 * short enough to follow clock drift.
 */
export const CLOCK_WINDOW_MS = 3000;
/**
 * When every patch of this last stretch arrived later than the window's least-delayed one by more
 * than CLOCK_RESYNC_LATE_MS, the server's time has moved back (a stall: its fixed timestep drops
 * what it could not catch up) and the older patches are forgotten.
 * @default 300 ms (6 patches) — the clock is right again within half a second of a stall, and
 * jitter or a single spike never delays six patches in a row that much.
 */
export const CLOCK_RESYNC_MS = 300;
/** @default 40 ms — twice the ±20 ms jitter the netcode bench simulates. */
export const CLOCK_RESYNC_LATE_MS = 40;

// Netcode: lag compensation

/**
 * How often the server times each client's round trip itself, ms: a fresh number in the
 * owner's ship state, echoed in the client's next input (server/rooms/RoundTrips.ts).
 * @default 1000 ms — a few samples' worth of jitter within seconds, one field a second.
 */
export const ROUND_TRIP_PROBE_INTERVAL_MS = 1000;
/**
 * Round trips remembered per client: the rewind bound takes the slowest and their spread.
 * @default 5 (the last 5 s) — a jitter spike is covered a while, a lie about it not for long.
 */
export const ROUND_TRIP_SAMPLES = 5;
/**
 * What a shot's rewind may exceed the round trip the server measured plus the client's
 * interpolation delay by, ms: the steps input pacing lets an honest client's reports run
 * ahead (INPUT_SPARE_MAX_STEPS), which its `seen` lag includes.
 * @default 100 ms (6 steps, two patch intervals) — Valve's Source engine allows 200 ms.
 */
export const REWIND_TOLERANCE_MS = INPUT_SPARE_MAX_STEPS * TICK_MS;

// Netcode: interest management (what each client is sent)

/**
 * Field around a client's view whose ships, bullets and rocks it is still sent, px: an
 * object is in the client's StateView within VIEW/2 + this (+ its radius) of its ship, on each axis.
 * @default 160 px — a ship arriving at a typical closing speed (~400 px/s) is sent 400 ms
 * (8 patches) before its hull can reach the screen, so it is interpolated, not popped in;
 * bullets and rocks are computed from their launch, so they appear where they truly are.
 */
export const INTEREST_MARGIN = 160;
/**
 * Extra distance an object must move away before it leaves a view, px: an object on the
 * edge is not added and removed patch after patch.
 * @default 80 px
 */
export const INTEREST_HYSTERESIS = 80;
/**
 * Patches between two updates of one client's view: each patch updates this share of the
 * clients, in turn, so the work is spread evenly.
 * @default 2 (10 Hz) — an object enters a view at most 50 ms late, which the margin covers
 * many times over, for half the cost of updating every view every patch.
 */
export const INTEREST_UPDATE_PATCHES = 2;
/**
 * How often every player's coarse position for the minimap is refreshed, ms.
 * @default 1000 ms — the minimap shows where the fight is, not the fight; once a second
 * costs each client ~0.6 KB/s in a full room (100 moved players × 6 bytes).
 */
export const MINIMAP_INTERVAL_MS = 1000;
/** Minimap cells per field axis: a coarse position is one byte per axis. */
export const MINIMAP_CELLS = 256;
