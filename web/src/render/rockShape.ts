/**
 * Asteroid outlines: an irregular polygon per rock, derived from its id alone, so a rock
 * keeps its shape across frames and clients without the server sending it. A split rock's
 * pieces get new ids, hence new shapes: the split is visible without extra effects.
 */
import { ASTEROID_RADIUS, type AsteroidSize } from "../../../shared/constants";
import { nextRandom, type RngState } from "../../../shared/sim/rng";
import { hashId } from "./hashId";

/** Vertex count range of an outline: fewer looks like a crystal, more like a ball. */
export const ROCK_MIN_VERTICES = 9;
export const ROCK_MAX_VERTICES = 12;
/** Each vertex radius is ASTEROID_RADIUS × (1 ± this): irregular, yet close to the hit circle. */
export const ROCK_RADIUS_JITTER = 0.25;
/** Vertex angles move by up to this fraction of their even spacing; below 0.5 keeps them in order, so the outline never crosses itself. */
const ROCK_ANGLE_JITTER = 0.35;

export interface RockShape {
  readonly size: AsteroidSize;
  readonly count: number;
  /** Vertices in rock space (centre at the origin, angle 0), px. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** Farthest vertex from the centre: the drawn extent, for wrap copies. */
  readonly boundRadius: number;
}

export function rockShape(id: string, size: AsteroidSize): RockShape {
  const rng: RngState = { rngState: hashId(id) };
  const count = ROCK_MIN_VERTICES + Math.floor(nextRandom(rng) * (ROCK_MAX_VERTICES - ROCK_MIN_VERTICES + 1));
  const spacing = (2 * Math.PI) / count;
  // A random start angle, so rocks do not all share a vertex on +x.
  const start = nextRandom(rng) * spacing;
  const base = ASTEROID_RADIUS[size];
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  let boundRadius = 0;
  for (let i = 0; i < count; i++) {
    const angle = start + (i + (2 * nextRandom(rng) - 1) * ROCK_ANGLE_JITTER) * spacing;
    const radius = base * (1 + (2 * nextRandom(rng) - 1) * ROCK_RADIUS_JITTER);
    xs[i] = radius * Math.cos(angle);
    ys[i] = radius * Math.sin(angle);
    boundRadius = Math.max(boundRadius, radius);
  }
  return { size, count, xs, ys, boundRadius };
}

interface CachedShape {
  shape: RockShape;
  /** Frame in which the shape was last asked for. */
  frame: number;
}

/** Outlines of the rocks on screen, built once per id and forgotten when the id disappears. */
export class RockShapes {
  private readonly shapes = new Map<string, CachedShape>();
  private frame = 0;

  get(id: string, size: AsteroidSize): RockShape {
    let entry = this.shapes.get(id);
    if (entry === undefined || entry.shape.size !== size) {
      entry = { shape: rockShape(id, size), frame: this.frame };
      this.shapes.set(id, entry);
    }
    entry.frame = this.frame;
    return entry.shape;
  }

  /** Ends a frame: drops every shape not asked for since the previous endFrame. */
  endFrame(): void {
    for (const [id, entry] of this.shapes) {
      if (entry.frame !== this.frame) this.shapes.delete(id);
    }
    this.frame++;
  }

  get cached(): number {
    return this.shapes.size;
  }

  clear(): void {
    this.shapes.clear();
  }
}
