/**
 * One replay frame for the renderer: the replayed world as a spectator sees it (names and
 * colors from the recording), focused on the followed ship when there is one.
 */
import type { RenderFrame } from "../../../client/frame";
import type { ReplayShip } from "../../../shared/replay/MatchReplayer";
import { spectatorWorldOf } from "../../../shared/dashboard/spectatorWorld";
import type { World } from "../../../shared/sim/world";
import { spectatorFrame } from "../dashboard/spectatorFrame";

export function replayFrame(world: World, ships: readonly ReplayShip[], roomName: string, followed: string | undefined): RenderFrame {
  const looks = new Map(ships.map((ship) => [ship.id, { name: ship.name, color: ship.color }]));
  const frame = spectatorFrame(spectatorWorldOf("replay", roomName, world, (id) => looks.get(id)));
  const target = followed === undefined ? undefined : world.ships.find((ship) => ship.id === followed);
  return {
    ...frame,
    focus: target && { x: target.x, y: target.y },
    ships: frame.ships.map((ship) => ({ ...ship, isLocal: ship.id === followed })),
  };
}
