/**
 * The WebSocket transport, with two additions.
 *
 * Hostile frames: when a frame breaks the protocol (over maxPayload, bad opcode,
 * invalid UTF-8), `ws` sends a close frame but stops reading, so it never sees the
 * peer's reply and only frees the socket after its 30 s close timeout; meanwhile the
 * room still counts the client as connected. Terminating at once lets the room see
 * the leave immediately.
 *
 * Accounting: every frame in and out of every socket is counted here, and the time
 * spent in the listeners of each incoming frame (Colyseus's decoding and the room's
 * message handler) is the "messages" phase of the tick-time split.
 */
import type http from "node:http";
import { performance } from "node:perf_hooks";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type WebSocket from "ws";
import { serverMetrics } from "./metrics/ServerMetrics";

/** Raw sockets closed for a protocol violation: their clients get no reconnection window. */
const violatingSockets = new WeakSet<object>();

export function closedForViolation(rawSocket: unknown): boolean {
  return typeof rawSocket === "object" && rawSocket !== null && violatingSockets.has(rawSocket);
}

type SocketData = Parameters<WebSocket["send"]>[0];

function byteLength(data: SocketData | WebSocket.RawData): number {
  if (typeof data === "string") return Buffer.byteLength(data);
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  if (ArrayBuffer.isView(data) || data instanceof ArrayBuffer) return data.byteLength;
  return 0;
}

/** Counts a socket's traffic into the process metrics and times the handling of what it receives. */
function instrument(socket: WebSocket): void {
  const totals = serverMetrics.totals;
  const send = socket.send.bind(socket) as (...args: unknown[]) => void;
  socket.send = ((data: SocketData, ...rest: unknown[]) => {
    totals.messagesOut++;
    totals.bytesOut += byteLength(data);
    send(data, ...rest);
  }) as WebSocket["send"];

  const emit = socket.emit.bind(socket);
  socket.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== "message") return emit(event, ...args);
    totals.messagesIn++;
    totals.bytesIn += byteLength(args[0] as WebSocket.RawData);
    const started = performance.now();
    try {
      return emit(event, ...args);
    } finally {
      totals.phaseSeconds.messages += (performance.now() - started) / 1000;
    }
  }) as WebSocket["emit"];
}

export class GameTransport extends WebSocketTransport {
  protected override async onConnection(rawClient: WebSocket & { pingCount: number }, req: http.IncomingMessage, upgrade?: Parameters<WebSocketTransport["onConnection"]>[2]): Promise<void> {
    rawClient.on("error", () => {
      violatingSockets.add(rawClient);
      rawClient.terminate();
    });
    instrument(rawClient);
    return super.onConnection(rawClient, req, upgrade);
  }
}
