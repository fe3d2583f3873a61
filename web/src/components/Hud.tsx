import type { HudState } from "../../../engine/GameSession";

/** Score, ping, players and the scoreboard over the field; re-rendered a few times a second, not per frame. */
export function Hud({ hud }: { hud: HudState }) {
  return (
    <>
      <div className="hud-top" data-testid="hud">
        <span>{hud.roomName}</span>
        <span data-testid="score">score {hud.score}</span>
        <span data-testid="ping">ping {hud.pingMs === undefined ? "…" : `${Math.round(hud.pingMs)} ms`}</span>
        <span data-testid="players">{hud.scoreboard.length} players</span>
        <span className="hint">arrows fly · Space charge &amp; fire · Esc lobby</span>
      </div>
      <ol className="scoreboard" data-testid="scoreboard">
        {hud.scoreboard.map((line) => (
          <li key={line.id} className={line.alive ? "" : "dead"} data-ship-id={line.id}>
            <span className="dot" style={{ background: line.color }} />
            <span className="name">{line.name}</span>
            <span className="points">{line.score}</span>
            {!line.connected && <span className="away"> (reconnecting)</span>}
          </li>
        ))}
      </ol>
      {!hud.alive && (
        <div className="respawn" data-testid="respawn">
          Respawning in {Math.max(0, hud.respawnIn).toFixed(1)} s
        </div>
      )}
    </>
  );
}
