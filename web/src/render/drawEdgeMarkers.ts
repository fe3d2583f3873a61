/** Small triangles in a ship's color at the screen's edge, pointing at ships just off screen (edgeMarkers.ts). */
import type { RenderShip } from "../../../client/frame";
import { addRotatedPolygon } from "./canvasPath";
import { edgeMarkers } from "./edgeMarkers";
import type { VisibleArea } from "./wrapCopies";

/** Marker in marker space, tip on +x at the placement point, field px: about a third of a ship. */
const MARKER_XS = Float64Array.of(0, -14, -14);
const MARKER_YS = Float64Array.of(0, -7, 7);
/** Distance from the screen's edge to the marker's tip, field px: the whole triangle stays on screen. */
const MARKER_INSET = 10;
/** A dark outline keeps a marker visible over a rock or a ship of the same color. */
const MARKER_OUTLINE = "rgba(0, 0, 0, 0.8)";
const MARKER_OUTLINE_WIDTH = 2;
/** Slightly see-through: a hint, not an object of the field. */
const MARKER_ALPHA = 0.85;

/** Draws the markers and returns how many (debug snapshot, browser tests). */
export function drawEdgeMarkers(ctx: CanvasRenderingContext2D, ships: readonly RenderShip[], area: VisibleArea): number {
  const markers = edgeMarkers(ships, area, MARKER_INSET);
  ctx.globalAlpha = MARKER_ALPHA;
  ctx.lineJoin = "round";
  ctx.lineWidth = MARKER_OUTLINE_WIDTH;
  ctx.strokeStyle = MARKER_OUTLINE;
  for (const marker of markers) {
    ctx.beginPath();
    addRotatedPolygon(ctx, MARKER_XS, MARKER_YS, MARKER_XS.length, marker.x, marker.y, Math.cos(marker.angle), Math.sin(marker.angle));
    ctx.fillStyle = marker.color;
    ctx.stroke();
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  return markers.length;
}
