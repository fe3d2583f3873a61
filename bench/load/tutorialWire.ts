/**
 * The bots' wire to the reference TutorialRoom: one `{ keys, tick }` message every step, as
 * the tutorials' clients send, and the whole world read from plain number fields.
 */
import { ClientMessage } from "../../shared/net/messages";
import { ONE_SCREEN } from "../../shared/sim/worldSize";
import type { BotSight } from "../../loadtest/botBrain";
import type { BotWireFactory } from "../../loadtest/botWire";
import type { TutorialInput, TutorialState } from "./TutorialRoom";

export const tutorialWire: BotWireFactory = (room) => ({
  sendStep: (step, keys) => {
    const input: TutorialInput = { keys, tick: step };
    room.send(ClientMessage.Input, input);
  },
  read: (received, sessionId) => {
    const state = received as TutorialState;
    const others: BotSight["others"][number][] = [];
    let self: BotSight["self"];
    state.ships?.forEach((ship, id) => {
      if (id === sessionId) self = { x: ship.x, y: ship.y, angle: ship.angle, alive: ship.alive };
      else others.push({ x: ship.x, y: ship.y, alive: ship.alive });
    });
    // Before the first state the field has no size yet.
    const size = state.width > 0 ? { width: state.width, height: state.height } : ONE_SCREEN;
    return { sight: { self, others, size }, tick: state.tick };
  },
});
