/**
 * The player's own bullets, drawn in the present like the own ship. A shot appears on the
 * frame its release is predicted (OwnShipPredictor runs the shared trigger), from the nose
 * of the ship as drawn. When a patch brings the server's bullet, tagged with the input step
 * it was fired at, the shot follows the server's flight instead; if that is not exactly the
 * predicted one, the difference fades like a ship correction rather than jumping. A shot
 * the server did not fire (its step acknowledged, no bullet) fades out. A shot that leaves
 * the server's state (a hit, the end of its flight) leaves the screen.
 *
 * Positions are counted in input steps: a bullet fired at step S is at
 * launch + velocity × (N − S) × dt at step N, on the server (step S is applied at its
 * launch tick) and here (step N is the own ship's newest).
 */
import { BULLET_LIFETIME, TICK_DT, TICK_RATE } from "../shared/constants";
import { CORRECTION_TIME_MS, REFUSED_SHOT_FADE_MS } from "../shared/net/netConstants";
import type { BulletState, GameState } from "../shared/net/schema";
import { wrapCoord, wrappedOffset, type Vec2 } from "../shared/sim/vector";
import type { Bullet } from "../shared/sim/world";
import type { WorldSize } from "../shared/sim/worldSize";
import type { RenderBullet } from "./frame";

/** Steps a bullet flies; the server removes it after its last. */
const LIFETIME_STEPS = Math.round(BULLET_LIFETIME * TICK_RATE);
/** The low byte of a step is what the state carries (BulletState.step). */
const STEP_TAG_MASK = 0xff;

/** What the drawn ids of own shots start with; the state's bullet ids are plain numbers. */
export const OWN_SHOT_PREFIX = "shot-";

/** The id an own shot is drawn with, from its predicted release to its end. */
export function ownShotId(step: number): string {
  return `${OWN_SHOT_PREFIX}${step}`;
}

/** A straight flight: where the bullet was at the step it left, and its velocity. */
type Flight = Pick<Bullet, "x" | "y" | "vx" | "vy" | "radius">;

interface OwnShot {
  flight: Flight;
  /** The server bullet's state key once a patch has brought it. */
  serverId?: string;
  /** Drawn minus flight when the server's flight took over; fades from `handedOverAt` (ms). */
  offset: Vec2;
  handedOverAt: number;
  /** When the server was found not to have fired it (local ms). */
  refusedAt?: number;
}

function positionAt(flight: Flight, steps: number, field: WorldSize): Vec2 {
  const seconds = steps * TICK_DT;
  return { x: wrapCoord(flight.x + flight.vx * seconds, field.width), y: wrapCoord(flight.y + flight.vy * seconds, field.height) };
}

export class OwnShots {
  /** By the input step each was fired at. */
  private readonly shots = new Map<number, OwnShot>();

  /** Shots in flight that the server fired or may still confirm. */
  get inFlight(): number {
    let count = 0;
    for (const shot of this.shots.values()) if (shot.refusedAt === undefined) count++;
    return count;
  }

  /** The prediction fired `bullet` at input step `step`. */
  predicted(step: number, bullet: Bullet): void {
    const { x, y, vx, vy, radius } = bullet;
    this.shots.set(step, { flight: { x, y, vx, vy, radius }, offset: { x: 0, y: 0 }, handedOverAt: 0 });
  }

  /**
   * A patch came: the server has applied the input steps up to `ack`, and `bullets` are the
   * own bullets its state holds. `nowStep` is the own ship's newest step, `now` local ms.
   */
  reconcile(ack: number, bullets: Iterable<[string, BulletState]>, nowStep: number, now: number, field: WorldSize): void {
    const held = new Set<string>();
    for (const [id, bullet] of bullets) {
      held.add(id);
      // The newest step at or before the ack with that low byte: a bullet lives far fewer than 256 steps.
      const step = ack - ((ack - bullet.step) & STEP_TAG_MASK);
      if (nowStep - step > LIFETIME_STEPS) continue;
      const shot = this.shots.get(step);
      if (shot?.serverId === id) continue;
      const flight: Flight = { x: bullet.x, y: bullet.y, vx: bullet.vx, vy: bullet.vy, radius: bullet.radius };
      if (!shot) {
        // Fired without a prediction (a release the server applied late): drawn from the server's flight.
        this.shots.set(step, { flight, serverId: id, offset: { x: 0, y: 0 }, handedOverAt: now });
        continue;
      }
      const drawn = this.positionOf(step, shot, nowStep, now, field);
      const offset = wrappedOffset(positionAt(flight, nowStep - step, field), drawn, field);
      this.shots.set(step, { flight, serverId: id, offset, handedOverAt: now });
    }
    for (const [step, shot] of this.shots) {
      if (shot.serverId !== undefined) {
        if (!held.has(shot.serverId)) this.shots.delete(step);
      } else if (step <= ack && shot.refusedAt === undefined) {
        // The patch that acknowledges a shot's step holds its bullet (the room shows it to its shooter at once).
        shot.refusedAt = now;
      }
    }
  }

  /** The own bullets to draw at step `nowStep`, local time `now`. */
  drawn(nowStep: number, now: number, field: WorldSize, color: string): RenderBullet[] {
    const bullets: RenderBullet[] = [];
    for (const [step, shot] of this.shots) {
      const opacity = shot.refusedAt === undefined ? 1 : 1 - (now - shot.refusedAt) / REFUSED_SHOT_FADE_MS;
      if (nowStep - step > LIFETIME_STEPS || opacity <= 0) {
        this.shots.delete(step);
        continue;
      }
      const { x, y } = this.positionOf(step, shot, nowStep, now, field);
      bullets.push({ id: ownShotId(step), x, y, radius: shot.flight.radius, color, ...(opacity < 1 ? { opacity } : {}) });
    }
    return bullets;
  }

  private positionOf(step: number, shot: OwnShot, nowStep: number, now: number, field: WorldSize): Vec2 {
    const onFlight = positionAt(shot.flight, Math.max(0, nowStep - step), field);
    const keep = Math.exp(-(now - shot.handedOverAt) / CORRECTION_TIME_MS);
    return { x: wrapCoord(onFlight.x + shot.offset.x * keep, field.width), y: wrapCoord(onFlight.y + shot.offset.y * keep, field.height) };
  }
}

/** The bullets of `ownerId` in the state, with their ids: what the server says of its own shots. */
export function ownBulletsIn(state: GameState, ownerId: string): Array<[string, BulletState]> {
  const own: Array<[string, BulletState]> = [];
  state.bullets.forEach((bullet, id) => {
    if (bullet.owner === ownerId) own.push([id, bullet]);
  });
  return own;
}
