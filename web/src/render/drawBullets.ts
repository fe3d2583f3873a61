/**
 * Bullets: a dot in the shooter's color with a white core, and a trail that narrows and
 * fades behind it (trailShape.ts). Drawing is batched: one path per color and trail band,
 * one per color for the dots and one for all cores, so 300 bullets cost tens of fills.
 */
import type { BulletTrails } from "./bulletTrails";
import type { RenderBullet } from "../../../client/frame";
import { TRAIL_BANDS, TRIANGLE_FLOATS, trailTriangles } from "./trailShape";
import { computeWrapOffsets, type VisibleArea, type WrapOffsets } from "./wrapCopies";

/** Opacity of each trail band: the three overlap near the bullet, 1 − 0.7³ ≈ 0.66 there, 0.3 at the far third. */
const TRAIL_BAND_ALPHA = 0.3;
/** A white core keeps bullets visible over a trail or a ship of the same color. */
const CORE_COLOR = "#ffffff";
const CORE_SCALE = 0.45;

interface ColorBatch {
  readonly bands: Path2D[];
  readonly dots: Path2D;
}

// Reused across frames; the paths themselves are new each frame (Path2D has no reset).
const batches = new Map<string, ColorBatch>();
const triangles = new Float64Array(TRAIL_BANDS * TRIANGLE_FLOATS);

function batchFor(color: string): ColorBatch {
  let batch = batches.get(color);
  if (batch === undefined) {
    const bands: Path2D[] = [];
    for (let b = 0; b < TRAIL_BANDS; b++) bands.push(new Path2D());
    batch = { bands, dots: new Path2D() };
    batches.set(color, batch);
  }
  return batch;
}

export function drawBullets(
  ctx: CanvasRenderingContext2D,
  bullets: readonly RenderBullet[],
  trails: BulletTrails,
  nowMs: number,
  area: VisibleArea,
  offsets: WrapOffsets,
): void {
  if (bullets.length === 0) return;
  batches.clear();
  const cores = new Path2D();
  const fading: RenderBullet[] = [];
  for (const bullet of bullets) {
    if (bullet.opacity !== undefined && bullet.opacity < 1) {
      fading.push(bullet);
      continue;
    }
    const r = bullet.radius;
    const trail = trails.get(bullet.id);
    const bands = trail === undefined ? 0 : trailTriangles(trail, r, nowMs, triangles);
    // Trail points are in the coordinates the bullet came in (the base is at bullet.x/y): widen
    // the copies' bounds by the trail's reach, so a trail crossing an edge of the screen or
    // of the field shows wherever it is in sight.
    let extentX = r;
    let extentY = r;
    for (let i = 0; i < bands * TRIANGLE_FLOATS; i += 2) {
      extentX = Math.max(extentX, Math.abs(triangles[i]! - bullet.x));
      extentY = Math.max(extentY, Math.abs(triangles[i + 1]! - bullet.y));
    }
    const copies = computeWrapOffsets(bullet.x, bullet.y, extentX, extentY, area, offsets);
    const batch = batchFor(bullet.color);
    for (let k = 0; k < copies; k++) {
      const dx = offsets.dx[k]!;
      const dy = offsets.dy[k]!;
      const cx = bullet.x + dx;
      const cy = bullet.y + dy;
      if (bands > 0) addTriangles(batch.bands, dx, dy);
      batch.dots.moveTo(cx + r, cy);
      batch.dots.arc(cx, cy, r, 0, 2 * Math.PI);
      cores.moveTo(cx + r * CORE_SCALE, cy);
      cores.arc(cx, cy, r * CORE_SCALE, 0, 2 * Math.PI);
    }
  }
  // All trails first, then all dots: no trail covers another color's bullet.
  ctx.globalAlpha = TRAIL_BAND_ALPHA;
  for (const [color, batch] of batches) {
    ctx.fillStyle = color;
    for (const band of batch.bands) ctx.fill(band);
  }
  ctx.globalAlpha = 1;
  for (const [color, batch] of batches) {
    ctx.fillStyle = color;
    ctx.fill(batch.dots);
  }
  ctx.fillStyle = CORE_COLOR;
  ctx.fill(cores);
  for (const bullet of fading) drawFading(ctx, bullet, area, offsets);
}

/** A refused own shot going out: its dot alone, see-through by its opacity; rare enough to be drawn one by one. */
function drawFading(ctx: CanvasRenderingContext2D, bullet: RenderBullet, area: VisibleArea, offsets: WrapOffsets): void {
  const r = bullet.radius;
  const copies = computeWrapOffsets(bullet.x, bullet.y, r, r, area, offsets);
  const dot = new Path2D();
  for (let k = 0; k < copies; k++) {
    const cx = bullet.x + offsets.dx[k]!;
    const cy = bullet.y + offsets.dy[k]!;
    dot.moveTo(cx + r, cy);
    dot.arc(cx, cy, r, 0, 2 * Math.PI);
  }
  ctx.globalAlpha = Math.max(0, bullet.opacity ?? 1);
  ctx.fillStyle = bullet.color;
  ctx.fill(dot);
  ctx.globalAlpha = 1;
}

/** Adds the trail triangles, shifted by (dx, dy), each to the path of its band. */
function addTriangles(bands: Path2D[], dx: number, dy: number): void {
  for (let band = 0; band < TRAIL_BANDS; band++) {
    const path = bands[band]!;
    const o = band * TRIANGLE_FLOATS;
    path.moveTo(triangles[o]! + dx, triangles[o + 1]! + dy);
    path.lineTo(triangles[o + 2]! + dx, triangles[o + 3]! + dy);
    path.lineTo(triangles[o + 4]! + dx, triangles[o + 5]! + dy);
    path.closePath();
  }
}
