/**
 * Seeded PRNG (mulberry32). Its whole state is one uint32 kept in the world,
 * so a world copied or replayed from the same seed and inputs draws the same numbers.
 */
export interface RngState {
  rngState: number;
}

/** Returns a float in [0, 1) and advances the state held in `owner`. */
export function nextRandom(owner: RngState): number {
  owner.rngState = (owner.rngState + 0x6d2b79f5) >>> 0;
  let t = owner.rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A float in [min, max). */
export function randomRange(owner: RngState, min: number, max: number): number {
  return min + (max - min) * nextRandom(owner);
}
