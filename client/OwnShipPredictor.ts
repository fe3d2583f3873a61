/**
 * Client-side prediction of the player's own ship. Each local step the client runs the
 * shared moveShip and triggerShip on its own input at once (so a release fires a predicted
 * shot on that step) and keeps the input until the server acknowledges it. When a patch
 * brings the server's pose and trigger with `ack`, the client rewinds to them and replays
 * the inputs the server has not applied yet. The server runs the
 * same code on float32-rounded state, so the replay lands exactly where the server will.
 * A correction is not snapped onto the screen: the drawn pose keeps a render offset that
 * decays, unless the error is too large to be a correction (a respawn, a teleport).
 */
import { CORRECTION_TIME_MS, MAX_PENDING_INPUTS, SNAP_DISTANCE } from "../shared/net/netConstants";
import { newShip } from "../shared/sim/lifecycle";
import { moveShip, quantizeShip, triggerShip } from "../shared/sim/ship";
import { angleDelta, wrappedOffset } from "../shared/sim/vector";
import type { Bullet, Ship } from "../shared/sim/world";
import { ONE_SCREEN, type WorldSize } from "../shared/sim/worldSize";

export interface PredictedInput {
  seq: number;
  keys: number;
}

/** The server's word on the ship: its pose, its trigger and the newest input it applied. */
export type AuthoritativeShip = Pick<Ship, "x" | "y" | "vx" | "vy" | "angle" | "alive" | "charge" | "charging" | "cooldown"> & {
  ack: number;
};

export class OwnShipPredictor {
  private ship: Ship | undefined;
  private pending: PredictedInput[] = [];
  /** Drawn pose minus predicted pose; decays to zero. */
  private offset = { x: 0, y: 0, angle: 0 };
  /** Size of the last correction, px (0 when the prediction was exact). */
  lastCorrection = 0;
  /**
   * Patches that checked a prediction (the ship alive before and after), and those of them that
   * moved it: exact per-patch counts that a reader sampling `lastCorrection` once a frame would miss.
   */
  reconciliations = 0;
  correctedPatches = 0;
  /** The room's field, which the ship wraps in; set from the state before the first reconcile. */
  field: WorldSize = ONE_SCREEN;

  /** The predicted ship (present time), or undefined before the first patch or while dead. */
  get predicted(): Readonly<Ship> | undefined {
    return this.ship;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /**
   * Applies one local step of `input` right away and remembers it for replay; returns the
   * bullet the step fires, if it releases a charge (`canFire`: the own bullets in flight
   * leave room for one more).
   */
  applyLocal(input: PredictedInput, dt: number, canFire = true): Bullet | undefined {
    this.pending.push(input);
    if (this.pending.length > MAX_PENDING_INPUTS) this.pending.shift();
    return this.ship ? step(this.ship, input.keys, dt, this.field, canFire) : undefined;
  }

  /** Rewinds to the server's pose and replays the inputs it has not applied. */
  reconcile(server: AuthoritativeShip, dt: number): void {
    this.pending = this.pending.filter((input) => input.seq > server.ack);
    if (!server.alive) {
      this.ship = undefined;
      this.offset = { x: 0, y: 0, angle: 0 };
      return;
    }
    const next = shipFrom(server);
    // Shots of the replayed steps were drawn when first predicted; the replay only brings the trigger along.
    for (const input of this.pending) step(next, input.keys, dt, this.field, true);
    const previous = this.ship;
    this.ship = next;
    if (!previous) return;
    const drift = wrappedOffset(next, previous, this.field);
    this.lastCorrection = Math.hypot(drift.x, drift.y);
    this.reconciliations++;
    if (this.lastCorrection > 0) this.correctedPatches++;
    if (this.lastCorrection > SNAP_DISTANCE) {
      this.offset = { x: 0, y: 0, angle: 0 };
      return;
    }
    // Keep drawing where the ship was drawn; the offset then fades (see drawnPose).
    this.offset = {
      x: this.offset.x + drift.x,
      y: this.offset.y + drift.y,
      angle: this.offset.angle + angleDelta(next.angle, previous.angle),
    };
  }

  /** The pose to draw after `frameMs` of screen time: the prediction plus the fading correction. */
  drawnPose(frameMs: number): { x: number; y: number; angle: number } | undefined {
    if (!this.ship) return undefined;
    const keep = Math.exp(-frameMs / CORRECTION_TIME_MS);
    this.offset = { x: this.offset.x * keep, y: this.offset.y * keep, angle: this.offset.angle * keep };
    return { x: this.ship.x + this.offset.x, y: this.ship.y + this.offset.y, angle: this.ship.angle + this.offset.angle };
  }

  /** Distance between the drawn and the predicted pose now, px. */
  get visibleError(): number {
    return Math.hypot(this.offset.x, this.offset.y);
  }
}

/** One step of the ship's own motion and trigger, in the order the server's step() runs and rounds them. */
function step(ship: Ship, keys: number, dt: number, field: WorldSize, canFire: boolean): Bullet | undefined {
  moveShip(ship, keys, dt, field);
  const shot = triggerShip(ship, keys, dt, 0, canFire, field);
  quantizeShip(ship);
  return shot;
}

function shipFrom(server: AuthoritativeShip): Ship {
  const ship = newShip("own", { x: server.x, y: server.y, vx: server.vx, vy: server.vy, angle: server.angle });
  ship.charge = server.charge;
  ship.charging = server.charging;
  ship.cooldown = server.cooldown;
  return ship;
}
