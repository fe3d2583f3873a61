/**
 * Joins per client address, as token buckets: each address may make `burst` joins at
 * once and then `perSecond` more each second. A player joins a few times an hour; a
 * script opening hundreds of seats from one address is what this stops. Pure (the
 * caller passes the clock) so it is tested without waiting.
 */

export interface JoinRateLimit {
  /** Joins an address may make at once. */
  burst: number;
  /** Joins an address gets back per second. */
  perSecond: number;
  /** Count loopback clients too (tests); off by default so local bots and benchmarks are not limited. */
  includeLoopback?: boolean;
}

export const DEFAULT_JOIN_RATE_LIMIT: JoinRateLimit = { burst: 20, perSecond: 5 };

/** Most addresses remembered: past it, buckets that have refilled are forgotten first (they hold no debt). */
const MAX_TRACKED_ADDRESSES = 50_000;

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export type JoinVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

export class JoinRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(readonly limit: JoinRateLimit) {
    if (!(limit.burst >= 1) || !(limit.perSecond > 0))
      throw new Error(`join rate limit needs burst >= 1 and perSecond > 0, got ${JSON.stringify(limit)}`);
  }

  /** Takes one join from `address`'s bucket at `nowMs`. */
  take(address: string, nowMs: number): JoinVerdict {
    if (!this.limit.includeLoopback && isLoopback(address)) return { allowed: true };
    const bucket = this.refilled(address, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.limit.perSecond) };
  }

  get trackedAddresses(): number {
    return this.buckets.size;
  }

  private refilled(address: string, nowMs: number): Bucket {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      if (this.buckets.size >= MAX_TRACKED_ADDRESSES) this.forgetFull(nowMs);
      bucket = { tokens: this.limit.burst, updatedMs: nowMs };
      this.buckets.set(address, bucket);
      return bucket;
    }
    const elapsedSeconds = Math.max(0, nowMs - bucket.updatedMs) / 1000;
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + elapsedSeconds * this.limit.perSecond);
    bucket.updatedMs = nowMs;
    return bucket;
  }

  /** Drops buckets that would be full by now; if none, the oldest (Map order is insertion order). */
  private forgetFull(nowMs: number): void {
    const refillMs = (this.limit.burst / this.limit.perSecond) * 1000;
    for (const [address, bucket] of this.buckets) if (nowMs - bucket.updatedMs >= refillMs) this.buckets.delete(address);
    if (this.buckets.size >= MAX_TRACKED_ADDRESSES) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}

/**
 * JOIN_RATE_LIMIT: "off", or "<burst>/<perSecond>" (e.g. "20/5"); unset means the default.
 * Throws a clear error on anything else.
 */
export function joinRateLimitFromEnv(value: string | undefined): JoinRateLimit | undefined {
  const text = value?.trim();
  if (!text) return DEFAULT_JOIN_RATE_LIMIT;
  if (text === "off") return undefined;
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text);
  if (!match || Number(match[1]) < 1 || Number(match[2]) <= 0)
    throw new Error(`JOIN_RATE_LIMIT must be "off" or "<burst>/<perSecond>" like "20/5", got "${text}"`);
  return { burst: Number(match[1]), perSecond: Number(match[2]) };
}
