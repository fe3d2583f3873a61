import { DEFAULT_JOIN_RATE_LIMIT, isLoopback, JoinRateLimiter, joinRateLimitFromEnv } from "./JoinRateLimiter";

test("an address gets its burst at once, then perSecond joins a second", () => {
  const limiter = new JoinRateLimiter({ burst: 3, perSecond: 2, includeLoopback: true });
  const verdicts = [0, 0, 0, 0].map(() => limiter.take("203.0.113.7", 1000));
  expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false]);
  expect(verdicts[3]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  expect(limiter.take("203.0.113.7", 1400).allowed).toBe(false); // 0.8 of a join refilled
  expect(limiter.take("203.0.113.7", 1500).allowed).toBe(true);
  expect(limiter.take("203.0.113.7", 1500).allowed).toBe(false);
});

test("addresses have separate buckets, and a full bucket does not grow past its burst", () => {
  const limiter = new JoinRateLimiter({ burst: 2, perSecond: 1 });
  expect(limiter.take("198.51.100.1", 0).allowed).toBe(true);
  expect(limiter.take("198.51.100.1", 0).allowed).toBe(true);
  expect(limiter.take("198.51.100.1", 0).allowed).toBe(false);
  expect(limiter.take("198.51.100.2", 0).allowed).toBe(true);
  // An hour later the bucket holds its burst (2), not 3,600 joins.
  const later = 3_600_000;
  expect([0, 0, 0].map(() => limiter.take("198.51.100.1", later).allowed)).toEqual([true, true, false]);
});

test("loopback is exempt unless asked for (local bots and benchmarks), and recognised in every form", () => {
  const limiter = new JoinRateLimiter({ burst: 1, perSecond: 1 });
  for (let i = 0; i < 10; i++) expect(limiter.take("127.0.0.1", 0).allowed).toBe(true);
  expect(limiter.trackedAddresses).toBe(0);
  expect(["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"].every(isLoopback)).toBe(true);
  expect(["10.0.0.1", "::ffff:10.0.0.1", "2001:db8::1"].some(isLoopback)).toBe(false);
});

test("JOIN_RATE_LIMIT: default, off, burst/perSecond, and a clear error otherwise", () => {
  expect(joinRateLimitFromEnv(undefined)).toEqual(DEFAULT_JOIN_RATE_LIMIT);
  expect(joinRateLimitFromEnv(" ")).toEqual(DEFAULT_JOIN_RATE_LIMIT);
  expect(joinRateLimitFromEnv("off")).toBeUndefined();
  expect(joinRateLimitFromEnv("50/2.5")).toEqual({ burst: 50, perSecond: 2.5 });
  for (const bad of ["0/1", "5/0", "5", "lots", "-1/2"]) expect(() => joinRateLimitFromEnv(bad)).toThrow(/JOIN_RATE_LIMIT/);
});

test("a bad limit is refused when built", () => {
  expect(() => new JoinRateLimiter({ burst: 0, perSecond: 1 })).toThrow();
  expect(() => new JoinRateLimiter({ burst: 1, perSecond: Number.NaN })).toThrow();
});
