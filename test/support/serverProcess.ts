/**
 * A game server in its own process (bench/load/benchServer.ts), for tests that need
 * several processes — scale-out on Redis, shutdown on a signal — or a process they can kill.
 */
import { Client } from "@colyseus/sdk";
import { spawnTsx, type SpawnOptions, type TsxChild } from "../../bench/load/processes";
import { freePort } from "../../bench/load/redisServer";

export interface ServerProcess {
  child: TsxChild;
  port: number;
  /** The matchmaker's id of the process (from /health). */
  processId: string;
  /** A new SDK client whose matchmaking goes through this process. */
  sdk(): Client;
  baseUrl: string;
}

/** Starts the server with `env` (e.g. REDIS_URL) on a fresh loopback port and waits until it answers /health. */
export async function startServerProcess(
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 30_000,
  options: SpawnOptions = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawnTsx("benchServer.ts", [], [], { ...process.env, ...env, PORT: String(port) }, options);
  await child.waitForLine(/^PORT \d+/, timeoutMs);
  const baseUrl = `http://127.0.0.1:${port}`;
  const health = (await (await fetch(`${baseUrl}/health`)).json()) as { processId: string };
  return { child, port, processId: health.processId, baseUrl, sdk: () => new Client(`ws://127.0.0.1:${port}`) };
}
