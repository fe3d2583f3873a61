/**
 * The static stars behind the field: seeded once, so they never flicker or move between
 * frames. Pure: drawBackground.ts draws them.
 */
import { WORLD_HEIGHT, WORLD_WIDTH } from "../../../shared/constants";
import { nextRandom, type RngState } from "../../../shared/rng";

/** Brightness levels: drawing batches all stars of one level into one fill. */
export const STAR_LEVELS = 3;

export interface Star {
  readonly x: number;
  readonly y: number;
  /** Square side, px. */
  readonly size: number;
  /** 0 (faint) … STAR_LEVELS − 1 (bright). */
  readonly level: number;
}

/** Bright stars are rarer: level = floor(u^STAR_BRIGHTNESS_SKEW × STAR_LEVELS) with u uniform. */
const STAR_BRIGHTNESS_SKEW = 2;
const STAR_MIN_SIZE = 1;
/** Bright stars are this much larger than faint ones, px per level. */
const STAR_SIZE_PER_LEVEL = 0.5;

export function makeStars(count: number, seed: number): Star[] {
  const rng: RngState = { rngState: seed >>> 0 };
  const stars: Star[] = [];
  for (let i = 0; i < count; i++) {
    const x = Math.floor(nextRandom(rng) * WORLD_WIDTH);
    const y = Math.floor(nextRandom(rng) * WORLD_HEIGHT);
    const level = Math.floor(nextRandom(rng) ** STAR_BRIGHTNESS_SKEW * STAR_LEVELS);
    stars.push({ x, y, level, size: STAR_MIN_SIZE + STAR_SIZE_PER_LEVEL * level });
  }
  return stars;
}
