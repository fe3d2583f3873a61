/**
 * The replicated room state (Colyseus schema), mirrored from the simulation's World
 * after each step. A ship is sent twice over: a compact fixed-point pose every client
 * interpolates, and, to its owner only (a StateView), the exact float32 pose, velocity
 * and input ack its prediction replays from. The simulation rounds ships to float32, so
 * the owner receives exactly the pose the server simulated.
 */
import { MapSchema, Schema, type, view } from "@colyseus/schema";
import { SHOT_CHARGE_MAX, TICK_RATE } from "./constants";

export class ShipState extends Schema {
  @type("string") name = "";
  @type("string") color = "";
  /** Everyone's copy of the pose, fixed point (see encodePosition/encodeAngle): 3 bytes a field in a patch instead of 5. */
  @type("uint16") xFixed = 0;
  @type("uint16") yFixed = 0;
  @type("uint16") angleFixed = 0;
  @type("boolean") alive = true;
  /** Shot charge while Space is held, 0..255 for 0..SHOT_CHARGE_MAX. */
  @type("uint8") chargeLevel = 0;
  @type("uint8") keys = 0;
  @type("uint16") score = 0;
  /** Tick at which a destroyed ship revives (0 while alive): set once per death, not counted down in every patch. */
  @type("uint32") respawnTick = 0;
  /** True during spawn protection. */
  @type("boolean") protected = false;
  /** False while the owner is disconnected and may still reconnect. */
  @type("boolean") connected = true;

  // The owner's copy: the exact simulated pose and the input ack, which only its
  // prediction needs. @view fields go to clients whose StateView holds this ship.
  @view() @type("float32") x = 0;
  @view() @type("float32") y = 0;
  @view() @type("float32") vx = 0;
  @view() @type("float32") vy = 0;
  @view() @type("float32") angle = 0;
  /** Sequence number of the newest input the server has applied to this ship. */
  @view() @type("uint32") ack = 0;
}

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

export class BulletState extends Schema {
  @type("string") owner = "";
  @type("float32") x = 0;
  @type("float32") y = 0;
  @type("float32") vx = 0;
  @type("float32") vy = 0;
  @type("float32") radius = 0;
}

export class AsteroidState extends Schema {
  /** 3 large, 2 medium, 1 small. */
  @type("uint8") size = 3;
  @type("float32") x = 0;
  @type("float32") y = 0;
  @type("float32") vx = 0;
  @type("float32") vy = 0;
  @type("float32") angle = 0;
}

export class GameState extends Schema {
  /** Ships keyed by the owner's sessionId. */
  @type({ map: ShipState }) ships = new MapSchema<ShipState>();
  /** Bullets keyed by their simulation id. */
  @type({ map: BulletState }) bullets = new MapSchema<BulletState>();
  /** Asteroids keyed by their simulation id. */
  @type({ map: AsteroidState }) asteroids = new MapSchema<AsteroidState>();
  /** Simulation steps run so far. */
  @type("uint32") tick = 0;
}
