/**
 * A uniform grid of cells over a wrapped field, for the broad phases that would otherwise
 * test every pair: bullets against ships and rocks, ships against rocks (collisions.ts),
 * and each client's region against every replicated object (interest management). A
 * full room's field holds a hundred ships and as many rocks, of which a box around one
 * point meets a handful.
 *
 * Built in one pass (a counting sort into two flat arrays), so a grid per step costs
 * a few small allocations, not an array per cell.
 */
import { SCREEN_HEIGHT, SCREEN_WIDTH } from "../constants";
import type { Vec2 } from "./vector";
import type { WorldSize } from "./worldSize";

/** Cells per screen on each axis: 240 × 135 px cells. Fields are whole screens (worldSize.ts), so cells tile them exactly. */
const CELLS_PER_SCREEN = 4;
const CELL_WIDTH = SCREEN_WIDTH / CELLS_PER_SCREEN;
const CELL_HEIGHT = SCREEN_HEIGHT / CELLS_PER_SCREEN;

export class FieldGrid {
  private readonly columns: number;
  private readonly rows: number;
  /** The points of cell c are order[start[c]] … order[start[c + 1] − 1], by their index in the points given. */
  private readonly start: number[];
  private readonly order: number[];

  constructor(size: WorldSize, points: readonly Vec2[]) {
    this.columns = Math.max(1, Math.round(size.width / CELL_WIDTH));
    this.rows = Math.max(1, Math.round(size.height / CELL_HEIGHT));
    const cells = this.columns * this.rows;
    // Plain arrays: a typed array costs a few microseconds to allocate, more than the whole sort.
    const cellOf: number[] = new Array<number>(points.length);
    const start: number[] = new Array<number>(cells + 1).fill(0);
    for (let i = 0; i < points.length; i++) {
      const point = points[i]!;
      const column = Math.min(this.columns - 1, Math.max(0, Math.floor(point.x / CELL_WIDTH)));
      const row = Math.min(this.rows - 1, Math.max(0, Math.floor(point.y / CELL_HEIGHT)));
      const cell = row * this.columns + column;
      cellOf[i] = cell;
      start[cell + 1]!++;
    }
    for (let cell = 1; cell < start.length; cell++) start[cell]! += start[cell - 1]!;
    const next = start.slice(0, cells);
    const order: number[] = new Array<number>(points.length);
    // Ascending within each cell, so a caller walking one cell meets points in their own order.
    for (let i = 0; i < points.length; i++) order[next[cellOf[i]!]!++] = i;
    this.start = start;
    this.order = order;
  }

  /**
   * Fills `out` with the index of every point in a cell that the box of half-size
   * (halfWidth, halfHeight) around (x, y) overlaps, across the wrap, each once: a
   * superset of the points inside the box. In no particular order; returns `out`.
   */
  near(x: number, y: number, halfWidth: number, halfHeight: number, out: number[]): number[] {
    out.length = 0;
    const [firstColumn, columnCount] = span(x, halfWidth, CELL_WIDTH, this.columns);
    const [firstRow, rowCount] = span(y, halfHeight, CELL_HEIGHT, this.rows);
    for (let r = 0; r < rowCount; r++) {
      const rowStart = ((firstRow + r) % this.rows) * this.columns;
      for (let c = 0; c < columnCount; c++) {
        const cell = rowStart + ((firstColumn + c) % this.columns);
        for (let k = this.start[cell]!, end = this.start[cell + 1]!; k < end; k++) out.push(this.order[k]!);
      }
    }
    return out;
  }

  /** As `near`, in ascending index order: the order a loop over every point would meet them, which tie-breaks depend on. */
  nearInOrder(x: number, y: number, halfWidth: number, halfHeight: number, out: number[]): number[] {
    return this.near(x, y, halfWidth, halfHeight, out).sort(ascending);
  }
}

function ascending(a: number, b: number): number {
  return a - b;
}

/** First cell (wrapped) and how many cells the interval [c − half, c + half] covers, at most all of them. */
function span(c: number, half: number, cellSize: number, cells: number): [number, number] {
  const first = Math.floor((c - half) / cellSize);
  const last = Math.floor((c + half) / cellSize);
  const count = Math.min(cells, last - first + 1);
  return [((first % cells) + cells) % cells, count];
}
