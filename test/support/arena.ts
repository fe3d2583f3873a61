/** Puts ships where a test needs them, straight in the room's simulation world. */
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { findShip } from "../../shared/sim/world";

export interface Placement {
  x: number;
  y: number;
  angle?: number;
}

/** Empties the field of rocks (and stops refills) so nothing but the test's ships interacts. */
export function clearField(room: AsteroidsRoom): void {
  room.world.asteroids = [];
  room.world.refillIn = Infinity;
}

/** Places a ship at rest, without spawn protection. */
export function placeShip(room: AsteroidsRoom, sessionId: string, at: Placement): void {
  const ship = findShip(room.world, sessionId);
  if (!ship) throw new Error(`no ship for ${sessionId}`);
  Object.assign(ship, { x: at.x, y: at.y, angle: at.angle ?? 0, vx: 0, vy: 0, protection: 0, alive: true });
}
