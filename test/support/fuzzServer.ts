/**
 * The game server of the fuzz test, alone in its process (spawned with --expose-gc): its
 * heap is then the server's own, read from its /metrics after a full collection, not
 * mixed with the test's clients. Over IPC it collects garbage on request and reports
 * what a room counted (MessageGuard's totals, which outlive the clients that left).
 * Prints `PORT <n>` once listening; exits when its parent goes away.
 */
import { matchMaker } from "@colyseus/core";
import { exitWithParent } from "../../bench/load/processes";
import { createGameServer, listenOnLoopback } from "../../server/app";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import type { FuzzServerReply, FuzzServerRequest, RoomAccounting } from "./fuzzServerProcess";

function roomAccounting(roomId: string, sessionIds: readonly string[]): RoomAccounting | undefined {
  const room = matchMaker.getLocalRoomById(roomId) as AsteroidsRoom | undefined;
  if (!room) return undefined;
  return {
    clients: room.clients.length,
    ships: room.state.ships.size,
    accepted: room.guard.totalAccepted,
    dropped: { ...room.guard.totalDropped },
    players: Object.fromEntries(sessionIds.map((id) => [id, room.messageStats(id) ?? null])),
  };
}

async function answer(request: FuzzServerRequest): Promise<FuzzServerReply> {
  if (request.kind === "gc") {
    if (!globalThis.gc) return { id: request.id, error: "start the fuzz server with --expose-gc" };
    // Twice, a turn apart: the second pass frees what the first one's finalizers released.
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
    globalThis.gc();
    return { id: request.id };
  }
  return { id: request.id, room: roomAccounting(request.roomId, request.sessionIds) };
}

async function main(): Promise<void> {
  exitWithParent();
  const server = createGameServer();
  const port = await listenOnLoopback(server);
  process.on("message", (request: FuzzServerRequest) => {
    void answer(request).then((reply) => process.send?.(reply));
  });
  process.stdout.write(`PORT ${port}\n`);
  process.once("SIGTERM", () => {
    void server.gracefullyShutdown(false).finally(() => process.exit(0));
  });
}

void main();
