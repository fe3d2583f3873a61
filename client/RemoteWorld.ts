/**
 * The replicated world as snapshots: every patch records each ship, bullet and rock in
 * the client's view with the patch's server time; sampling at a render time interpolates
 * them all. Ships leaving the view are dropped like destroyed ones; ships entering it
 * start fresh (see EntityTracker).
 */
import type { AsteroidSize } from "../shared/constants";
import { PATCH_INTERVAL_MS } from "../shared/net/netConstants";
import { TICK_MS } from "../shared/constants";
import type { BulletState, GameState } from "../shared/net/schema";
import { asteroidAt, bulletAt, readPublicShip, worldSizeOf } from "../shared/net/wire";
import { ONE_SCREEN, type WorldSize } from "../shared/sim/worldSize";
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

/** A player's color, or white for one the state does not (or no longer, or not yet: before the first full state) hold. */
export function colorOf(state: GameState, id: string): string {
  const players = state.players as GameState["players"] | undefined;
  return players?.get(id)?.color ?? "#ffffff";
}

export class RemoteWorld {
  private readonly ships = new EntityTracker<ShipSnapshot>();
  private readonly bullets = new EntityTracker<BulletSnapshot>();
  private readonly asteroids = new EntityTracker<AsteroidSnapshot>();
  /** The field everything wraps in, from the newest state. */
  private field: WorldSize = ONE_SCREEN;

  get size(): WorldSize {
    return this.field;
  }

  /** Records the state of one patch at server time `t` (ms). */
  record(state: GameState, t: number): void {
    this.field = worldSizeOf(state) ?? this.field;
    const size = this.field;
    this.ships.record(
      t,
      Array.from(state.ships.entries(), ([id, ship]): [string, ShipSnapshot] => {
        const { x, y, angle, charge, respawnIn } = readPublicShip(ship, state.tick);
        const player = state.players.get(id);
        return [
          id,
          {
            name: player?.name ?? "",
            color: player?.color ?? "#ffffff",
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
    const bulletSnapshot = (bullet: BulletState, tick: number): BulletSnapshot => ({
      ...bulletAt(bullet, tick, size),
      angle: 0,
      radius: bullet.radius,
      color: colorOf(state, bullet.owner),
      owner: bullet.owner,
    });
    // A bullet fired since the last patch is drawn from its launch (the tick it left the nose), not from where the patch
    // found it; one entering the view later in its flight starts where it is.
    this.bullets.record(
      t,
      Array.from(state.bullets.entries(), ([id, bullet]): [string, BulletSnapshot] => [id, bulletSnapshot(bullet, state.tick)]),
      (id) => {
        const bullet = state.bullets.get(id);
        if (!bullet || t - bullet.tick * TICK_MS > PATCH_INTERVAL_MS) return undefined;
        return { t: bullet.tick * TICK_MS, value: bulletSnapshot(bullet, bullet.tick) };
      },
    );
    this.asteroids.record(
      t,
      Array.from(state.asteroids.entries(), ([id, rock]): [string, AsteroidSnapshot] => [
        id,
        { size: rock.size as AsteroidSize, ...asteroidAt(rock, state.tick, size) },
      ]),
    );
  }

  /** Everything as it was at server time `renderTime`, interpolated. */
  sample(renderTime: number): SampledWorld {
    return {
      ships: sampleAll(this.ships, renderTime, this.field),
      bullets: sampleAll(this.bullets, renderTime, this.field),
      asteroids: sampleAll(this.asteroids, renderTime, this.field),
    };
  }
}

function sampleAll<T extends { x: number; y: number; angle: number }>(
  tracker: EntityTracker<T>,
  renderTime: number,
  size: WorldSize,
): Array<T & { id: string }> {
  const sampled: Array<T & { id: string }> = [];
  for (const id of tracker.idsAt(renderTime)) {
    const value = tracker.sample(id, renderTime, size);
    if (value) sampled.push({ ...value, id });
  }
  return sampled;
}
