/** The Colyseus SDK client for the page's own server (the game server serves this page). */
import { Client } from "@colyseus/sdk";

/** ws(s)://host of the page: the game server in production, Vite's proxy in development. */
function gameServerEndpoint(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
}

export function createGameClient(): Client {
  return new Client(gameServerEndpoint(window.location));
}
