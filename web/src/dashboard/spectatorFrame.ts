/** A spectated room's world as the renderer's frame: the server's own positions, drawn as they are (no interpolation, no local player). */
import type { SpectatorWorld } from "../../../shared/dashboard";
import type { RenderFrame } from "../../../engine/frame";

export function spectatorFrame(world: SpectatorWorld): RenderFrame {
  return {
    ships: world.ships.map((ship) => ({ ...ship, respawnIn: 0, isLocal: false })),
    bullets: world.bullets.map((bullet) => ({ ...bullet })),
    asteroids: world.asteroids.map((rock) => ({ ...rock })),
  };
}
