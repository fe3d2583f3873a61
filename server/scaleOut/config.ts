/**
 * Scale-out settings from the environment. With REDIS_URL set, processes share one
 * list of rooms and seats through Colyseus's Redis presence and driver; each process also
 * needs the address at which browsers reach it directly (PUBLIC_ADDRESS), because a
 * seat reservation sends the client straight to the process that owns the room.
 */

export interface ScaleOutConfig {
  /** redis:// or rediss:// URL shared by every process of the deployment. */
  redisUrl: string;
  /** host[:port][/path] (no scheme) of this process as browsers see it. */
  publicAddress: string;
  /** True when PUBLIC_ADDRESS was not given and `localhost:PORT` was assumed (fine on one machine only). */
  publicAddressAssumed: boolean;
}

/** host, optional :port, optional /path; no scheme, no query, no spaces. */
const PUBLIC_ADDRESS_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~-]+)*$/;

/**
 * Reads REDIS_URL and PUBLIC_ADDRESS; undefined (single process, in memory) when
 * REDIS_URL is unset or empty. Throws a clear error on malformed values.
 */
export function scaleOutFromEnv(env: NodeJS.ProcessEnv, port: number): ScaleOutConfig | undefined {
  const redisUrl = env.REDIS_URL?.trim();
  if (!redisUrl) return undefined;
  if (!/^rediss?:\/\/[^\s]+$/.test(redisUrl)) throw new Error(`REDIS_URL must be a redis:// or rediss:// URL, got "${redisUrl}"`);
  const given = env.PUBLIC_ADDRESS?.trim();
  if (given && !PUBLIC_ADDRESS_PATTERN.test(given)) {
    throw new Error(`PUBLIC_ADDRESS must be host[:port][/path] without a scheme (e.g. game.example.com/node1), got "${given}"`);
  }
  return { redisUrl, publicAddress: given || `localhost:${port}`, publicAddressAssumed: !given };
}

/** The URL with its password hidden, for logs. */
export function redactRedisUrl(redisUrl: string): string {
  return redisUrl.replace(/\/\/([^@/]*):([^@/]*)@/, "//$1:***@");
}
