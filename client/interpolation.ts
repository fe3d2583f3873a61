/**
 * Interpolation of remote objects: each object keeps timestamped snapshots (server
 * time, ms) and is drawn at a render time a little in the past, between the two
 * snapshots around it. Position follows the shortest way across the wrapped field and
 * angle the shortest way round; a jump too long to be motion (a respawn) is not
 * lerped at all: the object is drawn at its new place. Other fields (alive, charge…)
 * step: they keep the older snapshot's value until the newer one's time.
 */
import { MAX_SNAPSHOTS_PER_OBJECT, TELEPORT_DISTANCE } from "../shared/net/netConstants";
import { angleDelta, wrapCoord, wrapDelta } from "../shared/sim/vector";
import { ONE_SCREEN, type WorldSize } from "../shared/sim/worldSize";

export interface Pose {
  x: number;
  y: number;
  angle: number;
}

interface Snapshot<T> {
  t: number;
  value: T;
}

export function interpolatePose<T extends Pose>(from: T, to: T, alpha: number, size: WorldSize = ONE_SCREEN): T {
  const dx = wrapDelta(from.x, to.x, size.width);
  const dy = wrapDelta(from.y, to.y, size.height);
  if (Math.hypot(dx, dy) > TELEPORT_DISTANCE) return alpha > 0 ? { ...to } : { ...from };
  return {
    ...from,
    x: wrapCoord(from.x + dx * alpha, size.width),
    y: wrapCoord(from.y + dy * alpha, size.height),
    angle: from.angle + angleDelta(from.angle, to.angle) * alpha,
  };
}

/** The snapshot history of one object. */
export class InterpolationBuffer<T extends Pose = Pose> {
  private readonly snapshots: Snapshot<T>[] = [];
  /** Server time the object disappeared at, once it has. */
  private removedAt = Infinity;

  /** Adds a snapshot; one not newer than the last is ignored (a repeated patch). */
  push(t: number, value: T): void {
    const last = this.snapshots[this.snapshots.length - 1];
    if (last && t <= last.t) return;
    this.snapshots.push({ t, value: { ...value } });
    if (this.snapshots.length > MAX_SNAPSHOTS_PER_OBJECT) this.snapshots.shift();
  }

  /** The object left the state at server time `t`: it is drawn until the render time reaches `t`. */
  markRemoved(t: number): void {
    this.removedAt = Math.min(this.removedAt, t);
  }

  /** True once the object has left the state (destroyed, or out of the client's view). */
  get removed(): boolean {
    return this.removedAt !== Infinity;
  }

  /** True once nothing of it is left to draw at `renderTime`. */
  isGone(renderTime: number): boolean {
    return renderTime >= this.removedAt;
  }

  get size(): number {
    return this.snapshots.length;
  }

  /** Newest snapshot time, or -Infinity when empty. */
  get newestTime(): number {
    return this.snapshots[this.snapshots.length - 1]?.t ?? -Infinity;
  }

  /**
   * The pose at `renderTime`: interpolated between the snapshots around it; before the
   * first, the first; after the last, the last (held, never extrapolated).
   */
  sample(renderTime: number, size: WorldSize = ONE_SCREEN): T | undefined {
    const first = this.snapshots[0];
    if (!first) return undefined;
    if (renderTime <= first.t) return { ...first.value };
    const last = this.snapshots[this.snapshots.length - 1]!;
    if (renderTime >= last.t) return { ...last.value };
    for (let i = this.snapshots.length - 1; i > 0; i--) {
      const older = this.snapshots[i - 1]!;
      if (older.t > renderTime) continue;
      const newer = this.snapshots[i]!;
      return interpolatePose(older.value, newer.value, (renderTime - older.t) / (newer.t - older.t), size);
    }
    return { ...last.value };
  }
}
