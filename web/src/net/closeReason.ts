/** What to tell the player when the room closed without them leaving, from the WebSocket close code. */
import { CloseCode } from "@colyseus/sdk";

/**
 * Codes the game server closes with for misbehaviour or a dead link (server/rooms/MessageGuard.ts CLOSE_FLOOD,
 * server/transport/GameTransport.ts CLOSE_JUNK, CLOSE_BACKLOG).
 */
const CLOSE_FLOOD = 4429;
const CLOSE_JUNK = 4400;
const CLOSE_BACKLOG = 4408;

export function closeReason(code: number): string {
  switch (code) {
    case CloseCode.SERVER_SHUTDOWN:
      return "The server is restarting: pick a room again in a moment.";
    case CLOSE_FLOOD:
      return "Disconnected: this client sent too many messages.";
    case CLOSE_BACKLOG:
      return "Disconnected: the connection fell too far behind. Check your network and join again.";
    case CLOSE_JUNK:
    case 1009:
      return "Disconnected: this client sent something the server does not understand.";
    default:
      return `The game ended: connection closed (code ${code}).`;
  }
}
