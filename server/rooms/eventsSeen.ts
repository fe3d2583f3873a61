/**
 * Which of a patch's events a client is sent, and in what form. A ship's destruction
 * reaches everyone, since it feeds every kill feed and scoreboard, but only in full
 * (where, with which bullet) to the clients whose StateView holds that ship, and to the
 * killer and the victim; the rest get a KillNotice, about half the bytes. A rock's
 * destruction goes only to clients whose view holds that rock, the ones that can see
 * it break; with a full room shooting rocks everywhere, the rest would be bytes for
 * explosions nobody draws.
 */
import { getMessageBytes, Protocol, type Client } from "@colyseus/core";
import { ServerMessage, type EventSeen, type EventsMessage, type KillNotice } from "../../shared/net/messages";
import type { GameState } from "../../shared/net/schema";
import type { GameEvent } from "../../shared/sim/world";
import type { Viewer } from "./InterestManager";

/** Whole px are plenty to place an explosion, and cost 3 bytes a coordinate instead of 9. */
function placedToThePixel(event: GameEvent): GameEvent {
  return "x" in event ? { ...event, x: Math.round(event.x), y: Math.round(event.y) } : event;
}

/** One event in the forms a client may be sent it: in full, or (a kill) as a notice. */
interface EventForms {
  full: GameEvent;
  notice?: KillNotice;
}

function formsOf(event: GameEvent): EventForms {
  const full = placedToThePixel(event);
  return event.kind === "shipDestroyed" ? { full, notice: { kind: event.kind, shipId: event.shipId, killerId: event.killerId } } : { full };
}

/**
 * The form of `forms` that `viewer` gets, or undefined when it gets none; call before the
 * patch's mirror drops the destroyed rocks from the state.
 */
function formSeenBy(forms: EventForms, state: GameState, viewer: Viewer): EventSeen | undefined {
  const event = forms.full;
  if (event.kind === "shipDestroyed") {
    if (viewer.sessionId === event.shipId || viewer.sessionId === event.killerId) return event;
    const ship = state.ships.get(event.shipId);
    return ship !== undefined && viewer.view?.has(ship) ? event : forms.notice;
  }
  if (event.kind === "asteroidDestroyed") {
    const rock = state.asteroids.get(String(event.asteroidId));
    // A rock born and broken between two patches was never sent to anyone.
    return rock !== undefined && viewer.view?.has(rock) ? event : undefined;
  }
  return event;
}

/**
 * Sends each client the events it sees, right behind the next patch. Most clients see the
 * same few (the kill notices), so each distinct list is encoded once, as a broadcast would
 * be, not once per client.
 */
export function sendEventsSeen(clients: readonly Client[], events: readonly GameEvent[], tick: number, state: GameState): void {
  const forms = events.map(formsOf);
  const encoded = new Map<string, Uint8Array>();
  for (const client of clients) {
    const seen: EventSeen[] = [];
    let key = "";
    for (let i = 0; i < forms.length; i++) {
      const eventForms = forms[i]!;
      const form = formSeenBy(eventForms, state, client);
      if (form === undefined) continue;
      seen.push(form);
      key += form === eventForms.full ? `${i},` : `${i}n,`;
    }
    if (seen.length === 0) continue;
    let bytes = encoded.get(key);
    if (!bytes) {
      const message: EventsMessage = { tick, events: seen };
      bytes = getMessageBytes.raw(Protocol.ROOM_DATA, ServerMessage.Events, message);
      encoded.set(key, bytes);
    }
    client.enqueueRaw(bytes, { afterNextPatch: true });
  }
}
