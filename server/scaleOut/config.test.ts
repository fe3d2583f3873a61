import { redactRedisUrl, scaleOutFromEnv } from "./config";

test("no REDIS_URL: one process, in memory", () => {
  expect(scaleOutFromEnv({}, 2567)).toBeUndefined();
  expect(scaleOutFromEnv({ REDIS_URL: "  " }, 2567)).toBeUndefined();
});

test("REDIS_URL with PUBLIC_ADDRESS as given, or localhost:PORT assumed and said so", () => {
  expect(scaleOutFromEnv({ REDIS_URL: "redis://redis:6379", PUBLIC_ADDRESS: "game.example.com/node1" }, 2567)).toEqual({
    redisUrl: "redis://redis:6379",
    publicAddress: "game.example.com/node1",
    publicAddressAssumed: false,
  });
  expect(scaleOutFromEnv({ REDIS_URL: "rediss://:secret@cache.example.com:6380/0" }, 2568)).toEqual({
    redisUrl: "rediss://:secret@cache.example.com:6380/0",
    publicAddress: "localhost:2568",
    publicAddressAssumed: true,
  });
});

test("malformed values get a clear error", () => {
  expect(() => scaleOutFromEnv({ REDIS_URL: "localhost:6379" }, 2567)).toThrow(/REDIS_URL must be a redis:\/\//);
  for (const address of ["https://game.example.com", "game.example.com/node 1", "game.example.com?x=1"]) {
    expect(() => scaleOutFromEnv({ REDIS_URL: "redis://r:6379", PUBLIC_ADDRESS: address }, 2567)).toThrow(
      /PUBLIC_ADDRESS must be host\[:port\]\[\/path\]/,
    );
  }
});

test("the Redis password never reaches a log line", () => {
  expect(redactRedisUrl("redis://user:hunter2@r:6379")).toBe("redis://user:***@r:6379");
  expect(redactRedisUrl("rediss://:hunter2@r:6380/0")).toBe("rediss://:***@r:6380/0");
  expect(redactRedisUrl("redis://r:6379")).toBe("redis://r:6379");
});
