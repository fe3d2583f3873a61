/**
 * The `ws` WebSockets under both ends of a real connection, for tests of clients that
 * stop reading: the SDK's socket (to pause it), the server's socket for one client (to
 * see when the server closes it and how much it wrote to it).
 */
import type { Socket } from "node:net";
import type { Room as ClientRoom } from "@colyseus/sdk";
import WebSocket from "ws";

/** The SDK room's socket: in tests the SDK runs on the `ws` package (support/sdkOnWs.ts). */
export function sdkSocketOf(room: ClientRoom): WebSocket {
  const socket: unknown = (room.connection.transport as unknown as { ws?: unknown }).ws;
  if (!(socket instanceof WebSocket)) throw new Error("the SDK's socket is not a ws WebSocket");
  return socket;
}

/** The server side of one client's connection (a Colyseus client's `ref` is the transport's raw socket). */
export function serverSocketOf(room: { clients: Iterable<{ sessionId: string; ref: unknown }> }, sessionId: string): WebSocket {
  for (const client of room.clients) {
    if (client.sessionId !== sessionId) continue;
    if (client.ref instanceof WebSocket) return client.ref;
    throw new Error(`client ${sessionId}'s socket is not a ws WebSocket`);
  }
  throw new Error(`no client ${sessionId} in the room`);
}

/**
 * Bytes the server handed to the TCP socket under `socket`, sent or still queued in the
 * process (Node counts a write when it is made). `_socket` is not in ws's typings, but
 * it is the field ws's own sender writes to; ws keeps it after the socket closes.
 */
export function bytesWrittenTo(socket: WebSocket): number {
  const tcp = (socket as unknown as { _socket?: Socket })._socket;
  if (!tcp) throw new Error("the WebSocket has no TCP socket");
  return tcp.bytesWritten;
}

/** Records the SDK room's close code once it leaves; call right after joining. */
export function watchLeave(room: ClientRoom): { readonly code: number | undefined } {
  const watch: { code: number | undefined } = { code: undefined };
  room.onLeave((code: number) => {
    watch.code = code;
  });
  return watch;
}
