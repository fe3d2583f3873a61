/**
 * Kills as the HUD tells them ("Ann destroyed Ben", "Ben hit a rock"), from the room's
 * shipDestroyed events and kill notices as the session releases them (at render time, with the explosion).
 * It keeps the latest few for a few seconds, and each ship's last death for its respawn
 * screen. Nothing here goes on the wire: the events already carry the killer.
 */
import type { KillNotice } from "../shared/net/messages";

/** Lines the feed shows at once: the newest kills, enough to follow a busy room without covering the field. */
export const KILL_FEED_LINES = 5;
/** How long a line stays, ms. */
export const KILL_FEED_SHOW_MS = 6000;

/** What the feed needs of a kill, which a full shipDestroyed event and a KillNotice both carry. */
type Kill = Pick<KillNotice, "shipId" | "killerId">;

/** How a ship died: by whom, or on a rock. */
export type Death = { by: string } | { rock: true };

/** "Ann destroyed Ben" or "Ben hit a rock". */
function describeKill(victim: string, death: Death): string {
  return "by" in death ? `${death.by} destroyed ${victim}` : `${victim} hit a rock`;
}

/** The respawn screen's line: "Destroyed by Ann" or "You hit a rock". */
export function describeOwnDeath(death: Death): string {
  return "by" in death ? `Destroyed by ${death.by}` : "You hit a rock";
}

export class KillFeed {
  private lines: Array<{ text: string; atMs: number }> = [];
  private readonly lastDeaths = new Map<string, Death>();

  /** Records one released event; `nameOf` names a ship (it may have left: then it is "someone"). */
  record(event: Kill, nameOf: (shipId: string) => string | undefined, atMs: number): void {
    const death: Death = event.killerId === null ? { rock: true } : { by: nameOf(event.killerId) ?? "someone" };
    this.lastDeaths.set(event.shipId, death);
    this.lines.push({ text: describeKill(nameOf(event.shipId) ?? "someone", death), atMs });
    if (this.lines.length > KILL_FEED_LINES) this.lines.splice(0, this.lines.length - KILL_FEED_LINES);
  }

  /** The lines still showing at `nowMs`, oldest first. */
  recent(nowMs: number): string[] {
    this.lines = this.lines.filter((line) => nowMs - line.atMs < KILL_FEED_SHOW_MS);
    return this.lines.map((line) => line.text);
  }

  /** How `shipId` last died, if it has. */
  lastDeathOf(shipId: string): Death | undefined {
    return this.lastDeaths.get(shipId);
  }
}
