/**
 * Lag compensation's memory: the world keeps every ship's pose for the last second of
 * steps (a bounded ring, oldest first; one lookup walks back at most POSE_HISTORY_TICKS
 * frames from the newest). A bullet fired by a player who saw the others `rewind` steps
 * in the past is tested against the poses of that step — where its shooter aimed.
 */
import { MAX_REWIND_TICKS, POSE_HISTORY_TICKS } from "../constants";
import type { PoseFrame, ShipPose, World } from "./world";

/** Appends the poses at the end of the current step and forgets frames older than the history. */
export function recordPoses(world: World): void {
  const ships: Record<string, ShipPose> = {};
  for (const ship of world.ships) {
    ships[ship.id] = { x: ship.x, y: ship.y, vx: ship.vx, vy: ship.vy, angle: ship.angle, hittable: ship.alive && ship.protection <= 0 };
  }
  world.history.push({ tick: world.tick, ships });
  if (world.history.length > POSE_HISTORY_TICKS) world.history.splice(0, world.history.length - POSE_HISTORY_TICKS);
}

/** Steps to rewind for a shooter who sees others `seenLagTicks` behind: whole steps, never negative, capped. */
export function clampRewind(seenLagTicks: number): number {
  if (!Number.isFinite(seenLagTicks) || seenLagTicks <= 0) return 0;
  return Math.min(MAX_REWIND_TICKS, Math.round(seenLagTicks));
}

/** The frame of step `tick`, or undefined when it is older than the history (or not yet recorded). */
export function frameAt(world: World, tick: number): PoseFrame | undefined {
  for (let i = world.history.length - 1; i >= 0; i--) {
    const frame = world.history[i]!;
    if (frame.tick === tick) return frame;
    if (frame.tick < tick) return undefined;
  }
  return undefined;
}

/** Ship `id`'s pose at the end of step `tick`, or undefined when not remembered. */
export function poseAt(world: World, id: string, tick: number): ShipPose | undefined {
  return frameAt(world, tick)?.ships[id];
}
