/** Polygon paths from object-space vertices, rotated and placed in field coordinates. */

/**
 * Adds a closed polygon to the current path: vertex i is (xs[i], ys[i]) rotated by the
 * angle whose cosine and sine are given, then moved to (cx, cy). Rotating the few vertices
 * here, instead of through the context transform, keeps labels upright and saves a
 * save/restore per object.
 */
export function addRotatedPolygon(
  ctx: CanvasRenderingContext2D,
  xs: Float64Array,
  ys: Float64Array,
  count: number,
  cx: number,
  cy: number,
  cos: number,
  sin: number,
): void {
  for (let i = 0; i < count; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const px = cx + x * cos - y * sin;
    const py = cy + x * sin + y * cos;
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.closePath();
}
