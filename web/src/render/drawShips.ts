/**
 * Ships: the original's arrow in the player's color, filling up from the tail as the shot
 * charges, with a flame while thrusting and a blink while spawn-protected; and, in a
 * separate pass drawn last, the upright name labels. Dead ships are not drawn: their
 * explosion (drawEffects.ts) stands in for them.
 */
import { NAME_MAX_LENGTH, SHIP_BOUND_RADIUS } from "../../../shared/constants";
import { Key, isHeld } from "../../../shared/sim/input";
import { addRotatedPolygon } from "./canvasPath";
import type { RenderShip } from "../../../client/frame";
import { hashId } from "./hashId";
import {
  CHARGE_FILL_MAX_VERTICES,
  FLAME_BASE,
  FLAME_FLICKER,
  HULL_TAIL_X,
  HULL_XS,
  HULL_YS,
  chargeFillPolygon,
  flameLength,
  protectionAlpha,
} from "./shipShape";
import { computeWrapOffsets, type VisibleArea, type WrapOffsets } from "./wrapCopies";

const HULL_LINE_WIDTH = 1.5;
/** The local ship's outline is thicker, with a white line inside it: findable among 100 ships. */
const LOCAL_HULL_LINE_WIDTH = 3.5;
const LOCAL_HIGHLIGHT_COLOR = "#ffffff";
const LOCAL_HIGHLIGHT_WIDTH = 1;
/** A light tint inside every hull, so the charge fill has something to fill up against. */
const HULL_FILL_ALPHA = 0.15;
const CHARGE_FILL_ALPHA = 0.85;

/** Flame half-width at the tail, px (the tail edge is 32 px tall). */
const FLAME_HALF_WIDTH = 7;
const FLAME_COLOR = "#ffab40";
const FLAME_CORE_COLOR = "#fff59d";
/** The inner flame's size relative to the outer one. */
const FLAME_CORE_SCALE = 0.5;

/** Hull + flame + miter tips, px: the bounds for wrap copies. */
const SHIP_DRAW_EXTENT = Math.max(SHIP_BOUND_RADIUS, -HULL_TAIL_X + FLAME_BASE + FLAME_FLICKER) + 2 * LOCAL_HULL_LINE_WIDTH;

const LABEL_FONT_PX = 12;
const LABEL_FONT = `${LABEL_FONT_PX}px system-ui, sans-serif`;
const LOCAL_LABEL_FONT = `bold ${LABEL_FONT_PX}px system-ui, sans-serif`;
const LABEL_COLOR = "#dfe6ee";
const LOCAL_LABEL_COLOR = "#ffffff";
/** A dark outline keeps names readable over rocks, trails and bright ships. */
const LABEL_OUTLINE_COLOR = "rgba(0, 0, 0, 0.85)";
const LABEL_OUTLINE_WIDTH = 3;
/** Label baseline above the ship's centre, px: clears the nose (32 px) when it points straight up. */
const LABEL_RISE = 38;
/** Widest possible label: a full-width glyph is about 1 em, so NAME_MAX_LENGTH em at most. */
const LABEL_HALF_WIDTH = (NAME_MAX_LENGTH * LABEL_FONT_PX) / 2;
/** Half the label's height with descenders and outline, px. */
const LABEL_HALF_HEIGHT = LABEL_FONT_PX / 2 + LABEL_OUTLINE_WIDTH;

/** hashId's range: 2^32. */
const UINT32_RANGE = 2 ** 32;

// Scratch buffers reused by every ship: drawing allocates nothing per frame.
const fillXs = new Float64Array(CHARGE_FILL_MAX_VERTICES);
const fillYs = new Float64Array(CHARGE_FILL_MAX_VERTICES);
const flameXs = new Float64Array(3);
const flameYs = new Float64Array(3);

export function drawShipHulls(
  ctx: CanvasRenderingContext2D,
  ships: readonly RenderShip[],
  nowMs: number,
  area: VisibleArea,
  offsets: WrapOffsets,
): void {
  ctx.lineJoin = "miter";
  for (const ship of ships) {
    if (!ship.alive) continue;
    const copies = computeWrapOffsets(ship.x, ship.y, SHIP_DRAW_EXTENT, SHIP_DRAW_EXTENT, area, offsets);
    if (copies === 0) continue;
    const cos = Math.cos(ship.angle);
    const sin = Math.sin(ship.angle);
    const alpha = ship.protected ? protectionAlpha(nowMs) : 1;
    const fillCount = chargeFillPolygon(ship.charge, fillXs, fillYs);
    const flame = isHeld(ship.keys, Key.Up) ? flameLength(nowMs, flickerPhase(ship.id)) : 0;
    for (let k = 0; k < copies; k++) {
      const cx = ship.x + offsets.dx[k]!;
      const cy = ship.y + offsets.dy[k]!;
      if (flame > 0) drawFlame(ctx, flame, cx, cy, cos, sin, alpha);
      drawHull(ctx, ship, fillCount, cx, cy, cos, sin, alpha);
    }
  }
  ctx.globalAlpha = 1;
}

