/**
 * The sky behind the field: a few layers of seeded stars, each a tile repeated across the
 * screen and scrolled slower than the camera (parallax), so flying reads as motion even in
 * empty space and far stars look far. Seeded once: the stars never flicker. Pure:
 * drawBackground.ts draws them.
 */
import { nextRandom, type RngState } from "../../../shared/sim/rng";
import { wrapCoord } from "../../../shared/sim/vector";

export interface Star {
  /** Position in its layer's tile, px. */
  readonly x: number;
  readonly y: number;
}

export interface StarLayer {
  readonly stars: readonly Star[];
  /** The tile the stars repeat in, field px: different per layer, so the repeats do not line up. */
  readonly tileWidth: number;
  readonly tileHeight: number;
  /** Screen motion per px of camera motion: below 1, the layer is behind the field. */
  readonly parallax: number;
  /** Square side, field px. */
  readonly size: number;
  /** Far layers are dimmer: dim enough that no star is mistaken for a bullet. */
  readonly color: string;
}

interface LayerSpec extends Omit<StarLayer, "stars"> {
  readonly count: number;
}

/** Far to near. ~2.7 stars per 10 000 px² in all (the old fixed screen had 2.1): ~250 squares on a full view, 3 fills a frame. */
const LAYERS: readonly LayerSpec[] = [
  { count: 48, tileWidth: 640, tileHeight: 640, parallax: 0.15, size: 1, color: "#2e3547" },
  { count: 30, tileWidth: 560, tileHeight: 520, parallax: 0.35, size: 1.5, color: "#5a6580" },
  { count: 12, tileWidth: 500, tileHeight: 460, parallax: 0.6, size: 2, color: "#a9b4cc" },
];

/** `count` stars spread uniformly over a tile, the same for the same seed. */
export function makeStars(count: number, seed: number, tileWidth: number, tileHeight: number): Star[] {
  const rng: RngState = { rngState: seed >>> 0 };
  const stars: Star[] = [];
  for (let i = 0; i < count; i++) {
    const x = Math.floor(nextRandom(rng) * tileWidth);
    const y = Math.floor(nextRandom(rng) * tileHeight);
    stars.push({ x, y });
  }
  return stars;
}

/** The layers of the sky, far to near; each layer's stars come from its own seed derived from `seed`. */
export function makeSky(seed: number): StarLayer[] {
  return LAYERS.map(({ count, ...layer }, i) => ({ ...layer, stars: makeStars(count, seed + i, layer.tileWidth, layer.tileHeight) }));
}

/** Which tiles of a layer cover a screen axis; tile i starts at i × tile − phase from the screen's centre. */
export interface TileRange {
  first: number;
  last: number;
  /** How far the tiles have scrolled, in [0, tile). */
  phase: number;
}

/**
 * The tiles of a layer scrolled by `scroll` px that cover [−half, half] around the
 * screen's centre, on one axis.
 */
export function tileRange(scroll: number, half: number, tile: number): TileRange {
  const phase = wrapCoord(scroll, tile);
  return { first: Math.floor((phase - half) / tile), last: Math.floor((phase + half) / tile), phase };
}
