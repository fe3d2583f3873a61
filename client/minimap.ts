/**
 * Every player's dot on the minimap: a ship in the client's view where it is drawn, any
 * other at the coarse cell the `players` map carries for everyone (refreshed twice a
 * second), so the minimap shows the whole room while the client is sent only what is near.
 */
import type { GameState } from "../shared/net/schema";
import { decodeMapCell } from "../shared/net/wire";
import type { MinimapBlip, RenderFrame } from "./frame";

export function minimapBlips(state: GameState, frame: Pick<RenderFrame, "ships" | "world">, ownId: string): MinimapBlip[] {
  const blips: MinimapBlip[] = [];
  const drawn = new Map(frame.ships.map((ship) => [ship.id, ship]));
  // Until the first full state arrives, the SDK's state has no fields yet.
  state.players?.forEach((player, id) => {
    const ship = drawn.get(id);
    blips.push({
      id,
      x: ship ? ship.x : decodeMapCell(player.mapX, frame.world.width),
      y: ship ? ship.y : decodeMapCell(player.mapY, frame.world.height),
      color: player.color,
      isLocal: id === ownId,
      exact: ship !== undefined,
      alive: player.alive,
    });
  });
  return blips;
}
