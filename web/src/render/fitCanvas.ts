/**
 * Keeps a canvas's backing store the size it is shown at, in device pixels, so drawing
 * stays sharp at any window size and zoom. Checked every frame rather than on `resize`
 * events: it also follows a CSS change, a zoom or a move to a screen of another density,
 * and costs two reads when nothing changed.
 */

/**
 * Most backing-store px per CSS px. @default 2 — phones report 3, which would fill 2.25×
 * the pixels of 2 every frame for a difference few can see.
 */
const MAX_PIXEL_RATIO = 2;

/** Resizes the canvas's backing store to its CSS size × the pixel ratio; true when it changed (which clears it). */
export function fitCanvas(canvas: HTMLCanvasElement): boolean {
  const ratio = Math.min(window.devicePixelRatio || 1, MAX_PIXEL_RATIO);
  // Never 0: a canvas not laid out yet still gets a drawable (if invisible) store.
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width === width && canvas.height === height) return false;
  canvas.width = width;
  canvas.height = height;
  return true;
}
