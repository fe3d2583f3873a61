/**
 * Reads what a game page really drew: the pixels of one color on the field canvas or the
 * minimap, found through the page's own debug snapshot (web/src/debugSnapshot.ts) for
 * where a field point lands. Each read runs in the page in one go, so the pixels and the
 * camera it is mapped with come from the same frame.
 */
import type { Page } from "playwright-core";
import type { DebugSnapshot } from "../../web/src/debugSnapshot";

/**
 * Two colors are "the same" when their RGB channels differ by less than this in sum:
 * wide enough for anti-aliased edges at full strength, narrow enough to keep palette
 * colors, the thrust flame and the white highlights apart.
 */
export const COLOR_TOLERANCE = 60;

/** Which canvas to read: the field (the page's first canvas) or the minimap. */
export type CanvasId = "field" | "minimap";

/** The pixels of one color on a canvas, in its backing-store px. */
export interface ColorBlob {
  /** How many pixels have the color. */
  count: number;
  /** Their centroid; NaN when there are none. */
  x: number;
  y: number;
  /** The canvas's backing-store size. */
  width: number;
  height: number;
  /** The page's debug snapshot of the frame these pixels are from. */
  snapshot: DebugSnapshot | undefined;
}

/** Every pixel of color `hex` ("#rrggbb") on the canvas, where they are, and the frame's snapshot. */
export function colorBlob(page: Page, canvas: CanvasId, hex: string): Promise<ColorBlob> {
  return page.evaluate(
    ({ canvas, hex, tolerance }) => {
      const element = document.querySelector<HTMLCanvasElement>(`canvas[data-testid="${canvas}"]`);
      const ctx = element?.getContext("2d");
      if (!element || !ctx) throw new Error(`no ${canvas} canvas`);
      const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const { width, height } = element;
      const data = ctx.getImageData(0, 0, width, height).data;
      let count = 0;
      let sumX = 0;
      let sumY = 0;
      for (let i = 0; i < data.length; i += 4) {
        const off = Math.abs(data[i]! - want[0]!) + Math.abs(data[i + 1]! - want[1]!) + Math.abs(data[i + 2]! - want[2]!);
        if (off >= tolerance) continue;
        count++;
        sumX += (i / 4) % width;
        sumY += Math.floor(i / 4 / width);
      }
      return { count, x: sumX / count, y: sumY / count, width, height, snapshot: window.__netroids };
    },
    { canvas, hex, tolerance: COLOR_TOLERANCE },
  );
}

/**
 * Counts field-canvas pixels of color `hex` in the square of ± `radius` field px around
 * where field point (x, y) is drawn this frame: canvas.width / 2 + wrapDelta(camera.x, x,
 * world.width) × camera.scale, and likewise for y. −1 when the page shows no game.
 */
export function pixelsOfColorNear(page: Page, x: number, y: number, hex: string, radius = 24): Promise<number> {
  return page.evaluate(
    ({ x, y, hex, radius, tolerance }) => {
      const snapshot = window.__netroids;
      const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="field"]');
      const ctx = canvas?.getContext("2d");
      if (!canvas || !ctx || !snapshot?.camera || !snapshot.world) return -1;
      const { camera, world } = snapshot;
      // shared/sim/vector.ts's wrapDelta: the short way from `from` to `to` on a ring of `size`.
      const wrapDelta = (from: number, to: number, size: number) => {
        const d = (((to - from) % size) + size) % size;
        return d >= size / 2 ? d - size : d;
      };
      const centreX = canvas.width / 2 + wrapDelta(camera.x, x, world.width) * camera.scale;
      const centreY = canvas.height / 2 + wrapDelta(camera.y, y, world.height) * camera.scale;
      const half = radius * camera.scale;
      const left = Math.max(0, Math.round(centreX - half));
      const top = Math.max(0, Math.round(centreY - half));
      const right = Math.min(canvas.width, Math.round(centreX + half));
      const bottom = Math.min(canvas.height, Math.round(centreY + half));
      if (right <= left || bottom <= top) return 0;
      const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const data = ctx.getImageData(left, top, right - left, bottom - top).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - want[0]!) + Math.abs(data[i + 1]! - want[1]!) + Math.abs(data[i + 2]! - want[2]!) < tolerance) count++;
      }
      return count;
    },
    { x, y, hex, radius, tolerance: COLOR_TOLERANCE },
  );
}

/**
 * pixelsOfColorNear, read every animation frame until it reaches `atLeast` or `timeoutMs` passes: the
 * count last read. The debug snapshot and the canvas are one frame's, but on a loaded machine the
 * frame that first shows a change can come a few frames after the snapshot that announced it.
 */
export async function pixelsOfColorNearWithin(
  page: Page,
  x: number,
  y: number,
  hex: string,
  atLeast: number,
  timeoutMs = 2000,
): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const count = await pixelsOfColorNear(page, x, y, hex);
    if (count >= atLeast || Date.now() >= until) return count;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
}