/** A per-ship angle in [0, 2π) from its id, so flames do not flicker in step. */
function flickerPhase(id: string): number {
  return (hashId(id) / UINT32_RANGE) * 2 * Math.PI;
}

function drawFlame(ctx: CanvasRenderingContext2D, length: number, cx: number, cy: number, cos: number, sin: number, alpha: number): void {
  ctx.globalAlpha = alpha;
  setFlame(length, FLAME_HALF_WIDTH);
  ctx.fillStyle = FLAME_COLOR;
  ctx.beginPath();
  addRotatedPolygon(ctx, flameXs, flameYs, 3, cx, cy, cos, sin);
  ctx.fill();
  setFlame(length * FLAME_CORE_SCALE, FLAME_HALF_WIDTH * FLAME_CORE_SCALE);
  ctx.fillStyle = FLAME_CORE_COLOR;
  ctx.beginPath();
  addRotatedPolygon(ctx, flameXs, flameYs, 3, cx, cy, cos, sin);
  ctx.fill();
}

/** A triangle pointing backwards from the middle of the tail edge. */
function setFlame(length: number, halfWidth: number): void {
  flameXs[0] = HULL_TAIL_X;
  flameYs[0] = -halfWidth;
  flameXs[1] = HULL_TAIL_X - length;
  flameYs[1] = 0;
  flameXs[2] = HULL_TAIL_X;
  flameYs[2] = halfWidth;
}

function drawHull(
  ctx: CanvasRenderingContext2D,
  ship: RenderShip,
  fillCount: number,
  cx: number,
  cy: number,
  cos: number,
  sin: number,
  alpha: number,
): void {
  ctx.fillStyle = ship.color;
  ctx.strokeStyle = ship.color;
  ctx.globalAlpha = alpha * HULL_FILL_ALPHA;
  ctx.beginPath();
  addRotatedPolygon(ctx, HULL_XS, HULL_YS, HULL_XS.length, cx, cy, cos, sin);
  ctx.fill();
  if (fillCount > 0) {
    ctx.globalAlpha = alpha * CHARGE_FILL_ALPHA;
    ctx.beginPath();
    addRotatedPolygon(ctx, fillXs, fillYs, fillCount, cx, cy, cos, sin);
    ctx.fill();
    // The hull path is rebuilt for the outline below.
    ctx.beginPath();
    addRotatedPolygon(ctx, HULL_XS, HULL_YS, HULL_XS.length, cx, cy, cos, sin);
  }
  ctx.globalAlpha = alpha;
  ctx.lineWidth = ship.isLocal ? LOCAL_HULL_LINE_WIDTH : HULL_LINE_WIDTH;
  ctx.stroke();
  if (ship.isLocal) {
    ctx.strokeStyle = LOCAL_HIGHLIGHT_COLOR;
    ctx.lineWidth = LOCAL_HIGHLIGHT_WIDTH;
    ctx.stroke();
  }
}

/** Name labels, upright above each live ship; the local player's is drawn last, bold, on top. */
export function drawShipLabels(ctx: CanvasRenderingContext2D, ships: readonly RenderShip[], area: VisibleArea, offsets: WrapOffsets): void {
  ctx.globalAlpha = 1;
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  ctx.lineJoin = "round";
  ctx.lineWidth = LABEL_OUTLINE_WIDTH;
  ctx.strokeStyle = LABEL_OUTLINE_COLOR;
  ctx.font = LABEL_FONT;
  ctx.fillStyle = LABEL_COLOR;
  for (const ship of ships) {
    if (ship.alive && !ship.isLocal) drawLabel(ctx, ship, area, offsets);
  }
  ctx.font = LOCAL_LABEL_FONT;
  ctx.fillStyle = LOCAL_LABEL_COLOR;
  for (const ship of ships) {
    if (ship.alive && ship.isLocal) drawLabel(ctx, ship, area, offsets);
  }
}

function drawLabel(ctx: CanvasRenderingContext2D, ship: RenderShip, area: VisibleArea, offsets: WrapOffsets): void {
  const baseline = ship.y - LABEL_RISE;
  const middle = baseline - LABEL_FONT_PX / 2;
  const copies = computeWrapOffsets(ship.x, middle, LABEL_HALF_WIDTH, LABEL_HALF_HEIGHT, area, offsets);
  for (let k = 0; k < copies; k++) {
    const lx = ship.x + offsets.dx[k]!;
    const ly = baseline + offsets.dy[k]!;
    ctx.strokeText(ship.name, lx, ly);
    ctx.fillText(ship.name, lx, ly);
  }
}
