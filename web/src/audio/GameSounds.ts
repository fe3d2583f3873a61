/**
 * Which sounds a frame makes: a shot for each bullet new on screen (the own ones on the frame
 * their release is predicted), an explosion for each placed ship or rock destruction, and the
 * own ship's engine and charge. Reads frames and events only; SoundEffects makes the noise.
 */
import { BULLET_BASE_RADIUS, BULLET_CHARGE_RADIUS } from "../../../shared/constants";
import { Key } from "../../../shared/sim/input";
import { isPlaced, type EventSeen } from "../../../shared/net/messages";
import { OWN_SHOT_PREFIX } from "../../../client/OwnShots";
import type { RenderFrame } from "../../../client/frame";
import type { SoundEffects } from "./SoundEffects";

export class GameSounds {
  private seenBullets = new Set<string>();

  constructor(private readonly effects: SoundEffects) {}

  frame(frame: RenderFrame, events: readonly EventSeen[]): void {
    const bullets = new Set<string>();
    for (const bullet of frame.bullets) {
      bullets.add(bullet.id);
      if (this.seenBullets.has(bullet.id) || (bullet.opacity ?? 1) < 1) continue;
      const charge = Math.max(0, (bullet.radius - BULLET_BASE_RADIUS) / BULLET_CHARGE_RADIUS);
      this.effects.shot(charge, bullet.id.startsWith(OWN_SHOT_PREFIX));
    }
    this.seenBullets = bullets;
    for (const event of events) {
      if (!isPlaced(event)) continue;
      if (event.kind === "shipDestroyed") this.effects.explosion(true);
      else if (event.kind === "asteroidDestroyed") this.effects.explosion(false, event.size);
    }
    const own = frame.ships.find((ship) => ship.isLocal);
    this.effects.engine(!!own?.alive && (own.keys & Key.Up) !== 0, own?.alive ? own.charge : 0);
  }
}
