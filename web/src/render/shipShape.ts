/**
 * The ship's drawn geometry in ship space (nose on +x): the hull, the part of it filled by
 * the shot charge, the thrust flame's flicker and the spawn-protection blink. Pure: the
 * canvas code in drawShips.ts only rotates and strokes what this computes.
 */
import { SHIP_HULL } from "../../../shared/constants";

export const HULL_XS = Float64Array.from(SHIP_HULL, ([x]) => x);
export const HULL_YS = Float64Array.from(SHIP_HULL, ([, y]) => y);
export const HULL_TAIL_X = Math.min(...HULL_XS);
export const HULL_NOSE_X = Math.max(...HULL_XS);
/** A convex polygon cut by one line gains at most one vertex. */
export const CHARGE_FILL_MAX_VERTICES = SHIP_HULL.length + 1;

/**
 * The hull clipped to x ≤ tail + charge × length: the ship fills up from the tail towards
 * the nose as the shot charges. Writes the polygon to outXs/outYs (at least
 * CHARGE_FILL_MAX_VERTICES long) and returns its vertex count (0 when nothing is charged).
 */
export function chargeFillPolygon(charge: number, outXs: Float64Array, outYs: Float64Array): number {
  if (!(charge > 0)) return 0; // also catches NaN
  const cut = HULL_TAIL_X + Math.min(charge, 1) * (HULL_NOSE_X - HULL_TAIL_X);
  const count = HULL_XS.length;
  let n = 0;
  // Sutherland–Hodgman against a single half-plane.
  for (let i = 0; i < count; i++) {
    const ax = HULL_XS[i]!;
    const ay = HULL_YS[i]!;
    const bx = HULL_XS[(i + 1) % count]!;
    const by = HULL_YS[(i + 1) % count]!;
    const aInside = ax <= cut;
    if (aInside) {
      outXs[n] = ax;
      outYs[n] = ay;
      n++;
    }
    if (aInside !== bx <= cut) {
      const t = (cut - ax) / (bx - ax);
      outXs[n] = cut;
      outYs[n] = ay + t * (by - ay);
      n++;
    }
  }
  return n;
}

/** Thrust flame length behind the tail, px: FLAME_BASE plus a flicker of up to FLAME_FLICKER. */
export const FLAME_BASE = 10;
export const FLAME_FLICKER = 10;
/** Two incommensurate flicker rates, rad/ms, so the flame never looks periodic. */
const FLICKER_RATE_A = 0.047;
const FLICKER_RATE_B = 0.113;

/** Flame length at `nowMs`; `phase` (from the ship id) keeps ships from flickering in step. */
export function flameLength(nowMs: number, phase: number): number {
  const wave = Math.sin(nowMs * FLICKER_RATE_A + phase) * Math.sin(nowMs * FLICKER_RATE_B + 2 * phase);
  return FLAME_BASE + FLAME_FLICKER * (0.5 + 0.5 * wave);
}

/** Blink period of a protected ship: half bright, half dim, ms. */
export const PROTECTION_BLINK_MS = 250;
/** Dim phase opacity: never 0, so the player still sees where the ship points. */
export const PROTECTION_DIM_ALPHA = 0.25;

/** Opacity of a spawn-protected ship at `nowMs`. */
export function protectionAlpha(nowMs: number): number {
  const phase = Math.floor((2 * nowMs) / PROTECTION_BLINK_MS);
  return phase % 2 === 0 ? 1 : PROTECTION_DIM_ALPHA;
}
