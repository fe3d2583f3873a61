/**
 * The replicated ships, bullets and rocks of one patch with where they are in the world,
 * bucketed in a grid of cells so interest management visits only the cells near a
 * client instead of every object for every client (100 × 200 checks a patch in a full
 * room). Fields are whole screens (shared/worldSize.ts), so the cells tile them exactly.
 */
import { ASTEROID_RADIUS, SCREEN_HEIGHT, SCREEN_WIDTH, SHIP_BOUND_RADIUS } from "../../shared/constants";
import type { AsteroidState, BulletState, GameState, ShipState } from "../../shared/schema";
import type { World } from "../../shared/world";

export type Replicated = ShipState | BulletState | AsteroidState;

/** Cells per screen on each axis: 240 × 135 px cells. */
const CELLS_PER_SCREEN = 4;
const CELL_WIDTH = SCREEN_WIDTH / CELLS_PER_SCREEN;
const CELL_HEIGHT = SCREEN_HEIGHT / CELLS_PER_SCREEN;
const ROCK_RADIUS = ASTEROID_RADIUS;
const SHIP_RADIUS = SHIP_BOUND_RADIUS;

export class PlacedObjects {
  readonly states: Replicated[] = [];
  readonly x: number[] = [];
  readonly y: number[] = [];
  readonly radius: number[] = [];
  /** Index of each object in the arrays above. */
  readonly indexOf = new Map<Replicated, number>();
  /** Largest radius of any object: how far past a region's edge an object's centre may lie and still reach in. */
  maxRadius = 0;
  private readonly columns: number;
  private readonly rows: number;
  private readonly cells: number[][];

  constructor(world: World, state: GameState) {
    this.columns = Math.max(1, Math.round(world.size.width / CELL_WIDTH));
    this.rows = Math.max(1, Math.round(world.size.height / CELL_HEIGHT));
    this.cells = Array.from({ length: this.columns * this.rows }, () => []);
    for (const ship of world.ships) {
      const shipState = state.ships.get(ship.id);
      if (shipState) this.put(shipState, ship.x, ship.y, SHIP_RADIUS);
    }
    for (const bullet of world.bullets) {
      const bulletState = state.bullets.get(String(bullet.id));
      if (bulletState) this.put(bulletState, bullet.x, bullet.y, bullet.radius);
    }
    for (const rock of world.asteroids) {
      const rockState = state.asteroids.get(String(rock.id));
      if (rockState) this.put(rockState, rock.x, rock.y, ROCK_RADIUS[rock.size]);
    }
  }

  /** The cells overlapping the box of half-size (halfWidth, halfHeight) around (cx, cy), across the wrap; each cell once. */
  cellsNear(cx: number, cy: number, halfWidth: number, halfHeight: number): number[][] {
    const [firstColumn, columnCount] = this.span(cx, halfWidth, CELL_WIDTH, this.columns);
    const [firstRow, rowCount] = this.span(cy, halfHeight, CELL_HEIGHT, this.rows);
    const cells: number[][] = [];
    for (let r = 0; r < rowCount; r++) {
      const row = (firstRow + r) % this.rows;
      for (let c = 0; c < columnCount; c++) cells.push(this.cells[row * this.columns + ((firstColumn + c) % this.columns)]!);
    }
    return cells;
  }

  /** First cell (wrapped) and how many cells the interval [c − half, c + half] covers, at most all of them. */
  private span(c: number, half: number, cellSize: number, cells: number): [number, number] {
    const first = Math.floor((c - half) / cellSize);
    const last = Math.floor((c + half) / cellSize);
    const count = Math.min(cells, last - first + 1);
    return [((first % cells) + cells) % cells, count];
  }

  private put(object: Replicated, x: number, y: number, radius: number): void {
    const index = this.states.length;
    this.states.push(object);
    this.x.push(x);
    this.y.push(y);
    this.radius.push(radius);
    this.indexOf.set(object, index);
    this.maxRadius = Math.max(this.maxRadius, radius);
    const column = Math.min(this.columns - 1, Math.floor(x / CELL_WIDTH));
    const row = Math.min(this.rows - 1, Math.floor(y / CELL_HEIGHT));
    this.cells[row * this.columns + column]!.push(index);
  }
}
