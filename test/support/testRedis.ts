/**
 * The Redis a scale-out test runs its processes on. By default a redis-server of its own
 * (bench/load/redisServer.ts), started from PATH and stopped afterwards. When the run was
 * started with REDIS_URL, that Redis instead: test/support/globalSetup.ts moves the URL to
 * SHARED_REDIS_VARIABLE, so that the server processes other tests spawn (which inherit the
 * environment) stay single-process instead of joining it.
 *
 * On a shared Redis each call gets a fresh key prefix (ioredis's `keyPrefix`, passed in the
 * URL's query, which Colyseus's presence and driver hand to ioredis as is): test suites running
 * at the same time, earlier runs and the Redis's other users never see each other's
 * listings, and nothing is flushed. Pub/Sub channels have no prefix in Redis; Colyseus's are
 * named by random ids except the lobby's and quick play's lock; a stray notice on those names
 * a room this suite cannot find, which it ignores. Still, use a throwaway Redis, not production's.
 */
import { randomUUID } from "node:crypto";
import { startRedis, type RedisHandle } from "../../bench/load/redisServer";

export const SHARED_REDIS_VARIABLE = "NETROIDS_TEST_REDIS_URL";

/** `url` with `prefix` appended to any keyPrefix it already has. */
export function withKeyPrefix(url: string, prefix: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("keyPrefix", `${parsed.searchParams.get("keyPrefix") ?? ""}${prefix}`);
  return parsed.toString();
}

export async function startTestRedis(env: NodeJS.ProcessEnv = process.env): Promise<RedisHandle> {
  const shared = env[SHARED_REDIS_VARIABLE]?.trim();
  if (!shared) return startRedis();
  return {
    url: withKeyPrefix(shared, `netroids-test:${randomUUID().slice(0, 8)}:`),
    port: Number(new URL(shared).port || 6379),
    // Not ours to stop. The keys left under the prefix are the few Colyseus does not delete on shutdown.
    stop: async () => undefined,
  };
}
