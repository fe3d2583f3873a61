/**
 * The replicated room state (Colyseus schema), mirrored from the simulation's World
 * before each patch. What a client is sent is chosen per client by its StateView
 * (server/rooms/InterestManager.ts):
 * - `players`: everyone's name, color, score and a coarse minimap position, to all;
 * - `ships`, `bullets`, `asteroids`: only those near the client's ship (interest management);
 * - a ship's exact float32 pose, velocity and input ack: to its owner only (OWNER_VIEW_TAG),
 *   for prediction. The simulation rounds ships to float32, so the owner receives exactly
 *   the pose the server simulated.
 */
import { MapSchema, Schema, type, view } from "@colyseus/schema";

/** StateView tag of the fields only a ship's owner is sent (a power of two, as Colyseus wants). */
export const OWNER_VIEW_TAG = 1;

/** A player as everyone sees them, wherever they are: the scoreboard and the minimap. */
export class PlayerState extends Schema {
  @type("string") name = "";
  @type("string") color = "";
  @type("uint16") score = 0;
  @type("boolean") alive = true;
  /** False while the owner is disconnected and may still reconnect. */
  @type("boolean") connected = true;
  /** Minimap cell (0..MINIMAP_CELLS−1 per axis of the field), refreshed every MINIMAP_INTERVAL_MS: one byte an axis. */
  @type("uint8") mapX = 0;
  @type("uint8") mapY = 0;
}

/** A ship in a client's view: its pose and looks, for interpolation and drawing. */
export class ShipState extends Schema {
  /** Everyone's copy of the pose, fixed point (see shared/net/wire.ts): 3 bytes a field in a patch instead of 5, 2 for the heading. */
  @type("uint16") xFixed = 0;
  @type("uint16") yFixed = 0;
  @type("uint8") angleFixed = 0;
  @type("boolean") alive = true;
  /** Shot charge while Space is held, 0..255 for 0..SHOT_CHARGE_MAX. */
  @type("uint8") chargeLevel = 0;
  @type("uint8") keys = 0;
  /** Tick at which a destroyed ship revives (0 while alive): set once per death, not counted down in every patch. */
  @type("uint32") respawnTick = 0;
  /** True during spawn protection. */
  @type("boolean") protected = false;

  // The owner's copy: the exact simulated pose and the input ack, which only its
  // prediction needs; sent to the client whose StateView holds this ship with OWNER_VIEW_TAG.
  @view(OWNER_VIEW_TAG) @type("float32") x = 0;
  @view(OWNER_VIEW_TAG) @type("float32") y = 0;
  @view(OWNER_VIEW_TAG) @type("float32") vx = 0;
  @view(OWNER_VIEW_TAG) @type("float32") vy = 0;
  @view(OWNER_VIEW_TAG) @type("float32") angle = 0;
  /** Sequence number of the newest input the server has applied to this ship. */
  @view(OWNER_VIEW_TAG) @type("uint32") ack = 0;
  /** Whole steps of shot cooldown left (net/triggerWire.ts): with the public charge, the trigger its owner replays to predict shots. */
  @view(OWNER_VIEW_TAG) @type("uint8") cooldownSteps = 0;
  /** Changed by the server once a second; the owner echoes it in its next input, timing its round trip (server/rooms/RoundTrips.ts). */
  @view(OWNER_VIEW_TAG) @type("uint32") probe = 0;
  /** The owner's secret seat token: its page rejoins with it after a reload (server/rooms/KeptSeats.ts). */
  @view(OWNER_VIEW_TAG) @type("string") seatToken = "";
}

// Bullets and rocks move in straight lines at constant speed (rocks spinning at a
// constant rate), so each is sent once, as where it was at `tick`; clients compute the
// rest (shared/net/wire.ts), and patches carry nothing per bullet or rock after the first.

/** A bullet as sent once: where and when it left its ship's nose. */
export class BulletState extends Schema {
  @type("string") owner = "";
  /**
   * The shooter's input step it was fired at, modulo 256 (shots are at least SHOT_COOLDOWN
   * apart and live BULLET_LIFETIME, so the low byte is unique among a ship's bullets): the
   * shooter matches it to the shot it predicted.
   */
  @type("uint8") step = 0;
  /** Position at `tick`, the step it was fired. */
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
  /** The field's size, px (shared/sim/worldSize.ts); set when the room is created. */
  @type("uint16") width = 0;
  @type("uint16") height = 0;
  /** The room's name as the lobby lists it (its metadata's), unique among listed rooms; set when the room is created. */
  @type("string") roomName = "";
  /** Every player keyed by sessionId, to every client. */
  @type({ map: PlayerState }) players = new MapSchema<PlayerState>();
  /** Ships keyed by the owner's sessionId: a client holds those in its view. */
  @view() @type({ map: ShipState }) ships = new MapSchema<ShipState>();
  /** Bullets keyed by their simulation id: a client holds those in its view. */
  @view() @type({ map: BulletState }) bullets = new MapSchema<BulletState>();
  /** Asteroids keyed by their simulation id: a client holds those in its view. */
  @view() @type({ map: AsteroidState }) asteroids = new MapSchema<AsteroidState>();
  /** Simulation steps run so far. */
  @type("uint32") tick = 0;
}
