/**
 * The server process of the load benchmark: the real game server (rooms, transport,
 * /metrics) plus the bare reference room, on an ephemeral loopback port. It prints
 * `PORT <n>` once listening and runs until it is sent SIGTERM or its parent goes away.
 */
import { defineRoom } from "@colyseus/core";
import { createGameServer, listenOnLoopback } from "../../server/app";
import { BARE_ROOM_NAME, BareRoom } from "./BareRoom";
import { exitWithParent } from "./processes";

async function main(): Promise<void> {
  exitWithParent();
  const server = createGameServer({ extraRooms: { [BARE_ROOM_NAME]: defineRoom(BareRoom) } });
  const port = await listenOnLoopback(server);
  process.stdout.write(`PORT ${port}\n`);
  process.once("SIGTERM", () => {
    void server.gracefullyShutdown(false).finally(() => process.exit(0));
  });
}

void main();
