import { useEffect, useRef, useState } from "react";
import { WORLD_HEIGHT, WORLD_WIDTH } from "../../../shared/constants";
import { publishDebugSnapshot } from "../debugSnapshot";
import { attachKeyboard } from "../input/keyboard";
import { closeReason } from "../net/closeReason";
import type { GameSession, HudState } from "../../../engine/GameSession";
import { GameRenderer } from "../render/GameRenderer";
import { DebugOverlay } from "./DebugOverlay";
import { Hud } from "./Hud";

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
 * (StrictMode), so the room itself is not owned here.
 */
export function GameScreen({ session, onExit }: GameScreenProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hud, setHud] = useState<HudState | undefined>();
  const exitRef = useRef(onExit);
  // The latest onExit, for the long-lived effect below; refs are written after render, not during it.
  useEffect(() => {
    exitRef.current = onExit;
  }, [onExit]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const renderer = new GameRenderer();
    let frames = 0;
    let explosionsSeen = 0;

    const stopClosed = session.onClosed((code) => exitRef.current(closeReason(code)));
    const detachKeys = attachKeyboard(window, { onKeys: (keys) => session.setKeys(keys), onEscape: () => exitRef.current() });

    let animation = 0;
    const draw = (now: number) => {
      const { frame, events } = session.frame(now);
      const colorOf = (id: string) => frame.ships.find((ship) => ship.id === id)?.color ?? "#ffffff";
      for (const event of events) {
        if (event.kind === "shipDestroyed") {
          renderer.explode(event.x, event.y, colorOf(event.shipId), now);
          explosionsSeen++;
        } else if (event.kind === "asteroidDestroyed") {
          renderer.shatter(event.x, event.y, event.size, now);
        }
      }
      renderer.render(ctx, frame, now);
      frames++;
      publishDebugSnapshot({
        screen: "game",
        sessionId: session.sessionId,
        roomId: session.roomId,
        roomName: session.roomName,
        ships: frame.ships.map(({ id, name, color, x, y, angle, alive }) => ({ id, name, color, x, y, angle, alive })),
        bullets: frame.bullets.length,
        asteroids: frame.asteroids.length,
        explosions: renderer.activeExplosions(),
        explosionsSeen,
        score: session.localScore(),
        pingMs: session.latestPingMs,
        frames,
        net: session.stats(now),
        netcode: { ...session.options },
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
      session.setKeys(0);
    };
  }, [session]);

  return (
    <div className="game">
      <canvas ref={canvasRef} width={WORLD_WIDTH} height={WORLD_HEIGHT} data-testid="field" />
      {hud && <Hud hud={hud} />}
      <DebugOverlay session={session} />
    </div>
  );
}
