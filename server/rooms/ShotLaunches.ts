/**
 * Where, when and at which of its shooter's input steps each bullet in flight was fired.
 * Bullets are sent once (mirrorWorld); sending the launch rather than the position at
 * the patch lets every client draw a bullet from its ship's nose at its true time, and
 * the step lets the shooter match it to the shot it predicted (client/OwnShots.ts).
 */
import type { World } from "../../shared/sim/world";

export interface ShotLaunch {
  /** The shooter's input step applied on the step the shot left. */
  inputStep: number;
  /** The server step it left on, and where it was at the end of that step (the nose). */
  tick: number;
  x: number;
  y: number;
}

export class ShotLaunches {
  private readonly launches = new Map<number, ShotLaunch>();

  /** Takes note of the shots of the step just run; `inputStepOf` gives each shooter's input step applied on it. */
  record(world: World, inputStepOf: (shipId: string) => number): void {
    for (const event of world.events) {
      if (event.kind !== "shot") continue;
      // New bullets are appended, so the newest are at the end.
      for (let i = world.bullets.length - 1; i >= 0; i--) {
        const bullet = world.bullets[i]!;
        if (bullet.id !== event.bulletId) continue;
        this.launches.set(bullet.id, { inputStep: inputStepOf(event.shipId), tick: world.tick, x: bullet.x, y: bullet.y });
        break;
      }
    }
  }

  launchOf(bulletId: number): ShotLaunch | undefined {
    return this.launches.get(bulletId);
  }

  /** Forgets the bullets no longer in flight. */
  prune(world: World): void {
    if (this.launches.size === 0) return;
    const flying = new Set<number>();
    for (const bullet of world.bullets) flying.add(bullet.id);
    for (const id of this.launches.keys()) if (!flying.has(id)) this.launches.delete(id);
  }
}
