/**
 * Explosion and rock-debris particles as data. A particle's position is a closed-form
 * function of its age (outward speed slowed by drag), so drawing depends on nowMs only,
 * never on the frame rate, and nothing is integrated per frame. Pure: no canvas here.
 */
import type { AsteroidSize } from "../../../shared/constants";
import { nextRandom, randomRange, type RngState } from "../../../shared/sim/rng";

export type BurstKind = "explosion" | "shatter";

interface Particle {
  /** Initial velocity, px/s. */
  readonly vx: number;
  readonly vy: number;
  /** Square side (explosion) or fragment length (shatter), px. */
  readonly size: number;
  readonly lifeMs: number;
  /** Fragment spin, rad/s (shatter only; 0 for sparks). */
  readonly spin: number;
}

export interface Burst {
  readonly kind: BurstKind;
  readonly x: number;
  readonly y: number;
  readonly color: string;
  readonly startMs: number;
  /** When the longest-lived particle has faded. */
  readonly endMs: number;
  readonly particles: readonly Particle[];
}

/** Drag time constant, s: a particle covers speed × this in total, 63 % of it in the first PARTICLE_DRAG_S. */
export const PARTICLE_DRAG_S = 0.5;

const EXPLOSION_PARTICLES = 32;
const EXPLOSION_MIN_SPEED = 40;
const EXPLOSION_MAX_SPEED = 200;
export const EXPLOSION_MIN_LIFE_MS = 800;
export const EXPLOSION_MAX_LIFE_MS = 1200;
const EXPLOSION_MIN_SIZE = 1.5;
const EXPLOSION_MAX_SIZE = 3.5;

/** Fragments per rock hit: 3 + this × size, so a large rock throws more debris. */
const SHATTER_PER_SIZE = 2;
const SHATTER_BASE_FRAGMENTS = 3;
const SHATTER_MIN_SPEED = 30;
const SHATTER_MAX_SPEED = 120;
const SHATTER_MIN_LIFE_MS = 350;
const SHATTER_MAX_LIFE_MS = 700;
/** Fragment length per size step, px: debris of a large rock is bigger. */
const SHATTER_LENGTH_PER_SIZE = 1.5;
const SHATTER_MIN_LENGTH = 2;
const SHATTER_MAX_SPIN = 8;
/** Grey of rock debris, the rock outline's color. */
export const SHATTER_COLOR = "#b8bcc6";

/** Bursts kept at once; beyond it the oldest goes, bounding draw time when everything dies at once. */
export const MAX_BURSTS = 256;

/** Distance factor at `ageMs`: a particle is at origin + velocity × this (px per px/s). */
export function particleTravel(ageMs: number): number {
  const ageS = Math.max(0, ageMs) / 1000;
  return PARTICLE_DRAG_S * (1 - Math.exp(-ageS / PARTICLE_DRAG_S));
}

/** Opacity of a particle at `ageMs`: 1 at birth, 0 at the end of its life. */
export function particleFade(ageMs: number, lifeMs: number): number {
  return Math.max(0, Math.min(1, 1 - ageMs / lifeMs));
}

function outward(rng: RngState, count: number, i: number, minSpeed: number, maxSpeed: number): [number, number] {
  // Evenly spread directions with jitter: a ring with no big gaps, unlike fully random angles.
  const angle = ((i + nextRandom(rng)) / count) * 2 * Math.PI;
  const speed = randomRange(rng, minSpeed, maxSpeed);
  return [speed * Math.cos(angle), speed * Math.sin(angle)];
}

export function createExplosion(x: number, y: number, color: string, nowMs: number, rng: RngState): Burst {
  const particles: Particle[] = [];
  let longest = 0;
  for (let i = 0; i < EXPLOSION_PARTICLES; i++) {
    const [vx, vy] = outward(rng, EXPLOSION_PARTICLES, i, EXPLOSION_MIN_SPEED, EXPLOSION_MAX_SPEED);
    const lifeMs = randomRange(rng, EXPLOSION_MIN_LIFE_MS, EXPLOSION_MAX_LIFE_MS);
    const size = randomRange(rng, EXPLOSION_MIN_SIZE, EXPLOSION_MAX_SIZE);
    particles.push({ vx, vy, size, lifeMs, spin: 0 });
    longest = Math.max(longest, lifeMs);
  }
  return { kind: "explosion", x, y, color, startMs: nowMs, endMs: nowMs + longest, particles };
}

export function createShatter(x: number, y: number, size: AsteroidSize, nowMs: number, rng: RngState): Burst {
  const count = SHATTER_BASE_FRAGMENTS + SHATTER_PER_SIZE * size;
  const particles: Particle[] = [];
  let longest = 0;
  for (let i = 0; i < count; i++) {
    const [vx, vy] = outward(rng, count, i, SHATTER_MIN_SPEED, SHATTER_MAX_SPEED);
    const lifeMs = randomRange(rng, SHATTER_MIN_LIFE_MS, SHATTER_MAX_LIFE_MS);
    const length = SHATTER_MIN_LENGTH + SHATTER_LENGTH_PER_SIZE * size * nextRandom(rng);
    const spin = randomRange(rng, -SHATTER_MAX_SPIN, SHATTER_MAX_SPIN);
    particles.push({ vx, vy, size: length, lifeMs, spin });
    longest = Math.max(longest, lifeMs);
  }
  return { kind: "shatter", x, y, color: SHATTER_COLOR, startMs: nowMs, endMs: nowMs + longest, particles };
}

/** The live bursts, oldest first. */
export class Bursts {
  private readonly items: Burst[] = [];

  add(burst: Burst): void {
    if (this.items.length >= MAX_BURSTS) this.items.shift();
    this.items.push(burst);
  }

  /** Drops bursts whose every particle has faded by `nowMs`. */
  prune(nowMs: number): void {
    let kept = 0;
    for (const burst of this.items) {
      if (burst.endMs > nowMs) this.items[kept++] = burst;
    }
    this.items.length = kept;
  }

  /** Bursts of `kind` still showing at `nowMs`. */
  countLive(kind: BurstKind, nowMs: number): number {
    let n = 0;
    for (const burst of this.items) {
      if (burst.kind === kind && burst.endMs > nowMs) n++;
    }
    return n;
  }

  get all(): readonly Burst[] {
    return this.items;
  }

  clear(): void {
    this.items.length = 0;
  }
}
