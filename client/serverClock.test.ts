import { PATCH_INTERVAL_MS, PATCH_RATE } from "../shared/net/netConstants";
import { TICK_MS, TICK_RATE } from "../shared/constants";
import { ServerClock } from "./serverClock";

/** Steps between two patches' ticks. */
const STEPS_PER_PATCH = TICK_RATE / PATCH_RATE;

test("server time follows the least-delayed patch, not the jittery ones", () => {
  const clock = new ServerClock();
  expect(clock.synced).toBe(false);
  // Ticks 3 apart (50 ms); arrivals 40 ms after server time, some 25 ms later still.
  clock.observe(300, 300 * TICK_MS + 65);
  clock.observe(303, 303 * TICK_MS + 40);
  clock.observe(306, 306 * TICK_MS + 60);
  expect(clock.synced).toBe(true);
  expect(clock.serverNow(10_000)).toBeCloseTo(10_000 - 40, 9);
});

test("old samples leave the window, so the estimate follows a drifting clock", () => {
  const clock = new ServerClock();
  clock.observe(0, 10); // offset 10
  clock.observe(600, 600 * TICK_MS + 30); // 10 s later, offset 30: the first has left the 3 s window
  expect(clock.serverNow(20_000)).toBeCloseTo(20_000 - 30, 9);
});

test("jitter is how much later than the fastest patch the slow ones arrive", () => {
  const clock = new ServerClock();
  expect(clock.jitterMs).toBe(0);
  // Offsets 40, 60, 45, 40 … 60 ms: p90 − min = 20 ms.
  const delays = [40, 60, 45, 40, 55, 41, 60, 42, 50, 43, 60];
  delays.forEach((delay, i) => clock.observe(i * 3, i * 3 * TICK_MS + delay));
  expect(clock.jitterMs).toBe(20);
});

test("after a server stall (its time falls back 200 ms) the estimate is right again within half a second", () => {
  const clock = new ServerClock();
  // Patch i describes tick 3i and arrives `offset` ms after that tick's server time, ±5 ms.
  const arrive = (i: number, offset: number): number => {
    const local = i * STEPS_PER_PATCH * TICK_MS + offset + ((i * 7) % 11) - 5;
    clock.observe(i * STEPS_PER_PATCH, local);
    return local;
  };
  const estimatedOffset = (local: number): number => local - clock.serverNow(local);
  let i = 0;
  let local = 0;
  for (; i < 40; i++) local = arrive(i, 1040);
  expect(Math.abs(estimatedOffset(local) - 1040)).toBeLessThanOrEqual(5 + 1e-6);
  // The stall: the server drops 200 ms of steps, so each later patch describes a tick 200 ms older than before.
  const stalledAt = local;
  while (local - stalledAt < 500) local = arrive(i++, 1240);
  expect(Math.abs(estimatedOffset(local) - 1240)).toBeLessThanOrEqual(5 + 1e-6);
  expect(i - 40).toBeLessThanOrEqual(500 / PATCH_INTERVAL_MS + 1);
});

test("jitter and a single late spike do not count as a stall", () => {
  const clock = new ServerClock();
  let tick = 0;
  const delays = [40, 60, 45, 58, 41, 240, 60, 55, 59, 42, 57, 60, 44];
  for (const delay of delays) {
    tick += STEPS_PER_PATCH;
    clock.observe(tick, tick * TICK_MS + delay);
  }
  expect(clock.serverNow(10_000)).toBeCloseTo(10_000 - 40, 9);
});
