/** How a new player (no seat to take back) is named and colored: as asked, else a default. */
import { cleanColor, cleanPlayerName, type JoinOptions } from "../../shared/net/joinOptions";
import { freeColor } from "../../shared/net/palette";

export interface PlayerLook {
  name: string;
  color: string;
}

/**
 * The name and color `options` ask for, cleaned, else "pilot-N" (the room's Nth join) and the
 * first palette color no player in `players` has.
 */
export function lookOfNewPlayer(options: JoinOptions, players: ReadonlyMap<string, { color: string }>, joined: number): PlayerLook {
  const name = cleanPlayerName(options.name) ?? `pilot-${joined}`;
  // The colors in use are gathered only when the player named none.
  const color = cleanColor(options.color) ?? freeColor(new Set(Array.from(players.values(), (player) => player.color)), joined - 1);
  return { name, color };
}
