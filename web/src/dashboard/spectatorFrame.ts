/**
 * A spectated room's world as the renderer's frame: the server's own positions, drawn as
 * they are (no interpolation, no local player), over the whole field (no focus: the
 * spectator's camera shows all of it).
 */
import type { SpectatorWorld } from "../../../shared/dashboard/dashboardApi";
import type { RenderFrame } from "../../../client/frame";

export function spectatorFrame(world: SpectatorWorld): RenderFrame {
  return {
    world: { width: world.width, height: world.height },
    focus: undefined,
    ships: world.ships.map((ship) => ({ ...ship, respawnIn: 0, isLocal: false })),
    bullets: world.bullets.map((bullet) => ({ ...bullet })),
    asteroids: world.asteroids.map((rock) => ({ ...rock })),
    blips: world.ships.map(({ id, x, y, color, alive }) => ({ id, x, y, color, alive, isLocal: false, exact: true })),
  };
}
