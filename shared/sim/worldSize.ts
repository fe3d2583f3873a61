/**
 * How big a room's field is: it grows with the room's seats, in whole screens per side,
 * so a full room is several screens to roam and a small one stays the original's screen.
 */
import { ASTEROID_LARGE_PER_SCREEN, MAX_CLIENTS, SCREEN_HEIGHT, SCREEN_WIDTH, SEATS_PER_SCREEN } from "../constants";

/** A field's size, px; every coordinate wraps into [0, width) × [0, height). */
export interface WorldSize {
  readonly width: number;
  readonly height: number;
}

/** The field of a room of one screen (8 seats or fewer), as the original game had. */
export const ONE_SCREEN: WorldSize = { width: SCREEN_WIDTH, height: SCREEN_HEIGHT };

/** Screens per side of the field of a room with `seats` seats. */
export function screensPerSide(seats: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(seats / SEATS_PER_SCREEN)));
}

/** The field of a room with `seats` seats: 8 → 960 × 540, 32 → 1920 × 1080, 100 → 3840 × 2160. */
export function worldSizeFor(seats: number): WorldSize {
  const side = screensPerSide(seats);
  return { width: SCREEN_WIDTH * side, height: SCREEN_HEIGHT * side };
}

/** The biggest field any room has: the fixed-point pose on the wire must span it. */
export const LARGEST_WORLD: WorldSize = worldSizeFor(MAX_CLIENTS);

/** Large rocks a field starts with and refills towards: a fixed number per screen of area. */
export function asteroidTargetFor(size: WorldSize): number {
  return Math.round((ASTEROID_LARGE_PER_SCREEN * size.width * size.height) / (SCREEN_WIDTH * SCREEN_HEIGHT));
}
