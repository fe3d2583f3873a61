/**
 * The minimap's mapping: the whole field scaled into the minimap's canvas, with the
 * camera's visible area as a rectangle that, like the field, wraps: near an edge it is
 * cut in two (four at a corner) and shown at both sides. Pure: drawMinimap.ts draws.
 */
import { wrapCoord } from "../../../shared/sim/vector";
import type { WorldSize } from "../../../shared/sim/worldSize";
import type { VisibleArea } from "./wrapCopies";

export interface MinimapRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where field point (x, y), any copy of it, is on a minimap of `size` (canvas px). */
export function minimapPoint(x: number, y: number, world: WorldSize, size: WorldSize): { x: number; y: number } {
  return {
    x: (wrapCoord(x, world.width) / world.width) * size.width,
    y: (wrapCoord(y, world.height) / world.height) * size.height,
  };
}

/** The pieces, inside [0, size), of a span of `length` from `start` on a ring of `size`: one, or two when it crosses the end. */
function wrapSpan(start: number, length: number, size: number): Array<[from: number, to: number]> {
  if (length >= size) return [[0, size]];
  const from = wrapCoord(start, size);
  const to = from + length;
  return to <= size
    ? [[from, to]]
    : [
        [from, size],
        [0, to - size],
      ];
}

/** The camera's visible area on a minimap of `size`: one to four rectangles, in minimap px. */
export function minimapViewRects(area: VisibleArea, size: WorldSize): MinimapRect[] {
  const { world } = area;
  const across = wrapSpan(area.x - area.halfWidth, 2 * area.halfWidth, world.width);
  const down = wrapSpan(area.y - area.halfHeight, 2 * area.halfHeight, world.height);
  const sx = size.width / world.width;
  const sy = size.height / world.height;
  const rects: MinimapRect[] = [];
  for (const [top, bottom] of down) {
    for (const [left, right] of across) {
      rects.push({ x: left * sx, y: top * sy, width: (right - left) * sx, height: (bottom - top) * sy });
    }
  }
  return rects;
}
