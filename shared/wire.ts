/**
 * How the replicated state is packed, and how to read it back: the fixed-point public
 * ship pose, the charge level, and the positions of bullets and rocks, which are sent
 * once and computed from then on. The server's mirror packs; clients and bots read.
 */
import { SHOT_CHARGE_MAX, TICK_DT, TICK_RATE, WORLD_HEIGHT, WORLD_WIDTH } from "./constants";
import type { AsteroidState, BulletState, ShipState } from "./schema";
import { wrapCoord } from "./vector";

/** Fixed-point steps per pixel of the public pose: 1/64 px, and 960 × 64 still fits a uint16. */
export const POSITION_STEPS_PER_PX = 64;
const ANGLE_STEPS = 65536;
const CHARGE_STEPS = 255;

export function encodePosition(px: number): number {
  return Math.min(0xffff, Math.max(0, Math.round(px * POSITION_STEPS_PER_PX)));
}

export function decodePosition(fixed: number): number {
  return fixed / POSITION_STEPS_PER_PX;
}

/** An angle in radians (any turn) to 1/65536 of a turn. */
export function encodeAngle(radians: number): number {
  const turns = radians / (2 * Math.PI);
  return Math.round((turns - Math.floor(turns)) * ANGLE_STEPS) % ANGLE_STEPS;
}

/** Back to radians in [−π, π). */
export function decodeAngle(fixed: number): number {
  const radians = (fixed / ANGLE_STEPS) * 2 * Math.PI;
  return radians >= Math.PI ? radians - 2 * Math.PI : radians;
}

export function encodeCharge(charge: number): number {
  return Math.min(CHARGE_STEPS, Math.max(0, Math.round((charge / SHOT_CHARGE_MAX) * CHARGE_STEPS)));
}

/** What every client can read of a ship, decoded: the public pose, charge and respawn countdown at `tick`. */
export interface PublicShip {
  x: number;
  y: number;
  angle: number;
  charge: number;
  /** Seconds until the ship revives, counted from `tick`. */
  respawnIn: number;
}

export function readPublicShip(ship: ShipState, tick: number): PublicShip {
  return {
    x: decodePosition(ship.xFixed),
    y: decodePosition(ship.yFixed),
    angle: decodeAngle(ship.angleFixed),
    charge: (ship.chargeLevel / CHARGE_STEPS) * SHOT_CHARGE_MAX,
    respawnIn: ship.alive ? 0 : Math.max(0, (ship.respawnTick - tick) / TICK_RATE),
  };
}

/** Where a bullet is at `tick` (fractional ticks allowed). */
export function bulletAt(bullet: BulletState, tick: number): { x: number; y: number } {
  const seconds = (tick - bullet.tick) * TICK_DT;
  return { x: wrapCoord(bullet.x + bullet.vx * seconds, WORLD_WIDTH), y: wrapCoord(bullet.y + bullet.vy * seconds, WORLD_HEIGHT) };
}

/** Where a rock is, and its angle, at `tick`. */
export function asteroidAt(rock: AsteroidState, tick: number): { x: number; y: number; angle: number } {
  const seconds = (tick - rock.tick) * TICK_DT;
  return {
    x: wrapCoord(rock.x + rock.vx * seconds, WORLD_WIDTH),
    y: wrapCoord(rock.y + rock.vy * seconds, WORLD_HEIGHT),
    angle: wrapCoord(rock.angle + rock.spin * seconds, 2 * Math.PI),
  };
}
