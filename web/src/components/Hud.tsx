import type { HudState } from "../../../client/hudState";
import type { RankedLine } from "../../../client/standings";

/** "1 player", "2 players". */
function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function ScoreRow({ line }: { line: RankedLine }) {
  const classes = [line.alive ? "" : "dead", line.own ? "own" : ""].filter(Boolean).join(" ");
  return (
    <li className={classes} data-ship-id={line.id} data-rank={line.rank}>
      <span className="rank">{line.rank}</span>
      <span className="dot" style={{ background: line.color }} />
      <span className="name">{line.name}</span>
      <span className="points">{line.score}</span>
      {!line.connected && <span className="away"> (reconnecting)</span>}
    </li>
  );
}

/** Score, ping, players, the leaders with your own row, and the kill feed; re-rendered a few times a second, not per frame. */
export function Hud({ hud }: { hud: HudState }) {
  const { standings } = hud;
  return (
    <>
      <div className="hud-top" data-testid="hud">
        <span className="room-name">{hud.roomName}</span>
        <span data-testid="score">score {hud.score}</span>
        {hud.reconnectingIn === undefined ? (
          <span data-testid="ping">ping {hud.pingMs === undefined ? "…" : `${Math.round(hud.pingMs)} ms`}</span>
        ) : (
          // The last ping means nothing while the link is down: say what is happening, and for how long it may.
          <span className="reconnecting" data-testid="reconnecting" role="status">
            reconnecting… {Math.ceil(hud.reconnectingIn)} s
          </span>
        )}
        <span data-testid="players">{countOf(standings.players, "player")}</span>
        <span className="hint">arrows fly · Space charge &amp; fire · Esc lobby</span>
      </div>
      <ol className="scoreboard" data-testid="scoreboard">
        {standings.top.map((line) => (
          <ScoreRow key={line.id} line={line} />
        ))}
        {standings.own && (
          <li className="gap" aria-hidden="true">
            …
          </li>
        )}
        {standings.own && <ScoreRow line={standings.own} />}
      </ol>
      <ul className="kill-feed" data-testid="kill-feed" aria-live="polite">
        {hud.killFeed.map((text, i) => (
          <li key={`${i}:${text}`}>{text}</li>
        ))}
      </ul>
      {!hud.alive && (
        <div className="respawn" data-testid="respawn">
          {hud.death && <div data-testid="death">{hud.death}</div>}
          Respawning in {Math.max(0, hud.respawnIn).toFixed(1)} s
        </div>
      )}
    </>
  );
}
