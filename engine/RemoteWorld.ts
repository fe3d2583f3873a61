/**
 * The replicated world as snapshots: every patch records each ship, bullet and rock
 * with the patch's server time; sampling at a render time interpolates them all.
 */
import type { AsteroidSize } from "../shared/constants";
import type { GameState } from "../shared/schema";
import { asteroidAt, bulletAt, readPublicShip } from "../shared/wire";
import type { RenderAsteroid, RenderBullet, RenderShip } from "./frame";
import { EntityTracker } from "./EntityTracker";

export type ShipSnapshot = Omit<RenderShip, "id" | "isLocal">;
export type BulletSnapshot = Omit<RenderBullet, "id"> & { angle: number; owner: string };
export type AsteroidSnapshot = Omit<RenderAsteroid, "id">;

export interface SampledWorld {
  ships: Array<ShipSnapshot & { id: string }>;
  bullets: Array<BulletSnapshot & { id: string }>;
  asteroids: RenderAsteroid[];
}

export class RemoteWorld {
  private readonly ships = new EntityTracker<ShipSnapshot>();
  private readonly bullets = new EntityTracker<BulletSnapshot>();
  private readonly asteroids = new EntityTracker<AsteroidSnapshot>();

  /** Records the state of one patch at server time `t` (ms). */
  record(state: GameState, t: number): void {
    const colorOf = (owner: string) => state.ships.get(owner)?.color ?? "#ffffff";
    this.ships.record(
      t,
      Array.from(state.ships.entries(), ([id, ship]): [string, ShipSnapshot] => {
        const { x, y, angle, charge, respawnIn } = readPublicShip(ship, state.tick);
        return [
          id,
          {
            name: ship.name,
            color: ship.color,
            x,
            y,
            angle,
            alive: ship.alive,
            charge,
            keys: ship.keys,
            protected: ship.protected,
            respawnIn,
          },
        ];
      }),
    );
    this.bullets.record(
      t,
      Array.from(state.bullets.entries(), ([id, bullet]): [string, BulletSnapshot] => [
        id,
        { ...bulletAt(bullet, state.tick), angle: 0, radius: bullet.radius, color: colorOf(bullet.owner), owner: bullet.owner },
      ]),
    );
    this.asteroids.record(
      t,
      Array.from(state.asteroids.entries(), ([id, rock]): [string, AsteroidSnapshot] => [
        id,
        { size: rock.size as AsteroidSize, ...asteroidAt(rock, state.tick) },
      ]),
    );
  }

  /** Everything as it was at server time `renderTime`, interpolated. */
  sample(renderTime: number): SampledWorld {
    return {
      ships: sampleAll(this.ships, renderTime),
      bullets: sampleAll(this.bullets, renderTime),
      asteroids: sampleAll(this.asteroids, renderTime),
    };
  }
}

function sampleAll<T extends { x: number; y: number; angle: number }>(
  tracker: EntityTracker<T>,
  renderTime: number,
): Array<T & { id: string }> {
  const sampled: Array<T & { id: string }> = [];
  for (const id of tracker.idsAt(renderTime)) {
    const value = tracker.sample(id, renderTime);
    if (value) sampled.push({ ...value, id });
  }
  return sampled;
}
