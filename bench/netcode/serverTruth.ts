/**
 * The server's true path of a ship, read from the room's own simulation in this process:
 * `world.history` holds every ship's pose at the end of each of the last
 * POSE_HISTORY_TICKS steps (1 s). A server time between two steps is answered by
 * lerping the two poses around it, the short way across the wrap.
 */
import { TICK_MS } from "../../shared/constants";
import { poseAt } from "../../shared/sim/rewind";
import { wrapCoord, wrappedOffset, type Vec2 } from "../../shared/sim/vector";
import type { World } from "../../shared/sim/world";
import type { WorldSize } from "../../shared/sim/worldSize";

/** Ship `id`'s true position at server time `serverMs`, or undefined outside the remembered second. */
export function truePosition(world: World, id: string, serverMs: number): Vec2 | undefined {
  const exact = serverMs / TICK_MS;
  const tick = Math.floor(exact);
  const before = poseAt(world, id, tick);
  const after = poseAt(world, id, tick + 1);
  if (!before || !after) return undefined;
  const move = wrappedOffset(before, after, world.size);
  const alpha = exact - tick;
  return { x: wrapCoord(before.x + move.x * alpha, world.size.width), y: wrapCoord(before.y + move.y * alpha, world.size.height) };
}

/** Distance between two positions across the wrap, px. */
export function wrappedDistance(a: Vec2, b: Vec2, size: WorldSize): number {
  const offset = wrappedOffset(a, b, size);
  return Math.hypot(offset.x, offset.y);
}
