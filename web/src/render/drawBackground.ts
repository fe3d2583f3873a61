/** Dark space and the static star field. */
import { WORLD_HEIGHT, WORLD_WIDTH } from "../../../shared/constants";
import { STAR_LEVELS, type Star } from "./starfield";

const SPACE_COLOR = "#04060c";
/** One colour per star level, faint to bright: dim enough not to be mistaken for bullets. */
const STAR_COLORS: readonly string[] = ["#2e3547", "#5a6580", "#a9b4cc"];

export function drawBackground(ctx: CanvasRenderingContext2D, stars: readonly Star[]): void {
  ctx.globalAlpha = 1;
  ctx.fillStyle = SPACE_COLOR;
  ctx.fillRect(0, 0, WORLD_WIDTH, WORLD_HEIGHT);
  // One fill per level rather than one per star.
  for (let level = 0; level < STAR_LEVELS; level++) {
    ctx.fillStyle = STAR_COLORS[level] ?? STAR_COLORS[0]!;
    ctx.beginPath();
    for (const star of stars) {
      if (star.level === level) ctx.rect(star.x, star.y, star.size, star.size);
    }
    ctx.fill();
  }
}
