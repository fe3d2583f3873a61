/**
 * A short history of each bullet's past positions, kept across render() calls, from which
 * the fading trail is drawn. The history is kept continuous across the wrap: when a bullet
 * leaves one edge and comes back at the other, its older points are moved by a whole field
 * so they lie beyond the edge it crossed. No trail segment ever spans the field, and the
 * trail, drawn with the bullet's wrap copies, follows the bullet through the edge.
 */
import { BULLET_SPEED } from "../../../shared/constants";
import { wrapDelta } from "../../../shared/sim/vector";
import type { WorldSize } from "../../../shared/sim/worldSize";
import type { RenderBullet } from "../../../client/frame";

/** How far back a trail reaches, ms: about 50 px at bullet speed. */
export const TRAIL_DURATION_MS = 80;
/** Points kept per bullet; with TRAIL_MIN_SAMPLE_MS this spans TRAIL_DURATION_MS at any frame rate. */
export const TRAIL_CAPACITY = 8;
/** A point is kept only if this long after the one before; faster renders move the newest point instead. */
export const TRAIL_MIN_SAMPLE_MS = 12;
/** A step longer than a bullet flies in 1/4 s is a jump (a late patch, a snap), not flight: the trail restarts. */
export const TRAIL_BREAK_DISTANCE = BULLET_SPEED / 4;
/** Trails of vanished bullets kept for reuse, so a busy fight does not allocate a trail per shot. */
const POOL_LIMIT = 256;

/** One bullet's history as a ring buffer; accessor index 0 is the newest point. */
export class Trail {
  private readonly xs = new Float64Array(TRAIL_CAPACITY);
  private readonly ys = new Float64Array(TRAIL_CAPACITY);
  private readonly ts = new Float64Array(TRAIL_CAPACITY);
  private head = 0;
  count = 0;
  /** Frame of BulletTrails.update in which the bullet was last present. */
  seen = 0;

  private slot(i: number): number {
    return (this.head - i + TRAIL_CAPACITY) % TRAIL_CAPACITY;
  }

  x(i: number): number {
    return this.xs[this.slot(i)]!;
  }

  y(i: number): number {
    return this.ys[this.slot(i)]!;
  }

  time(i: number): number {
    return this.ts[this.slot(i)]!;
  }

  reset(x: number, y: number, nowMs: number): void {
    this.head = 0;
    this.count = 1;
    this.xs[0] = x;
    this.ys[0] = y;
    this.ts[0] = nowMs;
  }

  /** Adds a point at `nowMs`, or moves the newest one if it came too soon after the one before. */
  record(x: number, y: number, nowMs: number): void {
    const provisional = this.count >= 2 && this.time(0) - this.time(1) < TRAIL_MIN_SAMPLE_MS;
    if (!provisional) {
      this.head = (this.head + 1) % TRAIL_CAPACITY;
      this.count = Math.min(this.count + 1, TRAIL_CAPACITY);
    }
    this.xs[this.head] = x;
    this.ys[this.head] = y;
    this.ts[this.head] = nowMs;
  }

  /** Moves every point by (dx, dy): used with whole field sizes when the bullet wraps. */
  shift(dx: number, dy: number): void {
    for (let i = 0; i < this.count; i++) {
      const s = this.slot(i);
      this.xs[s] = this.xs[s]! + dx;
      this.ys[s] = this.ys[s]! + dy;
    }
  }

  /**
   * Drops points not needed to cover TRAIL_DURATION_MS: one point at or beyond that age is
   * kept, so the trail's end can be interpolated at exactly its duration.
   */
  trim(nowMs: number): void {
    while (this.count > 1 && nowMs - this.time(this.count - 2) >= TRAIL_DURATION_MS) this.count--;
  }
}

export class BulletTrails {
  private readonly trails = new Map<string, Trail>();
  private readonly pool: Trail[] = [];
  private frame = 0;

  /** Records this frame's bullet positions on a field of `world`'s size and forgets bullets that are gone. Call once per render. */
  update(bullets: readonly RenderBullet[], nowMs: number, world: WorldSize): void {
    this.frame++;
    for (const bullet of bullets) {
      let trail = this.trails.get(bullet.id);
      if (trail === undefined) {
        trail = this.pool.pop() ?? new Trail();
        trail.reset(bullet.x, bullet.y, nowMs);
        this.trails.set(bullet.id, trail);
      } else {
        follow(trail, bullet.x, bullet.y, nowMs, world);
      }
      trail.seen = this.frame;
    }
    for (const [id, trail] of this.trails) {
      if (trail.seen === this.frame) continue;
      this.trails.delete(id);
      if (this.pool.length < POOL_LIMIT) this.pool.push(trail);
    }
  }

  get(id: string): Trail | undefined {
    return this.trails.get(id);
  }

  get size(): number {
    return this.trails.size;
  }

  clear(): void {
    this.trails.clear();
  }
}

function follow(trail: Trail, x: number, y: number, nowMs: number, world: WorldSize): void {
  const headX = trail.x(0);
  const headY = trail.y(0);
  // The short way round: a bullet at 955 then at 5 moved 10 px right, not 950 px left.
  const stepX = wrapDelta(headX, x, world.width);
  const stepY = wrapDelta(headY, y, world.height);
  if (Math.hypot(stepX, stepY) > TRAIL_BREAK_DISTANCE) {
    trail.reset(x, y, nowMs);
    return;
  }
  // Whole-field difference between the raw step and the short one (0 unless the bullet wrapped).
  const shiftX = x - headX - stepX;
  const shiftY = y - headY - stepY;
  if (shiftX !== 0 || shiftY !== 0) trail.shift(shiftX, shiftY);
  trail.record(x, y, nowMs);
  trail.trim(nowMs);
}
