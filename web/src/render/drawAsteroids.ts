/** Asteroids: irregular outlines (rockShape.ts), rotated, drawn at each copy the camera sees (wrapCopies.ts). */
import { addRotatedPolygon } from "./canvasPath";
import type { RenderAsteroid } from "../../../client/frame";
import type { RockShapes } from "./rockShape";
import { computeWrapOffsets, type VisibleArea, type WrapOffsets } from "./wrapCopies";

const ROCK_STROKE = "#b8bcc6";
/** A near-black fill hides the stars behind a rock, so it reads as solid. */
const ROCK_FILL = "#10131a";
const ROCK_LINE_WIDTH = 1.5;

/** All rocks share one style, so they go into a single path: one fill and one stroke per frame. */
export function drawAsteroids(
  ctx: CanvasRenderingContext2D,
  asteroids: readonly RenderAsteroid[],
  shapes: RockShapes,
  area: VisibleArea,
  offsets: WrapOffsets,
): void {
  if (asteroids.length === 0) return;
  ctx.globalAlpha = 1;
  ctx.beginPath();
  for (const rock of asteroids) {
    const shape = shapes.get(rock.id, rock.size);
    const cos = Math.cos(rock.angle);
    const sin = Math.sin(rock.angle);
    const extent = shape.boundRadius + ROCK_LINE_WIDTH;
    const copies = computeWrapOffsets(rock.x, rock.y, extent, extent, area, offsets);
    for (let k = 0; k < copies; k++) {
      addRotatedPolygon(ctx, shape.xs, shape.ys, shape.count, rock.x + offsets.dx[k]!, rock.y + offsets.dy[k]!, cos, sin);
    }
  }
  ctx.fillStyle = ROCK_FILL;
  ctx.fill();
  ctx.strokeStyle = ROCK_STROKE;
  ctx.lineWidth = ROCK_LINE_WIDTH;
  ctx.lineJoin = "round";
  ctx.stroke();
}
