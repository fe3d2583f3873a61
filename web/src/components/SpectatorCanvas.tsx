import { useEffect, useRef } from "react";
import type { SpectatorWorld } from "../../../shared/dashboard/dashboardApi";
import { spectatorFrame } from "../dashboard/spectatorFrame";
import { wholeFieldView } from "../render/camera";
import { GameRenderer } from "../render/GameRenderer";

/**
 * Backing-store width of the spectator canvas, px: twice its CSS width (720 px, styles.css),
 * sharp on a dense screen; a field narrower than this is drawn 1:1. A 3840 px field is
 * scaled down rather than given a store of 8 million px for a 720 px box.
 */
const MAX_BACKING_WIDTH = 1440;

/** Draws a spectated room's newest world, the whole field scaled to the canvas, with the game's own renderer. */
export function SpectatorCanvas({ world }: { world: SpectatorWorld }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef(new GameRenderer());

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    // The store has the field's shape, so the whole field fills it with no margin (CSS height follows it).
    const width = Math.round(Math.min(world.width, MAX_BACKING_WIDTH));
    const height = Math.round((width * world.height) / world.width);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const frame = spectatorFrame(world);
    renderer.current.render(ctx, frame, performance.now(), wholeFieldView(frame.world, width, height));
  }, [world]);

  return <canvas ref={canvasRef} className="spectator" />;
}
