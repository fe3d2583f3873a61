/**
 * Paints frames on one canvas: fits the canvas to its box, starts the frame's effects, moves
 * the camera and renders. The game's field, the kill-cam inset and the replay page each own
 * one, so each keeps its own trails, effects and camera and the three cannot drift apart in
 * how they draw a frame.
 */
import type { EventSeen } from "../../../shared/net/messages";
import type { WorldSize } from "../../../shared/sim/worldSize";
import type { RenderFrame } from "../../../client/frame";
import { followFocus, followView, initialCamera, type CameraState, type CameraView } from "./camera";
import { fitCanvas } from "./fitCanvas";
import { GameRenderer } from "./GameRenderer";

/** The view to draw when the frame has no focus (the replay's free camera); without it the camera stays where it was. */
export type UnfocusedView = (world: WorldSize, canvasWidth: number, canvasHeight: number) => CameraView;

/** What one paint did. */
export interface PaintedFrame {
  view: CameraView;
  /** Ship explosions started by this frame's events. */
  explosionsStarted: number;
}

/** Effects take the color of the ship they belong to: a ship in view, else its minimap blip; white when neither is known. */
function colorIn(frame: RenderFrame): (shipId: string) => string {
  return (id) => (frame.ships.find((ship) => ship.id === id) ?? frame.blips.find((blip) => blip.id === id))?.color ?? "#ffffff";
}

export class FramePainter {
  private readonly renderer = new GameRenderer();
  private camera: CameraState | undefined;

  /** Paints `frame` with the effects of `events`; undefined when the canvas has no 2D context. */
  paint(
    canvas: HTMLCanvasElement,
    frame: RenderFrame,
    events: readonly EventSeen[],
    nowMs: number,
    unfocused?: UnfocusedView,
  ): PaintedFrame | undefined {
    const ctx = canvas.getContext("2d");
    if (!ctx) return undefined;
    fitCanvas(canvas);
    const explosionsStarted = this.renderer.startEffects(events, colorIn(frame), nowMs);
    const view = this.viewOf(frame, nowMs, canvas.width, canvas.height, unfocused);
    this.renderer.render(ctx, frame, nowMs, view);
    return { view, explosionsStarted };
  }

  /** Explosions still showing (debug snapshot). */
  activeExplosions(): number {
    return this.renderer.activeExplosions();
  }

  /** Edge markers drawn by the last paint (debug snapshot). */
  edgeMarkers(): number {
    return this.renderer.edgeMarkers();
  }

  /** A jump in time (a replay's seek or fast play): no trails or effects carried over; the camera keeps following. */
  resetEffects(): void {
    this.renderer.reset();
  }

  /** A new scene (a new kill-cam clip): no trails, effects or camera carried over. */
  reset(): void {
    this.resetEffects();
    this.camera = undefined;
  }

  private viewOf(frame: RenderFrame, nowMs: number, width: number, height: number, unfocused: UnfocusedView | undefined): CameraView {
    if (!frame.focus && unfocused) {
      // Following starts afresh (a jump to the ship) when a focus comes back.
      this.camera = undefined;
      return unfocused(frame.world, width, height);
    }
    this.camera = followFocus(this.camera ?? initialCamera(frame.world), frame.focus, frame.world, nowMs);
    return followView(this.camera, width, height);
  }
}
