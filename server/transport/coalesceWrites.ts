/**
 * Fewer system calls per patch: with a client's TCP socket corked, every WebSocket frame
 * written to it (a patch and the events riding behind it) leaves in one write.
 */

/** The TCP socket under a `ws` WebSocket: not in ws's typings, but the stable field its own sender writes to. */
function tcpSocketOf(rawClient: unknown): { cork(): void; uncork(): void } | undefined {
  const socket = (rawClient as { _socket?: { cork?: unknown; uncork?: unknown } } | null)?._socket;
  return socket && typeof socket.cork === "function" && typeof socket.uncork === "function"
    ? (socket as { cork(): void; uncork(): void })
    : undefined;
}

/**
 * Runs `send` with every client's socket corked, so all the frames it writes to one
 * client (a patch and the events riding behind it) leave in a single write instead of
 * one system call per frame. `clients` are Colyseus's, whose `ref` is the ws socket.
 */
export function coalesceWrites<T>(clients: Iterable<{ ref: unknown }>, send: () => T): T {
  const sockets = Array.from(clients, (client) => tcpSocketOf(client.ref));
  for (const socket of sockets) socket?.cork();
  try {
    return send();
  } finally {
    for (const socket of sockets) socket?.uncork();
  }
}
