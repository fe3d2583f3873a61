/**
 * The WebSocket transport, with three additions.
 *
 * Hostile frames: when a frame breaks the protocol (over maxPayload, bad opcode,
 * invalid UTF-8), `ws` sends a close frame but stops reading, so it never sees the
 * peer's reply and only frees the socket after its 30 s close timeout; meanwhile the
 * room still counts the client as connected. Terminating at once lets the room see
 * the leave immediately. The frame is counted as dropped ("oversize" or "junk").
 *
 * Junk: a frame that is no message our clients send (see frameKind) never reaches
 * Colyseus, which would ignore it uncounted. It is dropped and counted ("junk"), and
 * the socket is closed with CLOSE_JUNK: an honest SDK never sends one. Frames that
 * arrive while it closes are dropped and counted too.
 *
 * Accounting: every frame in and out of every socket is counted here, and the time
 * spent in the listeners of each incoming frame (Colyseus's decoding and the room's
 * message handler) is the "messages" phase of the tick-time split.
 */
import type http from "node:http";
import { performance } from "node:perf_hooks";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type WebSocket from "ws";
import { frameKind } from "./frameKind";
import { serverMetrics } from "./metrics/ServerMetrics";

/** Close code sent to a client whose frame is not a message of this game (application range 4000–4999). */
export const CLOSE_JUNK = 4400;
/** How long a socket closed for junk may take to answer the close before it is cut, ms: the room frees its seat then, not after ws's 30 s. */
const JUNK_CLOSE_GRACE_MS = 1000;

/** Why the transport dropped a frame: junk (see frameKind, or a frame ws rejects), or over the size limit. */
export type FrameDropReason = "junk" | "oversize";

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

function bytesOf(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** Drops and counts a junk frame; the first one closes its socket. */
function rejectJunk(socket: WebSocket): void {
  serverMetrics.countDropped("junk");
  if (violatingSockets.has(socket)) return;
  violatingSockets.add(socket);
  socket.close(CLOSE_JUNK, "junk: not a message of this game");
  const cut = setTimeout(() => socket.terminate(), JUNK_CLOSE_GRACE_MS);
  cut.unref();
  socket.once("close", () => clearTimeout(cut));
}

/** Counts a socket's traffic into the process metrics, filters out junk and times the handling of what it receives. */
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
    const data = args[0] as WebSocket.RawData;
    totals.messagesIn++;
    totals.bytesIn += byteLength(data);
    const started = performance.now();
    try {
      // Once a socket is closing for junk, nothing more of it reaches the room.
      if (violatingSockets.has(socket) || frameKind(bytesOf(data), args[1] === true) === "junk") {
        rejectJunk(socket);
        return false;
      }
      return emit(event, ...args);
    } finally {
      totals.phaseSeconds.messages += (performance.now() - started) / 1000;
    }
  }) as WebSocket["emit"];
}

export class GameTransport extends WebSocketTransport {
  protected override async onConnection(rawClient: WebSocket & { pingCount: number }, req: http.IncomingMessage, upgrade?: Parameters<WebSocketTransport["onConnection"]>[2]): Promise<void> {
    rawClient.on("error", (error: Error & { code?: string }) => {
      // ws emits "error" for a frame it rejects, once per socket: it stops reading after it.
      serverMetrics.countDropped(error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH" ? "oversize" : "junk");
      violatingSockets.add(rawClient);
      rawClient.terminate();
    });
    instrument(rawClient);
    return super.onConnection(rawClient, req, upgrade);
  }
}
