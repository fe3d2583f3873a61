/**
 * What the HUD shows: the room, the scores and the local player's status, read from the
 * newest state (not delayed), with the kill feed and the link's state the session keeps.
 */
import type { GameState } from "../shared/net/schema";
import { readPublicShip } from "../shared/net/wire";
import { describeOwnDeath, type Death } from "./killFeed";
import { standingsOf, type ScoreLine, type Standings } from "./standings";

export interface HudState {
  roomName: string;
  score: number;
  pingMs: number | undefined;
  alive: boolean;
  respawnIn: number;
  /** The leaders and the player's own row (see standings). */
  standings: Standings;
  /** The latest kills, oldest first ("Ann destroyed Ben"). */
  killFeed: string[];
  /** While dead: how ("Destroyed by Ann", "You hit a rock"). */
  death: string | undefined;
  /** While the link is down: seconds left before the server gives the seat up; undefined while connected. */
  reconnectingIn: number | undefined;
}

/** What the session knows beside the room's state. */
export interface HudSources {
  state: GameState;
  sessionId: string;
  roomName: string;
  pingMs: number | undefined;
  /** The latest kills, oldest first. */
  killFeed: string[];
  lastDeath(shipId: string): Death | undefined;
  reconnectingIn: number | undefined;
}

export function hudStateOf({ state, sessionId, roomName, pingMs, killFeed, lastDeath, reconnectingIn }: HudSources): HudState {
  const lines: ScoreLine[] = [];
  // Until the first full state arrives (a slow link, a proxy), the SDK's state has no fields yet.
  if ((state.players as typeof state.players | undefined) === undefined) {
    const standings = standingsOf(lines, sessionId);
    return { roomName, score: 0, pingMs, alive: true, respawnIn: 0, standings, killFeed, death: undefined, reconnectingIn };
  }
  state.players.forEach((player, id) => {
    lines.push({ id, name: player.name, color: player.color, score: player.score, alive: player.alive, connected: player.connected });
  });
  const own = state.ships.get(sessionId);
  const alive = own?.alive ?? true;
  const death = alive ? undefined : lastDeath(sessionId);
  return {
    roomName,
    score: state.players.get(sessionId)?.score ?? 0,
    pingMs,
    alive,
    respawnIn: own ? readPublicShip(own, state.tick).respawnIn : 0,
    standings: standingsOf(lines, sessionId),
    killFeed,
    death: death && describeOwnDeath(death),
    reconnectingIn,
  };
}
