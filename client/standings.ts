/**
 * The scoreboard of a room of up to 100: the leaders, and the player's own row with its
 * rank when it is not among them, so the list fits the screen at any room size.
 */

/** Rows shown before the player's own: the top of the table. */
const SCOREBOARD_TOP = 10;

export interface ScoreLine {
  id: string;
  name: string;
  color: string;
  score: number;
  alive: boolean;
  connected: boolean;
}

export interface RankedLine extends ScoreLine {
  /** 1 for the leader; equal scores share no rank (ties are broken by name). */
  rank: number;
  /** The local player's own row. */
  own: boolean;
}

export interface Standings {
  /** The leaders, best first. */
  top: RankedLine[];
  /** The local player's row when it is not in `top`. */
  own: RankedLine | undefined;
  /** Everyone in the room. */
  players: number;
}

/** Ranks `lines` (any order) by score, then name, and keeps the top `size` plus the player's own row. */
export function standingsOf(lines: readonly ScoreLine[], ownId: string, size = SCOREBOARD_TOP): Standings {
  const ranked = [...lines]
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .map((line, i) => ({ ...line, rank: i + 1, own: line.id === ownId }));
  const top = ranked.slice(0, size);
  const own = top.some((line) => line.own) ? undefined : ranked.find((line) => line.own);
  return { top, own, players: ranked.length };
}
