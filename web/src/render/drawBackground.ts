/**
 * Dark space, the parallax star layers (starfield.ts) and a faint grid fixed to the field.
 * The grid moves exactly with the rocks and ships, the stars slower: together they show
 * the own ship's motion even where the field is empty. Drawn in the field transform
 * GameRenderer sets (field px around the camera): one fill per layer, one stroke for the grid.
 */
import { SCREEN_HEIGHT, SCREEN_WIDTH } from "../../../shared/constants";
import type { CameraView } from "./camera";
import { tileRange, type StarLayer } from "./starfield";

const SPACE_COLOR = "#04060c";
/**
 * Grid cell, field px: a quarter of a screen across, half a screen down (240 × 270, near
 * square). Every field is whole screens, so the lines meet seamlessly across the wrap.
 */
const GRID_CELL_WIDTH = SCREEN_WIDTH / 4;
const GRID_CELL_HEIGHT = SCREEN_HEIGHT / 2;
/** Faint: a sense of place and speed, not a board game. */
const GRID_COLOR = "rgba(120, 150, 210, 0.07)";
const GRID_LINE_WIDTH = 1;
/** Overdraw past the visible edges, field px, so rounding never leaves a seam at the canvas border. */
const BLEED = 2;

export function drawBackground(ctx: CanvasRenderingContext2D, sky: readonly StarLayer[], view: CameraView): void {
  const left = view.x - view.halfWidth - BLEED;
  const top = view.y - view.halfHeight - BLEED;
  const width = 2 * (view.halfWidth + BLEED);
  const height = 2 * (view.halfHeight + BLEED);
  ctx.globalAlpha = 1;
  ctx.fillStyle = SPACE_COLOR;
  ctx.fillRect(left, top, width, height);
  for (const layer of sky) drawLayer(ctx, layer, view);
  drawGrid(ctx, view, left, top, width, height);
}

/** One fill for all stars of a layer, its tile repeated over the screen at the layer's scroll. */
function drawLayer(ctx: CanvasRenderingContext2D, layer: StarLayer, view: CameraView): void {
  const across = tileRange(view.driftX * layer.parallax, view.halfWidth + BLEED, layer.tileWidth);
  const down = tileRange(view.driftY * layer.parallax, view.halfHeight + BLEED, layer.tileHeight);
  ctx.fillStyle = layer.color;
  ctx.beginPath();
  for (let j = down.first; j <= down.last; j++) {
    const tileTop = view.y + j * layer.tileHeight - down.phase;
    for (let i = across.first; i <= across.last; i++) {
      const tileLeft = view.x + i * layer.tileWidth - across.phase;
      for (const star of layer.stars) ctx.rect(tileLeft + star.x, tileTop + star.y, layer.size, layer.size);
    }
  }
  ctx.fill();
}

/** Lines at every multiple of the cell in the field coordinates around the camera: the field's own grid, wrap included. */
function drawGrid(ctx: CanvasRenderingContext2D, view: CameraView, left: number, top: number, width: number, height: number): void {
  ctx.strokeStyle = GRID_COLOR;
  ctx.lineWidth = GRID_LINE_WIDTH;
  ctx.beginPath();
  for (let x = Math.ceil(left / GRID_CELL_WIDTH) * GRID_CELL_WIDTH; x <= left + width; x += GRID_CELL_WIDTH) {
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
  }
  for (let y = Math.ceil(top / GRID_CELL_HEIGHT) * GRID_CELL_HEIGHT; y <= top + height; y += GRID_CELL_HEIGHT) {
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
  }
  ctx.stroke();
}
