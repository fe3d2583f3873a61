/**
 * Explosions (a white flash, an expanding ring and sparks in the ship's color) and rock
 * debris (spinning grey fragments). Each particle is drawn at its copy nearest the camera,
 * so debris flying over an edge of the field comes back at the other side like everything else.
 */
import { nearCamera } from "./camera";
import { particleFade, particleTravel, type Burst } from "./particles";
import { computeWrapOffsets, type VisibleArea, type WrapOffsets } from "./wrapCopies";

const FLASH_COLOR = "#ffffff";
const FLASH_DURATION_MS = 90;
const FLASH_RADIUS = 22;
const FLASH_ALPHA = 0.7;
const RING_DURATION_MS = 400;
const RING_START_RADIUS = 6;
const RING_END_RADIUS = 60;
const RING_LINE_WIDTH = 2;
const RING_ALPHA = 0.8;
const FRAGMENT_LINE_WIDTH = 1.5;

export function drawEffects(
  ctx: CanvasRenderingContext2D,
  bursts: readonly Burst[],
  nowMs: number,
  area: VisibleArea,
  offsets: WrapOffsets,
): void {
  for (const burst of bursts) {
    // An effect started by a network callback may carry a time a hair after this frame's.
    const ageMs = Math.max(0, nowMs - burst.startMs);
    if (burst.kind === "explosion") {
      drawFlashAndRing(ctx, burst, ageMs, area, offsets);
      drawSparks(ctx, burst, ageMs, area);
    } else {
      drawFragments(ctx, burst, ageMs, area);
    }
  }
  ctx.globalAlpha = 1;
}

function drawFlashAndRing(ctx: CanvasRenderingContext2D, burst: Burst, ageMs: number, area: VisibleArea, offsets: WrapOffsets): void {
  if (ageMs >= RING_DURATION_MS) return;
  const { x, y } = burst;
  const progress = ageMs / RING_DURATION_MS;
  // Ease-out: the ring bursts fast, then slows, like the sparks under drag.
  const radius = RING_START_RADIUS + (RING_END_RADIUS - RING_START_RADIUS) * (1 - (1 - progress) ** 2);
  const copies = computeWrapOffsets(x, y, RING_END_RADIUS + RING_LINE_WIDTH, RING_END_RADIUS + RING_LINE_WIDTH, area, offsets);
  if (copies === 0) return;
  if (ageMs < FLASH_DURATION_MS) {
    ctx.globalAlpha = FLASH_ALPHA * (1 - ageMs / FLASH_DURATION_MS);
    ctx.fillStyle = FLASH_COLOR;
    circlesAt(ctx, x, y, FLASH_RADIUS, copies, offsets);
    ctx.fill();
  }
  ctx.globalAlpha = RING_ALPHA * (1 - progress);
  ctx.strokeStyle = burst.color;
  ctx.lineWidth = RING_LINE_WIDTH;
  circlesAt(ctx, x, y, radius, copies, offsets);
  ctx.stroke();
}

/** Starts a path of one circle per wrap copy of (x, y). */
function circlesAt(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number, copies: number, offsets: WrapOffsets): void {
  ctx.beginPath();
  for (let k = 0; k < copies; k++) {
    const cx = x + offsets.dx[k]!;
    const cy = y + offsets.dy[k]!;
    ctx.moveTo(cx + radius, cy);
    ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
  }
}

/** Calls `draw` for each particle of `burst` still visible, with its alpha set, at its position nearest the camera. */
function forEachLiveParticle(
  ctx: CanvasRenderingContext2D,
  burst: Burst,
  ageMs: number,
  area: VisibleArea,
  draw: (p: Burst["particles"][number], px: number, py: number) => void,
): void {
  const travel = particleTravel(ageMs);
  for (const p of burst.particles) {
    const fade = particleFade(ageMs, p.lifeMs);
    if (fade <= 0) continue;
    ctx.globalAlpha = fade;
    draw(p, nearCamera(area.x, burst.x + p.vx * travel, area.world.width), nearCamera(area.y, burst.y + p.vy * travel, area.world.height));
  }
}

function drawSparks(ctx: CanvasRenderingContext2D, burst: Burst, ageMs: number, area: VisibleArea): void {
  ctx.fillStyle = burst.color;
  forEachLiveParticle(ctx, burst, ageMs, area, (p, px, py) => ctx.fillRect(px - p.size / 2, py - p.size / 2, p.size, p.size));
}

function drawFragments(ctx: CanvasRenderingContext2D, burst: Burst, ageMs: number, area: VisibleArea): void {
  const ageS = ageMs / 1000;
  ctx.strokeStyle = burst.color;
  ctx.lineWidth = FRAGMENT_LINE_WIDTH;
  ctx.lineCap = "round";
  forEachLiveParticle(ctx, burst, ageMs, area, (p, px, py) => {
    // Each fragment starts along its flight direction and spins at its own rate.
    const angle = Math.atan2(p.vy, p.vx) + p.spin * ageS;
    const hx = (Math.cos(angle) * p.size) / 2;
    const hy = (Math.sin(angle) * p.size) / 2;
    ctx.beginPath();
    ctx.moveTo(px - hx, py - hy);
    ctx.lineTo(px + hx, py + hy);
    ctx.stroke();
  });
}
