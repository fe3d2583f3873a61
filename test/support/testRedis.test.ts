import { startTestRedis, withKeyPrefix } from "./testRedis";

test("the key prefix rides in the URL's query, after any the URL already has", () => {
  expect(withKeyPrefix("redis://127.0.0.1:6379", "netroids-test:ab12:")).toBe("redis://127.0.0.1:6379?keyPrefix=netroids-test%3Aab12%3A");
  expect(withKeyPrefix("redis://:pw@cache:6380/2?family=6&keyPrefix=ci:", "t:")).toBe(
    "redis://:pw@cache:6380/2?family=6&keyPrefix=ci%3At%3A",
  );
});

test("a shared Redis is used as is, a fresh prefix per call, and never stopped by the tests", async () => {
  const env = { NETROIDS_TEST_REDIS_URL: "redis://10.0.0.7:6390/3" };
  const [first, second] = [await startTestRedis(env), await startTestRedis(env)];
  expect(first.url).toMatch(/^redis:\/\/10\.0\.0\.7:6390\/3\?keyPrefix=netroids-test%3A[0-9a-f]{8}%3A$/);
  expect(second.url).not.toBe(first.url);
  expect(first.port).toBe(6390);
  await first.stop();
});
