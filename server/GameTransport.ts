/**
 * The WebSocket transport with one fix for hostile frames. When a frame breaks the
 * protocol (over maxPayload, bad opcode, invalid UTF-8), `ws` sends a close frame but
 * stops reading, so it never sees the peer's reply and only frees the socket after its
 * 30 s close timeout; meanwhile the room still counts the client as connected.
 * Terminating at once lets the room see the leave immediately.
 */
import type http from "node:http";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type WebSocket from "ws";

/** Raw sockets closed for a protocol violation: their clients get no reconnection window. */
const violatingSockets = new WeakSet<object>();

export function closedForViolation(rawSocket: unknown): boolean {
  return typeof rawSocket === "object" && rawSocket !== null && violatingSockets.has(rawSocket);
}

export class GameTransport extends WebSocketTransport {
  protected override async onConnection(rawClient: WebSocket & { pingCount: number }, req: http.IncomingMessage, upgrade?: Parameters<WebSocketTransport["onConnection"]>[2]): Promise<void> {
    rawClient.on("error", () => {
      violatingSockets.add(rawClient);
      rawClient.terminate();
    });
    return super.onConnection(rawClient, req, upgrade);
  }
}
