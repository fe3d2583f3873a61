/**
 * The replicated ships, bullets and rocks of one patch with where they are in the world,
 * gridded (shared/sim/fieldGrid.ts) so interest management visits only the objects near a
 * client instead of every object for every client (100 × 200 checks a patch in a full room).
 */
import { ASTEROID_RADIUS, SHIP_BOUND_RADIUS } from "../../shared/constants";
import { FieldGrid } from "../../shared/sim/fieldGrid";
import type { AsteroidState, BulletState, GameState, ShipState } from "../../shared/net/schema";
import type { Vec2 } from "../../shared/sim/vector";
import type { World } from "../../shared/sim/world";

export type Replicated = ShipState | BulletState | AsteroidState;

const ROCK_RADIUS = ASTEROID_RADIUS;
const SHIP_RADIUS = SHIP_BOUND_RADIUS;

export class PlacedObjects {
  readonly states: Replicated[] = [];
  /** Where each object is: the simulation's own body, read once. */
  readonly positions: Vec2[] = [];
  readonly radius: number[] = [];
  /** Index of each object in the arrays above. */
  readonly indexOf = new Map<Replicated, number>();
  /** Largest radius of any object: how far past a region's edge an object's centre may lie and still reach in. */
  maxRadius = 0;
  readonly grid: FieldGrid;

  constructor(world: World, state: GameState) {
    for (const ship of world.ships) {
      const shipState = state.ships.get(ship.id);
      if (shipState) this.put(shipState, ship, SHIP_RADIUS);
    }
    for (const bullet of world.bullets) {
      const bulletState = state.bullets.get(String(bullet.id));
      if (bulletState) this.put(bulletState, bullet, bullet.radius);
    }
    for (const rock of world.asteroids) {
      const rockState = state.asteroids.get(String(rock.id));
      if (rockState) this.put(rockState, rock, ROCK_RADIUS[rock.size]);
    }
    this.grid = new FieldGrid(world.size, this.positions);
  }

  private put(object: Replicated, position: Vec2, radius: number): void {
    this.indexOf.set(object, this.states.length);
    this.states.push(object);
    this.positions.push(position);
    this.radius.push(radius);
    this.maxRadius = Math.max(this.maxRadius, radius);
  }
}
