/**
 * Every HTTP request to the process passes here first, ahead of Colyseus (which binds its
 * matchmaking route and CORS as raw `request` listeners, ahead of Express): disguised
 * spellings of private paths are refused, security headers are set and CORS is kept to
 * matchmaking, and matchmaking requests go through their guard. Installed once Colyseus
 * has bound its listeners.
 */
import type http from "node:http";
import { matchMaker, type IRoomCache } from "@colyseus/core";
import { MatchmakingGuard, type MatchmakingGuardOptions } from "../joinGuard/guardMatchmaking";
import type { RoomCensus } from "../joinGuard/RoomCaps";
import { isDisguisedExactPath, isMatchmakingPath, pathOf } from "./privatePaths";
import { secureResponse } from "./responseHeaders";

type RequestListener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * Players in a listed room. Colyseus's own `clients` count includes reserved seats, so a
 * room nobody entered still shows 1; the game room publishes its players in its metadata.
 */
function playersOf(room: IRoomCache): number {
  const players: unknown = (room.metadata as { players?: unknown } | undefined)?.players;
  return typeof players === "number" ? players : room.clients;
}

/** The rooms as Colyseus's driver lists them: this process's, or the deployment's with Redis. */
const colyseusCensus: RoomCensus = {
  async emptyRoomCount() {
    return (await matchMaker.query({})).filter((room) => playersOf(room) === 0).length;
  },
  async playersIn(roomIds) {
    const rooms = await matchMaker.findRoomsByIds([...roomIds]);
    return new Map([...rooms].map(([roomId, room]) => [roomId, playersOf(room)]));
  },
};

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  res.end("Not found.");
}

/** Wraps `server`'s request listeners (call once Colyseus has bound its routes). */
export function installFrontDoor(server: http.Server, options: MatchmakingGuardOptions): void {
  const guard = new MatchmakingGuard(options, colyseusCensus);
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  const run = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    for (const listener of listeners) listener.call(server, req, res);
  };
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = pathOf(req.url);
    if (isDisguisedExactPath(path)) {
      req.resume();
      return notFound(res);
    }
    const matchmaking = isMatchmakingPath(path);
    secureResponse(res, path, matchmaking);
    if (matchmaking && req.method === "POST") {
      const method = path.split("/")[2] ?? "";
      guard
        .handle(req, res, method, () => run(req, res))
        .catch((error: unknown) => {
          console.error("netroids: matchmaking guard failed:", error);
          if (!res.headersSent) res.writeHead(500).end();
        });
      return;
    }
    run(req, res);
  });
}
