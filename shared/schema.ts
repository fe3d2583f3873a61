/**
 * The replicated room state (Colyseus schema), mirrored from the simulation's World
 * after each step. A ship is sent twice over: a compact fixed-point pose every client
 * interpolates, and, to its owner only (a StateView), the exact float32 pose, velocity
 * and input ack its prediction replays from. The simulation rounds ships to float32, so
 * the owner receives exactly the pose the server simulated.
 */
import { MapSchema, Schema, type, view } from "@colyseus/schema";

export class ShipState extends Schema {
  @type("string") name = "";
  @type("string") color = "";
  /** Everyone's copy of the pose, fixed point (see shared/wire.ts): 3 bytes a field in a patch instead of 5. */
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

// Bullets and rocks move in straight lines at constant speed (rocks spinning at a
// constant rate), so each is sent once, as where it was at `tick`; clients compute the
// rest (shared/wire.ts), and patches carry nothing per bullet or rock after the first.

export class BulletState extends Schema {
  @type("string") owner = "";
  /** Position at `tick`. */
  @type("float32") x = 0;
  @type("float32") y = 0;
  @type("float32") vx = 0;
  @type("float32") vy = 0;
  @type("float32") radius = 0;
  @type("uint32") tick = 0;
}

export class AsteroidState extends Schema {
  /** 3 large, 2 medium, 1 small. */
  @type("uint8") size = 3;
  /** Position and angle at `tick`. */
  @type("float32") x = 0;
  @type("float32") y = 0;
  @type("float32") vx = 0;
  @type("float32") vy = 0;
  @type("float32") angle = 0;
  /** Radians per second. */
  @type("float32") spin = 0;
  @type("uint32") tick = 0;
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
