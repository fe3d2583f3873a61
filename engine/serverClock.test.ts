import { TICK_MS } from "../shared/constants";
import { ServerClock } from "./serverClock";

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
