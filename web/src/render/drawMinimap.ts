/**
 * The minimap: the whole field in a small canvas of its own, every player as a dot in
 * its color (yours larger, with a white ring; the dead dimmed), and the part of the field
 * your screen shows as a rectangle. Drawn every frame (the rectangle moves with the
 * camera); a hundred dots cost a few hundred path commands.
 */
import type { MinimapBlip, RenderFrame } from "../../../client/frame";
import type { WorldSize } from "../../../shared/sim/worldSize";
import { minimapPoint, minimapViewRects } from "./minimapGeometry";
import type { VisibleArea } from "./wrapCopies";

/** See-through, so the minimap reads as an overlay rather than a hole in the field. */
const MINIMAP_BACKGROUND = "rgba(6, 10, 20, 0.72)";
/** Dot radius as a share of the minimap's width, with a floor so a small minimap still shows dots. */
const DOT_RADIUS_SHARE = 0.012;
const MIN_DOT_RADIUS = 1.5;
/** Your own dot is this much larger, with a white ring around it. */
const LOCAL_DOT_SCALE = 1.6;
const LOCAL_RING_COLOR = "#ffffff";
const DEAD_ALPHA = 0.3;
const VIEW_RECT_COLOR = "rgba(255, 255, 255, 0.55)";

/** Draws the minimap over the whole of a canvas of `size` (backing-store px). */
export function drawMinimap(ctx: CanvasRenderingContext2D, frame: RenderFrame, area: VisibleArea, size: WorldSize): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.fillStyle = MINIMAP_BACKGROUND;
  ctx.fillRect(0, 0, size.width, size.height);

  const radius = Math.max(MIN_DOT_RADIUS, size.width * DOT_RADIUS_SHARE);
  ctx.lineWidth = Math.max(1, radius / 2);
  ctx.strokeStyle = VIEW_RECT_COLOR;
  for (const rect of minimapViewRects(area, size)) ctx.strokeRect(rect.x, rect.y, rect.width, rect.height);

  // The others first, your own dot last, on top of anyone next to you.
  let own: MinimapBlip | undefined;
  for (const blip of frame.blips) {
    if (blip.isLocal) own = blip;
    else drawDot(ctx, blip, frame.world, size, radius);
  }
  if (own) {
    const r = radius * LOCAL_DOT_SCALE;
    drawDot(ctx, own, frame.world, size, r);
    const { x, y } = minimapPoint(own.x, own.y, frame.world, size);
    ctx.globalAlpha = own.alive ? 1 : DEAD_ALPHA;
    ctx.strokeStyle = LOCAL_RING_COLOR;
    ctx.lineWidth = Math.max(1, r / 2);
    ctx.beginPath();
    ctx.arc(x, y, r + ctx.lineWidth, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

function drawDot(ctx: CanvasRenderingContext2D, blip: MinimapBlip, world: WorldSize, size: WorldSize, radius: number): void {
  const { x, y } = minimapPoint(blip.x, blip.y, world, size);
  ctx.globalAlpha = blip.alive ? 1 : DEAD_ALPHA;
  ctx.fillStyle = blip.color;
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, 2 * Math.PI);
  ctx.fill();
}
