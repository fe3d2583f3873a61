/**
 * The replicated room state (Colyseus schema), mirrored from the simulation's World
 * after each step. Ship poses are float32: the simulation rounds ships to float32 too,
 * so a client receives exactly the pose the server simulated.
 */
import { MapSchema, Schema, type } from "@colyseus/schema";

export class ShipState extends Schema {
  @type("string") name = "";
  @type("string") color = "";
  @type("float32") x = 0;
  @type("float32") y = 0;
  @type("float32") vx = 0;
  @type("float32") vy = 0;
  @type("float32") angle = 0;
  @type("boolean") alive = true;
  /** Shot charge 0..1 while Space is held. */
  @type("float32") charge = 0;
  @type("uint8") keys = 0;
  @type("uint16") score = 0;
  /** Seconds until a destroyed ship revives (0 while alive). */
  @type("float32") respawnIn = 0;
  /** True during spawn protection. */
  @type("boolean") protected = false;
  /** Sequence number of the newest input the server has applied to this ship. */
  @type("uint32") ack = 0;
  /** False while the owner is disconnected and may still reconnect. */
  @type("boolean") connected = true;
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
