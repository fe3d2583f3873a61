/**
 * Draws a RenderFrame through a camera (camera.ts): the part of the field the camera sees,
 * scaled to the canvas, every object at its copy nearest the camera (and at the others in
 * sight where the screen spans the field), with markers at the screen's edge for ships
 * just off it. The game view owns one instance; it keeps what a single frame does not
 * carry: bullet trails, rock outlines by id, and explosion/debris effects started by server events.
 *
 * Every method takes `nowMs` from one clock (performance.now() or the requestAnimationFrame
 * timestamp): effects and blinking are functions of that time, not of the frame count.
 */
import type { AsteroidSize } from "../../../shared/constants";
import { isPlaced, type EventSeen } from "../../../shared/net/messages";
import type { RngState } from "../../../shared/sim/rng";
import { BulletTrails } from "./bulletTrails";
import { drawAsteroids } from "./drawAsteroids";
import { drawBackground } from "./drawBackground";
import { drawBullets } from "./drawBullets";
import { drawEdgeMarkers } from "./drawEdgeMarkers";
import { drawEffects } from "./drawEffects";
import { drawShipHulls, drawShipLabels } from "./drawShips";
import type { RenderFrame } from "../../../client/frame";
import { Bursts, createExplosion, createShatter } from "./particles";
import { RockShapes } from "./rockShape";
import type { CameraView } from "./camera";
import { makeSky } from "./starfield";
import { WrapOffsets } from "./wrapCopies";

/** Fixed seeds: the sky, and the spread of effects, are the same in every session and test run. */
const STAR_SEED = 0x5eed5;
const EFFECT_SEED = 0xb007;

export class GameRenderer {
  private readonly sky = makeSky(STAR_SEED);
  private readonly rockShapes = new RockShapes();
  private readonly trails = new BulletTrails();
  private readonly bursts = new Bursts();
  private readonly offsets = new WrapOffsets();
  private readonly effectRng: RngState = { rngState: EFFECT_SEED };
  /** Latest time any call has seen: what activeExplosions() counts against. */
  private latestMs = Number.NEGATIVE_INFINITY;
  private markers = 0;

  /**
   * Draws one frame over the whole canvas (it paints the background, so no clear is
   * needed), as `view` sees the field. Call once per animation frame: bullet trails are
   * sampled here. The context's transform is set here from the view; its state is saved
   * and restored.
   */
  render(ctx: CanvasRenderingContext2D, frame: RenderFrame, nowMs: number, view: CameraView): void {
    this.latestMs = Math.max(this.latestMs, nowMs);
    this.trails.update(frame.bullets, nowMs, frame.world);
    this.bursts.prune(nowMs);
    ctx.save();
    try {
      // Field px around the camera to canvas px: the camera's point lands on the canvas's centre.
      const { scale } = view;
      ctx.setTransform(scale, 0, 0, scale, ctx.canvas.width / 2 - view.x * scale, ctx.canvas.height / 2 - view.y * scale);
      drawBackground(ctx, this.sky, view);
      drawAsteroids(ctx, frame.asteroids, this.rockShapes, view, this.offsets);
      this.rockShapes.endFrame();
      drawBullets(ctx, frame.bullets, this.trails, nowMs, view, this.offsets);
      drawShipHulls(ctx, frame.ships, nowMs, view, this.offsets);
      drawEffects(ctx, this.bursts.all, nowMs, view, this.offsets);
      // Labels and markers last, so no ship, bullet or spark covers a name or a pointer.
      drawShipLabels(ctx, frame.ships, view, this.offsets);
      this.markers = drawEdgeMarkers(ctx, frame.ships, view);
    } finally {
      ctx.restore();
    }
  }

  /**
   * Starts the effects of a frame's events: an explosion in the ship's color for each ship
   * destroyed, debris for each rock hit. A kill notice (a kill out of sight, for the kill feed)
   * carries no position and starts nothing. Returns the explosions started.
   */
  startEffects(events: readonly EventSeen[], colorOf: (shipId: string) => string, nowMs: number): number {
    let explosions = 0;
    for (const event of events) {
      if (!isPlaced(event)) continue;
      if (event.kind === "shipDestroyed") {
        this.explode(event.x, event.y, colorOf(event.shipId), nowMs);
        explosions++;
      } else if (event.kind === "asteroidDestroyed") this.shatter(event.x, event.y, event.size, nowMs);
    }
    return explosions;
  }

  /** Starts a ship explosion at (x, y) in the ship's color: a flash, a ring and ~1 s of sparks. */
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

  /** Edge markers drawn by the last render: ships just off screen (debug snapshot, browser tests). */
  edgeMarkers(): number {
    return this.markers;
  }

  /** Forgets trails, rock outlines and effects: call when leaving a room, so nothing carries over. */
  reset(): void {
    this.trails.clear();
    this.rockShapes.clear();
    this.bursts.clear();
    this.latestMs = Number.NEGATIVE_INFINITY;
    this.markers = 0;
  }
}
