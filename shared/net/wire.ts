/**
 * How the replicated state is packed, and how to read it back: the fixed-point public
 * ship pose, the charge level, and the positions of bullets and rocks, which are sent
 * once and computed from then on. The server's mirror packs; clients and bots read.
 */
import { MINIMAP_CELLS } from "./netConstants";
import { SHOT_CHARGE_MAX, TICK_DT, TICK_RATE } from "../constants";
import type { AsteroidState, BulletState, GameState, ShipState } from "./schema";
import { wrapCoord } from "../sim/vector";
import { LARGEST_WORLD, type WorldSize } from "../sim/worldSize";

/** Fixed-point steps per pixel of the public pose: as fine as a uint16 allows across the largest field (1/17 px at 3840 px). */
export const POSITION_STEPS_PER_PX = Math.floor(0xffff / Math.max(LARGEST_WORLD.width, LARGEST_WORLD.height));
/** Steps of a turn in the public heading: 1.4° each, under half a pixel at the nose; a byte a patch less per turning ship. */
const ANGLE_STEPS = 256;
const CHARGE_STEPS = 255;

export function encodePosition(px: number): number {
  return Math.min(0xffff, Math.max(0, Math.round(px * POSITION_STEPS_PER_PX)));
}

export function decodePosition(fixed: number): number {
  return fixed / POSITION_STEPS_PER_PX;
}

/** An angle in radians (any turn) to 1/256 of a turn. */
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

/** Where a bullet is at `tick` (fractional ticks allowed) on a field of `size`. */
export function bulletAt(bullet: BulletState, tick: number, size: WorldSize): { x: number; y: number } {
  const seconds = (tick - bullet.tick) * TICK_DT;
  return { x: wrapCoord(bullet.x + bullet.vx * seconds, size.width), y: wrapCoord(bullet.y + bullet.vy * seconds, size.height) };
}

/** Where a rock is, and its angle, at `tick` on a field of `size`. */
export function asteroidAt(rock: AsteroidState, tick: number, size: WorldSize): { x: number; y: number; angle: number } {
  const seconds = (tick - rock.tick) * TICK_DT;
  return {
    x: wrapCoord(rock.x + rock.vx * seconds, size.width),
    y: wrapCoord(rock.y + rock.vy * seconds, size.height),
    angle: wrapCoord(rock.angle + rock.spin * seconds, 2 * Math.PI),
  };
}

/** The field's size as the state carries it; undefined until the first full state has brought it. */
export function worldSizeOf(state: Pick<GameState, "width" | "height">): WorldSize | undefined {
  return state.width > 0 && state.height > 0 ? { width: state.width, height: state.height } : undefined;
}

/** A minimap cell (one byte) of coordinate `px` on an axis of length `size`. */
export function encodeMapCell(px: number, size: number): number {
  return Math.min(MINIMAP_CELLS - 1, Math.max(0, Math.floor((px / size) * MINIMAP_CELLS)));
}

/** The centre of minimap cell `cell` on an axis of length `size`, px. */
export function decodeMapCell(cell: number, size: number): number {
  return ((cell + 0.5) / MINIMAP_CELLS) * size;
}
