/** What to tell the player when the room closed without them leaving, from the WebSocket close code. */
import { CloseCode } from "@colyseus/sdk";
import { ServerCloseCode } from "../../../shared/net/messages";

export function closeReason(code: number): string {
  switch (code) {
    case CloseCode.SERVER_SHUTDOWN:
      return "The server is restarting: pick a room again in a moment.";
    case ServerCloseCode.Flood:
      return "Disconnected: this client sent too many messages.";
    case ServerCloseCode.Backlog:
      return "Disconnected: the connection fell too far behind. Check your network and join again.";
    case ServerCloseCode.Junk:
    case 1009:
      return "Disconnected: this client sent something the server does not understand.";
    case CloseCode.FAILED_TO_RECONNECT:
    case CloseCode.ABNORMAL_CLOSURE:
    case CloseCode.GOING_AWAY:
      return "The connection to the server was lost and could not be restored. Pick a room to play again.";
    case CloseCode.WITH_ERROR:
      return "The room closed after an error on the server. Pick a room to play again.";
    default:
      return `The game ended: the connection closed (code ${code}). Pick a room to play again.`;
  }
}
