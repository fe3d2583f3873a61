/**
 * How a bot speaks to its room: how each input step goes out, and what the bot reads from
 * the state it is sent. netroids's own wire is the browser's (client/InputSender.ts, the
 * compact public pose, the minimap); the load bench's reference room speaks another
 * (bench/load/tutorialWire.ts), and the same bot brains play both.
 */
import type { Room } from "@colyseus/sdk";
import { InputSender } from "../client/InputSender";
import { ClientMessage } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { decodeMapCell, readPublicShip, worldSizeOf } from "../shared/net/wire";
import { ONE_SCREEN } from "../shared/sim/worldSize";
import type { BotSight } from "./botBrain";

/** What a bot takes from one state: what it sees, and the tick the state is at. */
interface BotView {
  sight: BotSight;
  tick: number;
}

export interface BotWire {
  /** Sends step `step`, made holding `keys` while drawing the others at tick `seen`. */
  sendStep(step: number, keys: number, seen: number | undefined): void;
  /** What the bot with `sessionId` sees in `state`. */
  read(state: unknown, sessionId: string): BotView;
}

/** Makes the wire of one bot's room. */
export type BotWireFactory = (room: Room) => BotWire;

/** The browser client's wire: key changes and heartbeats up; down, its own ship exact, the rest as public poses or minimap dots. */
export const netroidsWire: BotWireFactory = (room) => {
  const sender = new InputSender((message) => room.send(ClientMessage.Input, message));
  return {
    sendStep: (step, keys, seen) => sender.push(step, keys, seen),
    read: (state, sessionId) => {
      // As the page does: the server's round-trip probe is echoed once, with the next step (server/rooms/RoundTrips.ts).
      sender.echo((state as GameState).ships?.get(sessionId)?.probe ?? 0);
      return readNetroidsState(state as GameState, sessionId);
    },
  };
};

function readNetroidsState(state: GameState, sessionId: string): BotView {
  const size = worldSizeOf(state) ?? ONE_SCREEN;
  const others: BotSight["others"][number][] = [];
  let self: BotSight["self"];
  // A collection nothing of which is in the bot's view (or a room without views) may be absent.
  state.ships?.forEach((ship, id) => {
    if (id === sessionId) self = { x: ship.x, y: ship.y, angle: ship.angle, alive: ship.alive };
    else {
      // Other ships in view arrive as the compact public pose only.
      const { x, y } = readPublicShip(ship, state.tick);
      others.push({ x, y, alive: ship.alive });
    }
  });
  // Ships out of view: where the minimap shows them, as a player would chase a dot.
  state.players?.forEach((player, id) => {
    if (id !== sessionId && !state.ships?.has(id))
      others.push({ x: decodeMapCell(player.mapX, size.width), y: decodeMapCell(player.mapY, size.height), alive: player.alive });
  });
  return { sight: { self, others, size }, tick: state.tick };
}
