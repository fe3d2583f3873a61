/**
 * What the shooter's screen showed: did one of its own bullets, as drawn, touch the
 * target as drawn? Judged frame by frame with the server's own test (shared
 * `capsuleHitsHull`) in the target's ship space: the bullet's drawn path since the
 * previous frame, relative to the target's drawn motion over the same frame, rotated
 * by −(drawn heading) and thickened by the bullet's radius. Nothing passes through
 * between frames, as nothing passes through between server steps. A target drawn dead
 * or spawn-protected cannot be hit.
 */
import { capsuleHitsHull, rotate } from "../../shared/sim/geometry";
import { wrappedOffset, type Vec2 } from "../../shared/sim/vector";
import type { WorldSize } from "../../shared/sim/worldSize";
import type { RenderBullet, RenderFrame, RenderShip } from "../../client/frame";

/** The relative path of `bullet` since the previous frame in the target's ship space, or its point when it was not drawn then. */
function relativePath(
  bullet: RenderBullet,
  before: Vec2 | undefined,
  target: RenderShip,
  targetBefore: Vec2 | undefined,
  size: WorldSize,
): [Vec2, Vec2] {
  const end = wrappedOffset(target, bullet, size);
  let start = end;
  if (before && targetBefore) {
    // Each object's own move over the frame, across the wrap; the start is the end minus the relative move.
    const bulletMove = wrappedOffset(before, bullet, size);
    const targetMove = wrappedOffset(targetBefore, target, size);
    start = { x: end.x - (bulletMove.x - targetMove.x), y: end.y - (bulletMove.y - targetMove.y) };
  }
  return [rotate(start, -target.angle), rotate(end, -target.angle)];
}

/**
 * How one own bullet looked on screen: frames drawn, and its centre's distance to the
 * target's centre when first drawn and at its closest, px.
 */
export interface DrawnTrack {
  frames: number;
  firstDistance: number;
  closestDistance: number;
}

export class ScreenHitJudge {
  private previousBullets = new Map<string, Vec2>();
  private previousTarget: Vec2 | undefined;
  /** Own bullet ids the screen showed touching the target, with the local time (ms) of the first frame that did. */
  readonly hits = new Map<string, number>();
  /** Every own bullet drawn while the target was drawn (diagnostics for disagreements). */
  readonly tracks = new Map<string, DrawnTrack>();

  /**
   * @param isOwn tells the shooter's own bullets among the drawn ones (by state key).
   * @returns the ids that touched the target for the first time in this frame.
   */
  observe(frame: RenderFrame, targetId: string, isOwn: (bulletId: string) => boolean, now: number): string[] {
    const target = frame.ships.find((ship) => ship.id === targetId);
    const drawn = new Map<string, Vec2>();
    const fresh: string[] = [];
    for (const bullet of frame.bullets) {
      // A fading bullet is a shot the server did not fire, going out: nothing it touches looks hit.
      if (!isOwn(bullet.id) || (bullet.opacity ?? 1) < 1) continue;
      drawn.set(bullet.id, { x: bullet.x, y: bullet.y });
      if (target) {
        const offset = wrappedOffset(target, bullet, frame.world);
        this.track(bullet.id, Math.hypot(offset.x, offset.y));
      }
      if (!target || !target.alive || target.protected || this.hits.has(bullet.id)) continue;
      const [from, to] = relativePath(bullet, this.previousBullets.get(bullet.id), target, this.previousTarget, frame.world);
      if (capsuleHitsHull(from, to, bullet.radius)) {
        this.hits.set(bullet.id, now);
        fresh.push(bullet.id);
      }
    }
    this.previousBullets = drawn;
    this.previousTarget = target ? { x: target.x, y: target.y } : undefined;
    return fresh;
  }

  private track(id: string, distance: number): void {
    const track = this.tracks.get(id);
    if (!track) this.tracks.set(id, { frames: 1, firstDistance: distance, closestDistance: distance });
    else {
      track.frames++;
      track.closestDistance = Math.min(track.closestDistance, distance);
    }
  }
}
