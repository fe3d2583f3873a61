/**
 * The WebSocket transport, with six additions.
 *
 * Hostile frames: when a frame breaks the protocol (over maxPayload, bad opcode,
 * invalid UTF-8), `ws` sends a close frame but stops reading, so it never sees the
 * peer's reply and only frees the socket after its 30 s close timeout; meanwhile the
 * room still counts the client as connected. Terminating at once lets the room see
 * the leave immediately. The frame is counted as dropped ("oversize" or "junk").
 *
 * Junk: a frame that is no message our clients send (see frameKind) never reaches
 * Colyseus, which would ignore it uncounted. It is dropped and counted ("junk"), and
 * the socket is closed with ServerCloseCode.Junk: an honest SDK never sends one. Frames that
 * arrive while it closes are dropped and counted too.
 *
 * Accounting: every frame in and out of every socket is counted here, and the time
 * spent in the listeners of each incoming frame (Colyseus's decoding and the room's
 * message handler) is the "messages" phase of the tick-time split.
 *
 * Backlog: a client that does not read leaves what the server sends it queued in the
 * process. Past MAX_UNSENT_BYTES the socket is closed with ServerCloseCode.Backlog (counted as
 * expelled, "backlog") and whatever the rooms send it later is dropped.
 *
 * Closing: the close frame of any socket the server closes waits behind what is queued
 * before it, and ws then waits up to 30 s for the answer; a socket that does not answer
 * within CLOSE_GRACE_MS is cut, so junk, flood and backlog closes free it at once.
 *
 * Heartbeat: only a pong echoing the random bytes of the latest ping keeps a socket
 * alive (see transport/heartbeat); Colyseus's own counts any pong, even unsolicited ones.
 */
import type http from "node:http";
import { performance } from "node:perf_hooks";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type WebSocket from "ws";
import { frameKind } from "./frameKind";
import { serverMetrics } from "../metrics/ServerMetrics";
import { ServerCloseCode } from "../../shared/net/messages";
import { heartbeat, watchPongs } from "./heartbeat";

/**
 * Bytes a socket may hold unsent in this process (ws's bufferedAmount, on top of what the
 * kernel's socket buffer already holds) before it is closed. A 100-player room's patches
 * are ~15 KB/s per client, so this is ~8 s of them, and several times a full state (tens
 * of KB): an honest client on a bad link that falls this far behind sees a game long
 * gone and is better served by reconnecting (a fresh full state). One frame is always
 * let through when the queue is under the cap, so a lobby list of any size still goes out.
 * 1,000 clients at the cap hold 128 MB.
 */
const MAX_UNSENT_BYTES = 128 * 1024;
/**
 * How long a socket the server closed may take to answer the close before it is cut, ms: the room frees its seat
 * then, not after ws's 30 s.
 */
const CLOSE_GRACE_MS = 1000;

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

/** Sockets closed for their backlog: nothing more is sent to them. */
const backloggedSockets = new WeakSet<object>();
/** Sockets the server closed and will cut if the close is not answered in time. */
const cutPending = new WeakSet<object>();

/** Drops and counts a junk frame; the first one closes its socket. */
function rejectJunk(socket: WebSocket): void {
  serverMetrics.countDropped("junk");
  if (violatingSockets.has(socket)) return;
  violatingSockets.add(socket);
  socket.close(ServerCloseCode.Junk, "junk: not a message of this game");
}

/** Every close the server makes is followed by a cut if the client has not answered within CLOSE_GRACE_MS. */
function cutUnansweredCloses(socket: WebSocket): void {
  const close = socket.close.bind(socket);
  socket.close = ((...args: Parameters<WebSocket["close"]>) => {
    close(...args);
    if (cutPending.has(socket) || socket.readyState === socket.CLOSED) return;
    cutPending.add(socket);
    const cut = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
    cut.unref();
    socket.once("close", () => clearTimeout(cut));
  }) as WebSocket["close"];
}

/**
 * True when a frame must not be sent: the socket was closed for its backlog, or is now
 * over the cap and gets closed. A dropped frame's callback hears of it, as ws tells a
 * send on a closed socket.
 */
function refuseForBacklog(socket: WebSocket, rest: unknown[]): boolean {
  if (!backloggedSockets.has(socket)) {
    if (socket.bufferedAmount <= MAX_UNSENT_BYTES) return false;
    backloggedSockets.add(socket);
    serverMetrics.countExpelled("backlog");
    socket.close(ServerCloseCode.Backlog, "backlog: the client does not read fast enough");
  }
  const callback = rest.at(-1);
  if (typeof callback === "function") process.nextTick(callback, new Error("dropped: the socket was closed for its backlog"));
  return true;
}

/** Counts a socket's traffic into the process metrics, filters out junk and times the handling of what it receives. */
function instrument(socket: WebSocket): void {
  const totals = serverMetrics.totals;
  const send = socket.send.bind(socket) as (...args: unknown[]) => void;
  socket.send = ((data: SocketData, ...rest: unknown[]) => {
    if (refuseForBacklog(socket, rest)) return;
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
  /**
   * Replaces Colyseus's heartbeat, which any pong satisfies, with one only a reading client
   * can answer (see transport/heartbeat); same timing (Colyseus's defaults: a ping every
   * 3 s, cut after 2 unanswered).
   */
  protected override autoTerminateUnresponsiveClients(pingInterval: number, pingMaxRetries: number): void {
    this.pingInterval = setInterval(() => heartbeat(this.wss.clients, pingMaxRetries), pingInterval);
  }

  /** Runs with ws's server as `this` (Colyseus registers it unbound): nothing here may use the transport's fields. */
  protected override async onConnection(
    rawClient: WebSocket & { pingCount: number },
    req: http.IncomingMessage,
    upgrade?: Parameters<WebSocketTransport["onConnection"]>[2],
  ): Promise<void> {
    rawClient.on("error", (error: Error & { code?: string }) => {
      // ws emits "error" for a frame it rejects, once per socket: it stops reading after it.
      serverMetrics.countDropped(error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH" ? "oversize" : "junk");
      violatingSockets.add(rawClient);
      rawClient.terminate();
    });
    instrument(rawClient);
    cutUnansweredCloses(rawClient);
    // Colyseus's own pong listener, added next, only resets a count that nothing reads any more.
    watchPongs(rawClient);
    return super.onConnection(rawClient, req, upgrade);
  }
}
