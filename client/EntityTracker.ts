/**
 * Keeps an interpolation buffer per replicated object (ships, bullets or rocks) and
 * fills it with one snapshot per state patch, timestamped with the patch's server time.
 * An object that left the state and comes back (it left the client's view and entered it
 * again) starts a new buffer: it appears where it is, never sliding from where it left.
 */
import type { WorldSize } from "../shared/sim/worldSize";
import { InterpolationBuffer, type Pose } from "./interpolation";

export class EntityTracker<T extends Pose> {
  private readonly buffers = new Map<string, InterpolationBuffer<T>>();

  /**
   * Snapshots every object present in `entities` at server time `t`; objects no longer present are marked removed at `t`.
   * `birthOf` may give a new object's first snapshot from before `t` (a bullet's launch), so it is drawn from then on.
   */
  record(t: number, entities: Iterable<[string, T]>, birthOf?: (id: string) => { t: number; value: T } | undefined): void {
    const seen = new Set<string>();
    for (const [id, pose] of entities) {
      seen.add(id);
      let buffer = this.buffers.get(id);
      if (!buffer || buffer.removed) {
        buffer = new InterpolationBuffer<T>();
        this.buffers.set(id, buffer);
        const birth = birthOf?.(id);
        if (birth && birth.t < t) buffer.push(birth.t, birth.value);
      }
      buffer.push(t, pose);
    }
    for (const [id, buffer] of this.buffers) if (!seen.has(id)) buffer.markRemoved(t);
  }

  /** The pose of `id` at `renderTime`, or undefined when it is not (or no longer) drawn. */
  sample(id: string, renderTime: number, size: WorldSize): T | undefined {
    const buffer = this.buffers.get(id);
    if (!buffer || buffer.isGone(renderTime)) return undefined;
    return buffer.sample(renderTime, size);
  }

  /** Ids that may be drawn at `renderTime`; buffers of objects gone by then are dropped. */
  idsAt(renderTime: number): string[] {
    const ids: string[] = [];
    for (const [id, buffer] of this.buffers) {
      if (buffer.isGone(renderTime)) this.buffers.delete(id);
      else ids.push(id);
    }
    return ids;
  }
}
