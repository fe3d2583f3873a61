/**
 * The server process of the load benchmark (and of the scale-out tests): the real game
 * server (rooms, transport, /metrics) plus the tutorial-style reference room, on loopback. It
 * listens on PORT, or on an ephemeral port when PORT is unset; with REDIS_URL it joins
 * the deployment on that Redis (PORT is then required: it is in the public address).
 * DASHBOARD=1 turns the dashboard on (DASHBOARD_PASSWORD as with npm start); TRUST_PROXY=1 as
 * with npm start. It prints `PORT <n>` once listening and runs until it is sent SIGTERM or its
 * parent goes away.
 */
import { defineRoom } from "@colyseus/core";
import { createGameServer, listenOnLoopback } from "../../server/app";
import { dashboardAccessFrom } from "../../server/dashboard/access";
import { scaleOutFromEnv } from "../../server/scaleOut/config";
import { TUTORIAL_ROOM_NAME, TutorialRoom } from "./TutorialRoom";
import { exitWithParent } from "./processes";

async function main(): Promise<void> {
  exitWithParent();
  const requestedPort = Number(process.env.PORT ?? 0);
  const scaleOut = scaleOutFromEnv({ PUBLIC_ADDRESS: `127.0.0.1:${requestedPort}`, ...process.env }, requestedPort);
  if (scaleOut && requestedPort === 0) throw new Error("benchServer: REDIS_URL needs a fixed PORT (it is part of the public address)");
  // SIGTERM takes the same path as `npm start`'s: Colyseus's graceful shutdown, then exit.
  const server = createGameServer({
    extraRooms: { [TUTORIAL_ROOM_NAME]: defineRoom(TutorialRoom) },
    scaleOut,
    handleSignals: true,
    dashboard: dashboardAccessFrom([], process.env),
    trustProxy: process.env.TRUST_PROXY === "1",
  });
  const port = await listenOnLoopback(server, requestedPort);
  process.stdout.write(`PORT ${port}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
