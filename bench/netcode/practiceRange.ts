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
 * After each step a duel notes what the room did with the shooter's inputs (noteServerStep).
 */
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { ownShotId } from "../../client/OwnShots";
import { findShip } from "../../shared/sim/world";
import { clearField, placeShip } from "../../test/support/arena";
import type { DuelRecorder } from "./recorder";

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

/**
 * What a duel notes after each server step, in the room: once judging, the shooter's new bullets
 * (each one's rewind, and the input step it was fired at, under which the shooter's screen draws
 * it); while measuring, whether the step took a new input of the shooter's. Returns the
 * shooter's ack after the step.
 */
export function noteServerStep(
  room: AsteroidsRoom,
  shooterId: string,
  recorder: DuelRecorder,
  bulletOfShot: Map<string, string>,
  phase: { judging: boolean; measuring: boolean },
  lastAck: number,
): number {
  const ack = room.appliedSeqOf(shooterId);
  if (phase.judging) {
    for (const bullet of room.world.bullets) {
      if (bullet.owner !== shooterId || recorder.rewinds.has(bullet.id)) continue;
      recorder.rewinds.set(bullet.id, bullet.rewind);
      const shotStep = room.shotStepOf(bullet.id);
      if (shotStep !== undefined) bulletOfShot.set(ownShotId(shotStep), String(bullet.id));
    }
  }
  if (phase.measuring) {
    recorder.serverSteps++;
    if (ack === lastAck) recorder.starvedSteps++;
    else if (ack > lastAck + 1) recorder.skippedInputs += ack - lastAck - 1;
  }
  return ack;
}
