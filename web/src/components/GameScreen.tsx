import { useEffect, useRef, useState } from "react";
import type { GameSession } from "../../../client/GameSession";
import type { HudState } from "../../../client/hudState";
import type { KillCamDirector } from "../../../client/KillCamDirector";
import { attachKeyboard } from "../input/keyboard";
import { closeReason } from "../net/closeReason";
import { GameScreenPainter } from "../render/GameScreenPainter";
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
  const killCamDirector = useRef<KillCamDirector | undefined>(undefined);
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
    const field = canvasRef.current;
    const minimap = minimapRef.current;
    if (!field || !minimap) return;
    const effects = new SoundEffects();
    sound.current = effects;
    const painter = new GameScreenPainter(session, new GameSounds(effects), effects);
    killCamDirector.current = painter.killCam;
    // Browsers start audio on a gesture only; M mutes and unmutes (remembered).
    const onGesture = (event: Event) => {
      effects.unlock();
      if (event instanceof KeyboardEvent && event.code === "KeyK") painter.killCam.skip();
      if (event instanceof KeyboardEvent && event.code === "KeyM" && !event.repeat) setMuted((value) => !value);
    };
    window.addEventListener("keydown", onGesture);
    window.addEventListener("pointerdown", onGesture);

    const stopClosed = session.onClosed((code) => exitRef.current(closeReason(code)));
    const detachKeys = attachKeyboard(window, {
      onKeys: (keys) => {
        keyboardKeys.current = keys;
        session.setKeys(keyboardKeys.current | touchKeys.current);
      },
      onEscape: () => exitRef.current(),
    });

    let animation = 0;
    let killCamLabel: string | undefined;
    const draw = (now: number) => {
      const label = painter.draw({ field, minimap, killCam: killCamRef.current }, now);
      if (label !== killCamLabel) {
        killCamLabel = label;
        setKillCam(label);
      }
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
            <button type="button" data-testid="killcam-skip" onClick={() => killCamDirector.current?.skip()}>
              Skip (K)
            </button>
          </div>
        </div>
      )}
      <DebugOverlay session={session} />
    </div>
  );
}
