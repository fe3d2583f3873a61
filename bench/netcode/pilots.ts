/**
 * The two scripted players of a duel. The target flies a fixed key pattern, so it
 * crosses the field at changing headings and speeds. The shooter plays from its own
 * screen only — the frame GameSession draws — as a player would: it turns its ship
 * toward where the target is drawn (leading it by its drawn velocity), keeps a
 * middle distance, and taps Fire whenever it is aimed.
 */
import { BULLET_SPEED, SHIP_HULL, SHIP_TURN_RATE, SHOT_COOLDOWN, TICK_DT } from "../../shared/constants";
import { Key } from "../../shared/sim/input";
import { angleDelta, wrappedOffset, type Vec2 } from "../../shared/sim/vector";
import type { WorldSize } from "../../shared/sim/worldSize";
import type { RenderFrame, RenderShip } from "../../client/frame";

/** The target's manoeuvres, [keys, steps], looped: thrust bursts (~140 px/s at most), coasting, turns both ways, a brake. */
const TARGET_PATTERN: ReadonlyArray<readonly [number, number]> = [
  [Key.Up, 30],
  [0, 40],
  [Key.Up | Key.Left, 25],
  [Key.Left, 20],
  [0, 30],
  [Key.Up | Key.Right, 20],
  [Key.Right, 35],
  [Key.Down, 15],
  [0, 30],
  [Key.Up, 20],
  [Key.Right | Key.Up, 15],
  [0, 25],
  [Key.Left, 45],
];
const PATTERN_STEPS = TARGET_PATTERN.reduce((sum, [, steps]) => sum + steps, 0);

/** The target's keys at input step `step` (0-based) of the duel. */
export function targetKeys(step: number): number {
  let at = ((step % PATTERN_STEPS) + PATTERN_STEPS) % PATTERN_STEPS;
  for (const [keys, steps] of TARGET_PATTERN) {
    if (at < steps) return keys;
    at -= steps;
  }
  return 0;
}

const NOSE_X = SHIP_HULL[1]![0];
/** Heading change of one step, rad: the shooter turns only when it is off by more than half of it. */
const TURN_STEP = SHIP_TURN_RATE * TICK_DT;
/** Distances the shooter keeps to the target, px: closer it backs off, further it closes in. */
const NEAR = 140;
const FAR = 300;
/** Aim within this of the lead direction, or within the target's half-width seen from here, rad. */
const MIN_AIM_TOLERANCE = 0.02;
const TARGET_HALF_WIDTH = 10;
/** Least time between two releases, ms: the server's cooldown plus a step, so no release is refused. */
const RELEASE_INTERVAL_MS = SHOT_COOLDOWN * 1000 + TICK_DT * 1000;
/** Drawn positions kept to estimate drawn velocities, and the span they are taken over, ms. */
const TRAIL_MS = 100;

/** Estimates a drawn object's velocity from its drawn positions over the last TRAIL_MS. */
class Trail {
  private readonly points: Array<{ t: number; x: number; y: number }> = [];

  add(t: number, at: Vec2): void {
    this.points.push({ t, x: at.x, y: at.y });
    while (this.points.length > 2 && this.points[0]!.t < t - TRAIL_MS) this.points.shift();
  }

  velocity(size: WorldSize): Vec2 {
    const first = this.points[0];
    const last = this.points[this.points.length - 1];
    if (!first || !last || last.t - first.t < 1) return { x: 0, y: 0 };
    const moved = wrappedOffset(first, last, size);
    const seconds = (last.t - first.t) / 1000;
    return { x: moved.x / seconds, y: moved.y / seconds };
  }
}

/**
 * Where to aim from the own ship to meet the target: the bullet leaves the nose (NOSE_X
 * ahead) at BULLET_SPEED relative to the ship, the target moves at `relative` to it.
 * Solves |d + w·t| = NOSE_X + S·t for the earliest t > 0; without one, aims straight.
 */
function leadDirection(d: Vec2, relative: Vec2): number {
  const s = BULLET_SPEED;
  const a = relative.x ** 2 + relative.y ** 2 - s * s;
  const b = 2 * (d.x * relative.x + d.y * relative.y) - 2 * NOSE_X * s;
  const c = d.x ** 2 + d.y ** 2 - NOSE_X * NOSE_X;
  const disc = b * b - 4 * a * c;
  let t = Number.NaN;
  if (disc >= 0 && a !== 0) {
    const roots = [(-b - Math.sqrt(disc)) / (2 * a), (-b + Math.sqrt(disc)) / (2 * a)].filter((root) => root > 0);
    t = Math.min(...roots);
  }
  if (!Number.isFinite(t)) return Math.atan2(d.y, d.x);
  return Math.atan2(d.y + relative.y * t, d.x + relative.x * t);
}

export class Shooter {
  private readonly ownTrail = new Trail();
  private readonly targetTrail = new Trail();
  private fireUntil: number | undefined;
  private lastRelease = -Infinity;
  private taps = 0;
  /** Releases made: the shots the shooter tried (the server may still refuse one). */
  releases = 0;

  constructor(private readonly targetId: string) {}

  /**
   * The keys to hold after seeing `frame` at `now` (ms). `mayFire` false lets the
   * shooter aim and fly without starting a new shot (a tap in progress still ends).
   */
  keys(frame: RenderFrame, now: number, mayFire: boolean): number {
    const own = frame.ships.find((ship) => ship.isLocal);
    const target = frame.ships.find((ship) => ship.id === this.targetId);
    if (!own || !target) return this.trigger(now, false, false);
    this.ownTrail.add(now, own);
    this.targetTrail.add(now, target);
    const d = wrappedOffset(own, target, frame.world);
    const ownV = this.ownTrail.velocity(frame.world);
    const targetV = this.targetTrail.velocity(frame.world);
    const aim = leadDirection(d, { x: targetV.x - ownV.x, y: targetV.y - ownV.y });
    const error = angleDelta(own.angle, aim);
    let keys = 0;
    if (error > TURN_STEP / 2) keys |= Key.Right;
    else if (error < -TURN_STEP / 2) keys |= Key.Left;
    const distance = Math.hypot(d.x, d.y);
    if (Math.abs(error) < 0.5) {
      if (distance > FAR) keys |= Key.Up;
      else if (distance < NEAR) keys |= Key.Down;
    }
    const tolerance = Math.max(MIN_AIM_TOLERANCE, Math.atan2(TARGET_HALF_WIDTH, distance));
    return keys | this.trigger(now, mayFire && hittable(target) && Math.abs(error) < tolerance, true);
  }

  /** Fire is held 1 to 3 steps (varying the charge a little), then released: the release fires. */
  private trigger(now: number, aimed: boolean, seen: boolean): number {
    if (this.fireUntil !== undefined) {
      if (now < this.fireUntil) return Key.Fire;
      this.fireUntil = undefined;
      this.lastRelease = now;
      this.releases++;
      return 0;
    }
    // A little over whole steps, so that many input steps run with Fire held whatever the frame timing.
    const holdMs = (1 + (this.taps % 3)) * TICK_DT * 1000 + 2;
    if (seen && aimed && now + holdMs - this.lastRelease >= RELEASE_INTERVAL_MS) {
      this.taps++;
      this.fireUntil = now + holdMs;
      return Key.Fire;
    }
    return 0;
  }
}

function hittable(ship: RenderShip): boolean {
  return ship.alive && !ship.protected;
}
