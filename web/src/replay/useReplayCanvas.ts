/**
 * Draws a playing replay on a canvas every animation frame with the game's renderer: the
 * followed ship through the game's own following camera, or the whole field. Explosions
 * and shattered rocks come from the events of the steps played through.
 */
import { useEffect, type RefObject } from "react";
import type { RenderShip } from "../../../client/frame";
import { followFocus, followView, initialCamera, type CameraState, type CameraView } from "../render/camera";
import { fitCanvas } from "../render/fitCanvas";
import { GameRenderer } from "../render/GameRenderer";
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
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx || !playback) return;
    const renderer = new GameRenderer();
    const { width, height } = playback.replayer.recording.header;
    const field = { width, height };
    let camera: CameraState = initialCamera(field);
    let lastTick = playback.tick;
    let frameId = 0;
    const draw = (nowMs: number) => {
      frameId = requestAnimationFrame(draw);
      fitCanvas(canvas);
      const { world, events } = playback.frame(nowMs);
      // A jump (a seek, or back to the start) leaves no trails or effects behind it.
      if (world.tick < lastTick || (events.length === 0 && world.tick - lastTick > 1)) renderer.reset();
      lastTick = world.tick;
      const frame = replayFrame(world, playback.ships(), playback.replayer.recording.header.roomName, playback.followed);
      const colorOf = new Map(frame.ships.map((ship) => [ship.id, ship.color]));
      renderer.startEffects(events, (id) => colorOf.get(id) ?? "#ffffff", nowMs);
      let view: CameraView;
      if (frame.focus) {
        camera = followFocus(camera, frame.focus, field, nowMs);
        view = followView(camera, canvas.width, canvas.height);
      } else {
        camera = initialCamera(field);
        view = playback.freeCamera.view(field, canvas.width, canvas.height);
      }
      renderer.render(ctx, frame, nowMs, view);
      onFrame({ tick: world.tick, view, ships: frame.ships });
    };
    frameId = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frameId);
  }, [canvasRef, playback, onFrame]);
}
