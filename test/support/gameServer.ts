/** Boots the real game server on a loopback port for a test file, with real SDK clients. */
import { ColyseusTestServer } from "@colyseus/testing";
import { createGameServer, type GameServerOptions } from "../../server/app";

/** Each jest worker gets its own range of ports so parallel test files never collide. */
export function testPort(offset = 0): number {
  return 24000 + Number(process.env.JEST_WORKER_ID ?? 1) * 20 + offset;
}

export async function bootGameServer(options: GameServerOptions = {}): Promise<ColyseusTestServer> {
  const server = createGameServer(options);
  await server.listen(testPort(), "127.0.0.1");
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
