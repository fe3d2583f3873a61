/** Boots the real game server on a loopback port for a test file, with real SDK clients. */
import { ColyseusTestServer } from "@colyseus/testing";
import { createGameServer, listenOnLoopback, type GameServerOptions } from "../../server/app";

/**
 * Listens on an ephemeral loopback port. A fixed port per worker is not enough: Node's
 * fetch keeps connections alive per process, and the next test file's SDK could reuse
 * one to the previous file's closed server ("fetch failed").
 */
export async function bootGameServer(options: GameServerOptions = {}): Promise<ColyseusTestServer> {
  const server = createGameServer(options);
  const port = await listenOnLoopback(server);
  // ColyseusTestServer points its SDK at `server.port`, which still says 0.
  Object.assign(server, { port });
  return new ColyseusTestServer(server);
}

/** Polls `check` until it returns true or the time runs out; returns the last result. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, everyMs = 10): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return check();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Boots one server for the calling test file (beforeAll), empties it between tests
 * (afterEach) and shuts it down (afterAll). Returns a getter: the server exists only
 * once beforeAll has run.
 */
/** Long enough for a loopback message sent as a room closes to reach its client. */
const LATE_MESSAGES_MS = 30;

export function useGameServer(options: GameServerOptions = {}): () => ColyseusTestServer {
  let server: ColyseusTestServer | undefined;
  beforeAll(async () => {
    server = await bootGameServer(options);
  });
  afterEach(async () => {
    await server?.cleanup();
    // Rooms closed by the cleanup say so to their SDK clients ('shutdown'): let those messages land within the test file,
    // not after it, where Jest counts a client's log as an error of the whole run.
    await sleep(LATE_MESSAGES_MS);
  });
  afterAll(async () => {
    await server?.shutdown();
    await sleep(LATE_MESSAGES_MS);
  });
  return () => {
    if (!server) throw new Error("the test server is not booted yet");
    return server;
  };
}

/** The test server's HTTP address, e.g. for /metrics or the web client. */
export function httpBaseOf(server: ColyseusTestServer): string {
  // bootGameServer wrote the real port over the protected `port` field.
  return `http://127.0.0.1:${(server.server as unknown as { port: number }).port}`;
}
