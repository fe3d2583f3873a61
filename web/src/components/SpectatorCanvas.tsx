import { useEffect, useRef } from "react";
import { WORLD_HEIGHT, WORLD_WIDTH } from "../../../shared/constants";
import type { SpectatorWorld } from "../../../shared/dashboard";
import { spectatorFrame } from "../dashboard/spectatorFrame";
import { GameRenderer } from "../render/GameRenderer";

/** Draws a spectated room's newest world with the game's own renderer. */
export function SpectatorCanvas({ world }: { world: SpectatorWorld }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const renderer = useRef(new GameRenderer());

  useEffect(() => {
    const ctx = canvasRef.current?.getContext("2d");
    if (ctx) renderer.current.render(ctx, spectatorFrame(world), performance.now());
  }, [world]);

  return <canvas ref={canvasRef} className="spectator" width={WORLD_WIDTH} height={WORLD_HEIGHT} />;
}
