/**
 * Which of a patch's events a client is sent. A ship's destruction goes to everyone: it
 * feeds every kill feed and scoreboard. A rock's goes only to clients whose StateView
 * holds that rock, the ones that can see it break; with a full room shooting rocks
 * everywhere, the rest would be bytes for explosions nobody draws.
 */
import { getMessageBytes, Protocol, type Client } from "@colyseus/core";
import type { StateView } from "@colyseus/schema";
import { ServerMessage } from "../../shared/protocol";
import type { GameState } from "../../shared/schema";
import type { GameEvent } from "../../shared/world";

/** `events` as `view` should get them; call before the patch's mirror drops the destroyed rocks from the state. */
export function eventsSeen(events: readonly GameEvent[], state: GameState, view: StateView | undefined): GameEvent[] {
  return events.filter((event) => {
    if (event.kind !== "asteroidDestroyed") return true;
    const rock = state.asteroids.get(String(event.asteroidId));
    // A rock born and broken between two patches was never sent to anyone.
    return rock !== undefined && view !== undefined && view.has(rock);
  });
}

/**
 * Sends each client the events it sees, right behind the next patch. Most clients see the
 * same few (the kills), so each distinct list is encoded once, as a broadcast would be,
 * not once per client.
 */
export function sendEventsSeen(clients: readonly Client[], events: readonly GameEvent[], tick: number, state: GameState): void {
  const encoded = new Map<string, Uint8Array>();
  for (const client of clients) {
    const seen = eventsSeen(events, state, client.view);
    if (seen.length === 0) continue;
    const key = seen.map((event) => events.indexOf(event)).join(",");
    let bytes = encoded.get(key);
    if (!bytes) {
      bytes = getMessageBytes.raw(Protocol.ROOM_DATA, ServerMessage.Events, { tick, events: seen });
      encoded.set(key, bytes);
    }
    client.enqueueRaw(bytes, { afterNextPatch: true });
  }
}
