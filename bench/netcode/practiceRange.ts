/**
 * Server-side staging of a duel, in the room instance this process hosts: an empty
 * field, the two ships placed, and the target turned into a practice dummy.
 *
 * The dummy: when a bullet destroys the target, the server's step runs as always (the
 * kill, the `shipDestroyed` event, the score), and right after that step — before any
 * patch can carry it — the target is revived where it was, still moving, with no spawn
 * protection, and its pose in the lag-compensation history is marked hittable again.
 * Every shot is then an independent trial: no three-second respawn between
 * engagements, no second bullet arriving at a ship the server already destroyed.
 */
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { findShip } from "../../shared/world";
import { clearField, placeShip } from "../../test/support/arena";

/** The room's per-step method; private to the room, wrapped here (bench only) to run code between two steps. */
interface SteppingRoom {
  tick(dt: number): void;
}

export interface RangeSetup {
  shooterId: string;
  targetId: string;
  /** Called after every server step (and after the dummy's revival), between two steps. */
  afterStep(): void;
}

export function stageDuel(room: AsteroidsRoom, setup: RangeSetup): void {
  clearField(room);
  placeShip(room, setup.shooterId, { x: 240, y: 270, angle: 0 });
  placeShip(room, setup.targetId, { x: 620, y: 200, angle: Math.PI / 2 });
  const stepping = room as unknown as SteppingRoom;
  if (typeof stepping.tick !== "function") throw new Error("AsteroidsRoom has no tick(dt) to wrap: update bench/netcode/practiceRange.ts");
  const step = stepping.tick.bind(room);
  stepping.tick = (dt: number) => {
    step(dt);
    reviveInPlace(room, setup.targetId);
    setup.afterStep();
  };
}

function reviveInPlace(room: AsteroidsRoom, id: string): void {
  const ship = findShip(room.world, id);
  if (!ship || ship.alive) return;
  Object.assign(ship, { alive: true, respawnIn: 0, protection: 0 });
  const pose = room.world.history[room.world.history.length - 1]?.ships[id];
  if (pose) pose.hittable = true;
  const shipState = room.state.ships.get(id);
  if (shipState) Object.assign(shipState, { alive: true, respawnTick: 0, protected: false });
}
