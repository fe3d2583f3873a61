/**
 * Draws a playing replay on a canvas every animation frame with the game's renderer: the
 * followed ship through the game's own following camera, or the whole field. Explosions
 * and shattered rocks come from the events of the steps played through.
 */
import { useEffect, type RefObject } from "react";
import type { RenderShip } from "../../../client/frame";
import type { WorldSize } from "../../../shared/sim/worldSize";
import type { CameraView } from "../render/camera";
import { FramePainter } from "../render/FramePainter";
import type { ReplayPlayback } from "./ReplayPlayback";
import { replayFrame } from "./replayFrame";

/** What the page shows beside the canvas, refreshed from the loop. */
export interface ReplayFrameInfo {
  tick: number;
  view: CameraView;
  ships: RenderShip[];
}

export function useReplayCanvas(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  playback: ReplayPlayback | undefined,
  onFrame: (info: ReplayFrameInfo) => void,
): void {
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !playback) return;
    const painter = new FramePainter();
    const freeView = (world: WorldSize, width: number, height: number) => playback.freeCamera.view(world, width, height);
    let lastTick = playback.tick;
    let frameId = 0;
    const draw = (nowMs: number) => {
      frameId = requestAnimationFrame(draw);
      const { world, events } = playback.frame(nowMs);
      // A jump (a seek, or back to the start) leaves no trails or effects behind it.
      if (world.tick < lastTick || (events.length === 0 && world.tick - lastTick > 1)) painter.resetEffects();
      lastTick = world.tick;
      const frame = replayFrame(world, playback.ships(), playback.replayer.recording.header.roomName, playback.followed);
      const painted = painter.paint(canvas, frame, events, nowMs, freeView);
      if (painted) onFrame({ tick: world.tick, view: painted.view, ships: frame.ships });
    };
    frameId = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frameId);
  }, [canvasRef, playback, onFrame]);
}
