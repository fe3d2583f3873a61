/**
 * Draws kill-cam shots (client/KillCam.ts) on their own canvas with a renderer of their
 * own, so the kill-cam's trails and explosions never mix with the live game's. The camera
 * follows the ship that did the killing, as the game's camera follows your own.
 */
import type { KillCamShot } from "../../../client/KillCam";
import { followFocus, followView, initialCamera, type CameraState, type CameraView } from "./camera";
import { fitCanvas } from "./fitCanvas";
import { GameRenderer } from "./GameRenderer";

export class KillCamPainter {
  private readonly renderer = new GameRenderer();
  private camera: CameraState | undefined;

  draw(canvas: HTMLCanvasElement, shot: KillCamShot, nowMs: number): CameraView | undefined {
    const ctx = canvas.getContext("2d");
    if (!ctx) return undefined;
    fitCanvas(canvas);
    const { frame } = shot;
    this.renderer.startEffects(shot.events, (id) => frame.ships.find((ship) => ship.id === id)?.color ?? "#ffffff", nowMs);
    this.camera = followFocus(this.camera ?? initialCamera(frame.world), frame.focus, frame.world, nowMs);
    const view = followView(this.camera, canvas.width, canvas.height);
    this.renderer.render(ctx, frame, nowMs, view);
    return view;
  }

  /** A new clip: no trails, effects or camera carried over from the last. */
  reset(): void {
    this.renderer.reset();
    this.camera = undefined;
  }
}
