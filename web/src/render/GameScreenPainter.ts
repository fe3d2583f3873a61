/**
 * Everything the game screen draws in a frame: the field through the own ship's camera, the
 * minimap, the kill-cam inset after a death; with the frame's sounds and the debug snapshot.
 * The game screen's component owns the canvases and calls `draw` from its animation loop.
 */
import type { WorldSize } from "../../../shared/sim/worldSize";
import type { GameSession } from "../../../client/GameSession";
import { KillCamDirector } from "../../../client/KillCamDirector";
import type { GameSounds } from "../audio/GameSounds";
import type { SoundEffects } from "../audio/SoundEffects";
import { publishGameSnapshot } from "../debugSnapshot";
import { drawMinimap } from "./drawMinimap";
import { fitCanvas } from "./fitCanvas";
import { FramePainter } from "./FramePainter";

export interface GameCanvases {
  field: HTMLCanvasElement;
  minimap: HTMLCanvasElement;
  /** The kill-cam's inset, while the page shows it. */
  killCam: HTMLCanvasElement | null;
}

export class GameScreenPainter {
  private readonly field = new FramePainter();
  private readonly killCamPainter = new FramePainter();
  readonly killCam = new KillCamDirector();
  private minimapWorld: WorldSize | undefined;
  private frames = 0;
  private explosionsSeen = 0;

  constructor(
    private readonly session: GameSession,
    private readonly sounds: GameSounds,
    private readonly effects: SoundEffects,
  ) {}

  /** Draws the session at `nowMs`; the kill-cam's label while one plays. */
  draw(canvases: GameCanvases, nowMs: number): string | undefined {
    const { session } = this;
    const { frame, events } = session.frame(nowMs);
    this.sounds.frame(frame, events);
    const killCam = this.killCam.update(frame, events, nowMs, session.sessionId);
    if (killCam?.started) this.killCamPainter.reset();
    const killCamView =
      killCam && canvases.killCam
        ? this.killCamPainter.paint(canvases.killCam, killCam.shot.frame, killCam.shot.events, nowMs)?.view
        : undefined;
    const painted = this.field.paint(canvases.field, frame, events, nowMs);
    if (!painted) return killCam?.label;
    this.explosionsSeen += painted.explosionsStarted;
    const { minimap } = canvases;
    const minimapCtx = minimap.getContext("2d");
    if (minimapCtx) {
      if (this.minimapWorld?.width !== frame.world.width || this.minimapWorld.height !== frame.world.height) {
        // The minimap has the field's shape; its CSS sets only its width.
        minimap.style.aspectRatio = `${frame.world.width} / ${frame.world.height}`;
        this.minimapWorld = frame.world;
      }
      fitCanvas(minimap);
      drawMinimap(minimapCtx, frame, painted.view, { width: minimap.width, height: minimap.height });
    }
    this.frames++;
    publishGameSnapshot({
      session,
      frame,
      nowMs,
      view: painted.view,
      frames: this.frames,
      explosions: this.field.activeExplosions(),
      explosionsSeen: this.explosionsSeen,
      edgeMarkers: this.field.edgeMarkers(),
      minimap: minimap.getBoundingClientRect(),
      sound: this.effects,
      killCam: { shown: this.killCam.shown, following: killCam?.followed, progress: killCam?.shot.progress, view: killCamView },
    });
    return killCam?.label;
  }
}
