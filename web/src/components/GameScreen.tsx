import { useEffect, useRef, useState } from "react";
import type { WorldSize } from "../../../shared/sim/worldSize";
import { debugOwnShots, debugShips, publishDebugSnapshot } from "../debugSnapshot";
import { attachKeyboard } from "../input/keyboard";
import { closeReason } from "../net/closeReason";
import type { GameSession, HudState } from "../../../client/GameSession";
import { followFocus, followView, initialCamera, type CameraState } from "../render/camera";
import { drawMinimap } from "../render/drawMinimap";
import { fitCanvas } from "../render/fitCanvas";
import { GameRenderer } from "../render/GameRenderer";
import { KillCamPainter } from "../render/KillCamPainter";
import { KillCamRecorder, type KillCamClip } from "../../../client/KillCam";
import { DebugOverlay } from "./DebugOverlay";
import { Hud } from "./Hud";
import { isTouchDevice, TouchControls } from "./TouchControls";
import { loadMuted, SoundEffects } from "../audio/SoundEffects";
import { GameSounds } from "../audio/GameSounds";
import "./gameScreen.css";

/** HUD refreshes per second: scores and ping change slowly; the canvas does the 60 fps work. */
const HUD_REFRESH_MS = 250;

interface GameScreenProps {
  /** The joined room; its owner (App) leaves it when the view exits. */
  session: GameSession;
  /** Back to the lobby, with a reason when the game ended by itself. */
  onExit(reason?: string): void;
}

/**
 * Draws the session at the screen's frame rate and feeds it the keyboard; effects here may run twice
 * (StrictMode), so the room itself is not owned here. The field canvas covers the window; the
 * camera follows the own ship over it; the minimap, a canvas of its own, shows the whole field.
 */
