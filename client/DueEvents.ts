/**
 * The server's events, held until the render time reaches the tick they happened at: an
 * explosion is drawn when the interpolated world shows the moment it belongs to, not a
 * hundred milliseconds before the ship it destroys gets there.
 */
import { TICK_MS } from "../shared/constants";
import type { EventSeen, EventsMessage } from "../shared/net/messages";

export class DueEvents {
  private readonly pending: Array<{ t: number; event: EventSeen }> = [];

  add(batch: EventsMessage): void {
    for (const event of batch.events) this.pending.push({ t: batch.tick * TICK_MS, event });
  }

  /** The events at or before server time `renderTime` (ms), oldest first; they are handed out once. */
  takeDue(renderTime: number): EventSeen[] {
    let due = 0;
    while (due < this.pending.length && this.pending[due]!.t <= renderTime) due++;
    return this.pending.splice(0, due).map((pending) => pending.event);
  }
}
