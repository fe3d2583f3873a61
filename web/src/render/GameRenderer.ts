/**
 * Draws the whole 960 × 540 field from a RenderFrame, in field coordinates. The game view
 * owns one instance; it keeps what a single frame does not carry: bullet trails, rock
 * outlines by id, and explosion/debris effects started by server events.
 *
 * Every method takes `nowMs` from one clock (performance.now() or the requestAnimationFrame
 * timestamp): effects and blinking are functions of that time, not of the frame count.
 */
import type { AsteroidSize } from "../../../shared/constants";
import type { RngState } from "../../../shared/rng";
import { BulletTrails } from "./bulletTrails";
import { drawAsteroids } from "./drawAsteroids";
import { drawBackground } from "./drawBackground";
import { drawBullets } from "./drawBullets";
import { drawEffects } from "./drawEffects";
import { drawShipHulls, drawShipLabels } from "./drawShips";
import type { RenderFrame } from "../../../engine/frame";
import { Bursts, createExplosion, createShatter } from "./particles";
import { RockShapes } from "./rockShape";
import { makeStars } from "./starfield";
import { WrapOffsets } from "./wrapCopies";

/** Enough stars to read as space, few enough to cost nothing (three fills per frame). */
const STAR_COUNT = 110;
/** Fixed seeds: the sky, and the spread of effects, are the same in every session and test run. */
const STAR_SEED = 0x5eed5;
const EFFECT_SEED = 0xb007;

export class GameRenderer {
  private readonly stars = makeStars(STAR_COUNT, STAR_SEED);
  private readonly rockShapes = new RockShapes();
  private readonly trails = new BulletTrails();
  private readonly bursts = new Bursts();
  private readonly offsets = new WrapOffsets();
  private readonly effectRng: RngState = { rngState: EFFECT_SEED };
  /** Latest time any call has seen: what activeExplosions() counts against. */
  private latestMs = Number.NEGATIVE_INFINITY;

  /**
   * Draws one frame over the whole field (it paints the background, so no clear is needed).
   * Call once per animation frame: bullet trails are sampled here. The context's state is
   * saved and restored; its current transform is kept, so a caller that draws the 960 × 540
   * field into a canvas of another size may scale it first.
   */
  render(ctx: CanvasRenderingContext2D, frame: RenderFrame, nowMs: number): void {
    this.latestMs = Math.max(this.latestMs, nowMs);
    this.trails.update(frame.bullets, nowMs);
    this.bursts.prune(nowMs);
    ctx.save();
    try {
      drawBackground(ctx, this.stars);
      drawAsteroids(ctx, frame.asteroids, this.rockShapes, this.offsets);
      this.rockShapes.endFrame();
      drawBullets(ctx, frame.bullets, this.trails, nowMs, this.offsets);
      drawShipHulls(ctx, frame.ships, nowMs, this.offsets);
      drawEffects(ctx, this.bursts.all, nowMs, this.offsets);
      // Labels last, so no ship, bullet or spark covers a name.
      drawShipLabels(ctx, frame.ships, this.offsets);
    } finally {
      ctx.restore();
    }
  }

  /** Starts a ship explosion at (x, y) in the ship's colour: a flash, a ring and ~1 s of sparks. */
  explode(x: number, y: number, color: string, nowMs: number): void {
    this.latestMs = Math.max(this.latestMs, nowMs);
    this.bursts.add(createExplosion(x, y, color, nowMs, this.effectRng));
  }

  /** Starts a small burst of grey debris where a rock of `size` was hit. */
  shatter(x: number, y: number, size: AsteroidSize, nowMs: number): void {
    this.latestMs = Math.max(this.latestMs, nowMs);
    this.bursts.add(createShatter(x, y, size, nowMs, this.effectRng));
  }

  /** Explosions still showing at the latest time seen by render/explode/shatter (debug snapshot, browser tests). */
  activeExplosions(): number {
    return this.bursts.countLive("explosion", this.latestMs);
  }

  /** Forgets trails, rock outlines and effects: call when leaving a room, so nothing carries over. */
  reset(): void {
    this.trails.clear();
    this.rockShapes.clear();
    this.bursts.clear();
    this.latestMs = Number.NEGATIVE_INFINITY;
  }
}