export function GameScreen({ session, onExit }: GameScreenProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const minimapRef = useRef<HTMLCanvasElement>(null);
  const [hud, setHud] = useState<HudState | undefined>();
  // The kill-cam shown after a death: who it follows, in words; its canvas is drawn by the frame loop.
  const [killCam, setKillCam] = useState<string | undefined>();
  const killCamRef = useRef<HTMLCanvasElement>(null);
  const skipKillCam = useRef(false);
  const exitRef = useRef(onExit);
  // Keys held on the keyboard and on the touch controls: the session gets both at once.
  const keyboardKeys = useRef(0);
  const touchKeys = useRef(0);
  const [touch] = useState(isTouchDevice);
  const [muted, setMuted] = useState(loadMuted);
  const sound = useRef<SoundEffects | undefined>(undefined);
  useEffect(() => sound.current?.setMuted(muted), [muted]);
  // The latest onExit, for the long-lived effect below; refs are written after render, not during it.
  useEffect(() => {
    exitRef.current = onExit;
  }, [onExit]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext("2d");
    const minimap = minimapRef.current;
    const minimapCtx = minimap?.getContext("2d");
    if (!canvas || !ctx || !minimap || !minimapCtx) return;
    const renderer = new GameRenderer();
    const effects = new SoundEffects();
    sound.current = effects;
    const listener = new GameSounds(effects);
    // Browsers start audio on a gesture only; M mutes and unmutes (remembered).
    const onGesture = (event: Event) => {
      effects.unlock();
      if (event instanceof KeyboardEvent && event.code === "KeyK") skipKillCam.current = true;
      if (event instanceof KeyboardEvent && event.code === "KeyM" && !event.repeat) setMuted((value) => !value);
    };
    window.addEventListener("keydown", onGesture);
    window.addEventListener("pointerdown", onGesture);
    let camera: CameraState | undefined;
    let minimapWorld: WorldSize | undefined;
    let frames = 0;
    let explosionsSeen = 0;
    const killCamFrames = new KillCamRecorder();
    const killCamPainter = new KillCamPainter();
    let clip: KillCamClip | undefined;
    let killCamShown = 0;

    const stopClosed = session.onClosed((code) => exitRef.current(closeReason(code)));
    const detachKeys = attachKeyboard(window, {
      onKeys: (keys) => {
        keyboardKeys.current = keys;
        session.setKeys(keyboardKeys.current | touchKeys.current);
      },
      onEscape: () => exitRef.current(),
    });

    let animation = 0;
    const draw = (now: number) => {
      const { frame, events } = session.frame(now);
      // A ship out of view is not in frame.ships, but every player has a minimap blip.
      const colorOf = (id: string) =>
        (frame.ships.find((ship) => ship.id === id) ?? frame.blips.find((blip) => blip.id === id))?.color ?? "#ffffff";
      explosionsSeen += renderer.startEffects(events, colorOf, now);
      listener.frame(frame, events);
      killCamFrames.push(frame, events, now);
      const death = events.find((event) => event.kind === "shipDestroyed" && event.shipId === session.sessionId);
      if (death?.kind === "shipDestroyed") {
        // A rock has no ship to follow: the kill-cam follows your own.
        clip = killCamFrames.clip(death.killerId ?? session.sessionId, now);
        killCamPainter.reset();
        skipKillCam.current = false;
        killCamShown++;
        const killer = death.killerId === null ? undefined : frame.ships.find((ship) => ship.id === death.killerId)?.name;
        setKillCam(killer === undefined ? "your last seconds" : `following ${killer}`);
      }
      // Never in the way of the game: it ends at the respawn, or when skipped, whichever is first.
      const revived = frame.ships.some((ship) => ship.isLocal && ship.alive);
      const shot = clip && !skipKillCam.current && !revived ? clip.shotAt(now) : undefined;
      if (clip && !shot) {
        clip = undefined;
        setKillCam(undefined);
      }
      const killCamView = shot && killCamRef.current ? killCamPainter.draw(killCamRef.current, shot, now) : undefined;
      fitCanvas(canvas);
      camera = followFocus(camera ?? initialCamera(frame.world), frame.focus, frame.world, now);
      const view = followView(camera, canvas.width, canvas.height);
      renderer.render(ctx, frame, now, view);
      if (minimapWorld?.width !== frame.world.width || minimapWorld.height !== frame.world.height) {
        // The minimap has the field's shape; its CSS sets only its width.
        minimap.style.aspectRatio = `${frame.world.width} / ${frame.world.height}`;
        minimapWorld = frame.world;
      }
      fitCanvas(minimap);
      drawMinimap(minimapCtx, frame, view, { width: minimap.width, height: minimap.height });
      frames++;
      const minimapBox = minimap.getBoundingClientRect();
      publishDebugSnapshot({
        screen: "game",
        sessionId: session.sessionId,
        roomId: session.roomId,
        roomName: session.roomName,
        ships: debugShips(frame.ships),
        bullets: frame.bullets.length,
        ownShots: debugOwnShots(frame.bullets),
        asteroids: frame.asteroids.length,
        explosions: renderer.activeExplosions(),
        explosionsSeen,
        score: session.localScore(),
        pingMs: session.latestPingMs,
        frames,
        net: session.stats(now),
        netcode: { ...session.options },
        camera: { x: view.x, y: view.y, scale: view.scale, viewWidth: 2 * view.halfWidth, viewHeight: 2 * view.halfHeight },
        world: { width: frame.world.width, height: frame.world.height },
        blips: frame.blips.length,
        edgeMarkers: renderer.edgeMarkers(),
        minimap: { x: minimapBox.x, y: minimapBox.y, width: minimapBox.width, height: minimapBox.height },
        sound: { played: effects.played, muted: effects.muted, running: effects.running },
        killCam: {
          shown: killCamShown,
          following: clip?.followed,
          progress: shot?.progress,
          camera: killCamView && { x: killCamView.x, y: killCamView.y },
        },
      });
      animation = requestAnimationFrame(draw);
    };
    animation = requestAnimationFrame(draw);
    const hudTimer = setInterval(() => setHud(session.hud()), HUD_REFRESH_MS);

    return () => {
      cancelAnimationFrame(animation);
      clearInterval(hudTimer);
      detachKeys();
      stopClosed();
      window.removeEventListener("keydown", onGesture);
      window.removeEventListener("pointerdown", onGesture);
      effects.close();
      session.setKeys(0);
    };
  }, [session]);

  return (
    <div className={touch ? "game touch" : "game"}>
      {/* The field first: browser tests read the page's first canvas. */}
      <canvas ref={canvasRef} className="field" data-testid="field" />
      <canvas ref={minimapRef} className="minimap" data-testid="minimap" />
      {hud && <Hud hud={hud} />}
      <button
        type="button"
        className="mute"
        data-testid="mute"
        aria-label={muted ? "Unmute sound (M)" : "Mute sound (M)"}
        aria-pressed={muted}
        onClick={() => setMuted((value) => !value)}
      >
        {muted ? "🔇" : "🔊"}
      </button>
      {touch && (
        <TouchControls
          onKeys={(keys) => {
            touchKeys.current = keys;
            session.setKeys(keyboardKeys.current | touchKeys.current);
          }}
        />
      )}
      {killCam && (
        <div className="killcam" data-testid="killcam">
          <canvas ref={killCamRef} />
          <div className="killcam-label">
            Kill-cam, {killCam}{" "}
            <button type="button" data-testid="killcam-skip" onClick={() => (skipKillCam.current = true)}>
              Skip (K)
            </button>
          </div>
        </div>
      )}
      <DebugOverlay session={session} />
    </div>
  );
}
