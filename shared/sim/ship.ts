/**
 * One ship's own motion and trigger for one step: turn, thrust, drag, move, charge.
 * Integration order (semi-implicit Euler): velocity first, then drag, then position,
 * so the numbers in the tests can be computed by hand.
 */
import {
  BULLET_BASE_RADIUS,
  BULLET_CHARGE_RADIUS,
  BULLET_LIFETIME,
  BULLET_SPEED,
  SHIP_DRAG_PER_STEP,
  SHIP_HULL,
  SHIP_THRUST,
  SHIP_TURN_RATE,
  SHOT_CHARGE_MAX,
  SHOT_CHARGE_RATE,
  SHOT_COOLDOWN,
  TICK_RATE,
  TIMER_EPSILON,
} from "../constants";
import { isHeld, Key } from "./input";
import { angleDelta, wrapCoord } from "./vector";
import type { Bullet, Ship } from "./world";
import type { WorldSize } from "./worldSize";
import { cos, pow, sin } from "./deterministicMath";

/** The nose vertex in ship space: where bullets leave. */
const [NOSE_X] = SHIP_HULL[1]!;

export function moveShip(ship: Ship, keys: number, dt: number, size: WorldSize): void {
  ship.keys = keys;
  const turn = (isHeld(keys, Key.Right) ? 1 : 0) - (isHeld(keys, Key.Left) ? 1 : 0);
  // angleDelta(0, a) normalises to [−π, π) so the angle never grows without bound.
  ship.angle = angleDelta(0, ship.angle + turn * SHIP_TURN_RATE * dt);

  const thrust = (isHeld(keys, Key.Up) ? 1 : 0) - (isHeld(keys, Key.Down) ? 1 : 0);
  ship.vx += cos(ship.angle) * thrust * SHIP_THRUST * dt;
  ship.vy += sin(ship.angle) * thrust * SHIP_THRUST * dt;

  // Drag is defined per 1/60 s step; the power keeps it right for any dt.
  const drag = pow(SHIP_DRAG_PER_STEP, dt * TICK_RATE);
  ship.vx *= drag;
  ship.vy *= drag;

  ship.x = wrapCoord(ship.x + ship.vx * dt, size.width);
  ship.y = wrapCoord(ship.y + ship.vy * dt, size.height);
}

/**
 * Charges while Fire is held; on release returns the bullet to launch
 * (or undefined when nothing fires: not charging, cooling down, or `canFire` false).
 * `rewind` is the lag compensation the bullet carries (see rewind.ts).
 */
export function triggerShip(
  ship: Ship,
  keys: number,
  dt: number,
  bulletId: number,
  canFire: boolean,
  size: WorldSize,
  rewind = 0,
): Bullet | undefined {
  ship.cooldown = ship.cooldown - dt > TIMER_EPSILON ? ship.cooldown - dt : 0;
  if (isHeld(keys, Key.Fire)) {
    ship.charging = true;
    ship.charge = Math.min(SHOT_CHARGE_MAX, ship.charge + SHOT_CHARGE_RATE * dt);
    return undefined;
  }
  if (!ship.charging) return undefined;
  const charge = ship.charge;
  ship.charging = false;
  ship.charge = 0;
  if (ship.cooldown > 0 || !canFire) return undefined;
  ship.cooldown = SHOT_COOLDOWN;
  const noseX = cos(ship.angle);
  const noseY = sin(ship.angle);
  return {
    id: bulletId,
    owner: ship.id,
    x: wrapCoord(ship.x + noseX * NOSE_X, size.width),
    y: wrapCoord(ship.y + noseY * NOSE_X, size.height),
    vx: ship.vx + noseX * BULLET_SPEED,
    vy: ship.vy + noseY * BULLET_SPEED,
    radius: BULLET_BASE_RADIUS + BULLET_CHARGE_RADIUS * charge,
    life: BULLET_LIFETIME,
    rewind,
  };
}

/** Float32-rounds the pose so the state sent as float32 is exactly the state simulated. */
export function quantizeShip(ship: Ship): void {
  ship.x = Math.fround(ship.x);
  ship.y = Math.fround(ship.y);
  ship.vx = Math.fround(ship.vx);
  ship.vy = Math.fround(ship.vy);
  ship.angle = Math.fround(ship.angle);
  ship.charge = Math.fround(ship.charge);
}
