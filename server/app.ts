/**
 * The one server process: Colyseus rooms (the lobby and the game), the WebSocket
 * transport, and the HTTP routes beside them (health, Prometheus metrics, the built
 * web client).
 */
import "./nodeCompat";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { defineRoom, defineServer, matchMaker, type RoomDefinitions } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import express from "express";
import { LOBBY_ROOM_NAME, ROOM_NAME } from "../shared/net/messages";
import { guardPrivate, type DashboardAccess } from "./dashboard/access";
import { mountDashboard } from "./dashboard/routes";
import { DEFAULT_REPLAY_RATE_LIMIT, mountReplays } from "./replay/routes";
import { GuardedTransport } from "./transport/GuardedTransport";
import { DEFAULT_JOIN_RATE_LIMIT, type JoinRateLimit } from "./joinGuard/JoinRateLimiter";
import { keptOpenRooms } from "./joinGuard/KeptOpenRooms";
import { DEFAULT_ROOM_CAPS, type RoomCapLimits } from "./joinGuard/RoomCaps";
import { LoadSampler } from "./metrics/LoadSampler";
import { serverMetrics } from "./metrics/ServerMetrics";
import { AsteroidsRoom } from "./rooms/AsteroidsRoom";
import { GameLobbyRoom } from "./rooms/GameLobbyRoom";
import type { ScaleOutConfig } from "./scaleOut/config";
import { startDeadProcessSweep } from "./scaleOut/deadProcessSweep";

/** Largest WebSocket frame accepted, bytes: an input is ~20 bytes; anything near this is hostile and closes the socket (1009). */
export const MAX_MESSAGE_BYTES = 4 * 1024;

export interface GameServerOptions {
  /** Folder of the built web client (index.html and assets); not served when absent. */
  webRoot?: string;
  /** Install SIGINT/SIGTERM handlers that shut the server down gracefully. */
  handleSignals?: boolean;
  /** The live dashboard at /dashboard (and Colyseus's monitor at /colyseus); off when undefined. */
  dashboard?: DashboardAccess;
  /** More room types beside the lobby and the game, e.g. the benchmark's bare reference room. */
  extraRooms?: RoomDefinitions;
  /** Share matchmaking with other processes through Redis (see server/scaleOut); one process, in memory, when undefined. */
  scaleOut?: ScaleOutConfig;
  /** Joins per client address (see server/joinGuard); DEFAULT_JOIN_RATE_LIMIT when absent, none when null. */
  joinRateLimit?: JoinRateLimit | null;
  /** Caps on rooms waiting for players (see server/joinGuard/RoomCaps); DEFAULT_ROOM_CAPS when absent, none when null. */
  roomCaps?: RoomCapLimits | null;
  /** Replay listings and downloads per client address (see server/replay/routes); DEFAULT_REPLAY_RATE_LIMIT when absent, none when null. */
  replayRateLimit?: JoinRateLimit | null;
  /**
   * Behind a reverse proxy: take the client address from X-Real-IP / X-Forwarded-For (TRUST_PROXY=1); loopback is
   * then no longer trusted.
   */
  trustProxy?: boolean;
  /**
   * Password for /metrics (and the private routes) when the dashboard is off; the dashboard's own password wins.
   * Loopback only when neither is set.
   */
  operatorPassword?: string;
}

export interface Health {
  ok: true;
  /** This process's id in the matchmaker (seat reservations and room listings name it). */
  processId: string;
  /** Seconds since the process started. */
  uptime: number;
  rooms: number;
  ccu: number;
}

function readHealth(): Health {
  return {
    ok: true,
    processId: matchMaker.processId,
    uptime: Math.round(process.uptime()),
    rooms: matchMaker.stats.local.roomCount,
    ccu: matchMaker.stats.local.ccu,
  };
}

function serveWebClient(app: express.Application, webRoot: string): void {
  const index = path.join(webRoot, "index.html");
  app.use(express.static(webRoot, { index: false, maxAge: "1h" }));
  // Client-side routes all load the single page.
  app.get(/^\/(?!matchmake|health|metrics|colyseus|dashboard\/api).*/, (_req, res) => {
    if (fs.existsSync(index)) res.sendFile(index);
    else res.status(503).type("text").send("The web client is not built: run `npm run build:web`.");
  });
}

export function createGameServer(options: GameServerOptions = {}) {
  serverMetrics.sampler ??= new LoadSampler(serverMetrics.totals);
  serverMetrics.sampler.start();
  const { scaleOut } = options;
  if (scaleOut) startDeadProcessSweep();
  const roomCaps = options.roomCaps === undefined ? DEFAULT_ROOM_CAPS : (options.roomCaps ?? undefined);
  // Rooms left empty and kept open for rejoins answer to the same caps (server/joinGuard/KeptOpenRooms).
  keptOpenRooms.configure(roomCaps);
  const transport = new GuardedTransport(
    { maxPayload: MAX_MESSAGE_BYTES },
    {
      joinRateLimit: options.joinRateLimit === undefined ? DEFAULT_JOIN_RATE_LIMIT : (options.joinRateLimit ?? undefined),
      roomCaps,
      trustProxy: options.trustProxy,
    },
  );
  return defineServer({
    ...(scaleOut && {
      presence: new RedisPresence(scaleOut.redisUrl),
      driver: new RedisDriver(scaleOut.redisUrl),
      publicAddress: scaleOut.publicAddress,
    }),
    rooms: {
      [LOBBY_ROOM_NAME]: defineRoom(GameLobbyRoom),
      [ROOM_NAME]: defineRoom(AsteroidsRoom).enableRealtimeListing(),
      ...options.extraRooms,
    },
    transport,
    gracefullyShutdown: options.handleSignals ?? false,
    greet: false,
    express: (app) => {
      // Before the first route: Express builds its router, with these settings, on first use.
      // Case-sensitive and strict, so /DASHBOARD or /metrics/ is not /dashboard or /metrics
      // to the router when a proxy in front thinks it is not either.
      app.set("case sensitive routing", true);
      app.set("strict routing", true);
      app.disable("x-powered-by");
      app.get("/health", (_req, res) => {
        res.json(readHealth());
      });
      const operatorPassword = options.dashboard?.password ?? options.operatorPassword;
      app.use("/metrics", guardPrivate({ password: operatorPassword, trustProxy: options.trustProxy ?? false }));
      app.get("/metrics", async (_req, res) => {
        const { contentType, body } = await serverMetrics.exposition();
        res.type(contentType).send(body);
      });
      mountReplays(app, {
        rateLimit: options.replayRateLimit === undefined ? DEFAULT_REPLAY_RATE_LIMIT : (options.replayRateLimit ?? undefined),
        trustProxy: options.trustProxy ?? false,
      });
      if (options.dashboard) mountDashboard(app, options.dashboard, options.trustProxy ?? false);
      else {
        app.use(["/dashboard", "/colyseus"], (_req, res) => {
          res.status(404).type("text").send("The dashboard is off: start the server with `npm start -- --gui` (or DASHBOARD=1).");
        });
      }
      if (options.webRoot) serveWebClient(app, options.webRoot);
    },
  });
}

/** Listens on 127.0.0.1 (tests, benchmarks, scripts), on an ephemeral port unless one is given, and returns the port. */
export async function listenOnLoopback(server: ReturnType<typeof createGameServer>, port = 0): Promise<number> {
  await server.listen(port, "127.0.0.1");
  const address = server.transport.server?.address() as AddressInfo | null;
  if (!address) throw new Error("the game server is not listening");
  return address.port;
}
