import { SERVER_MAX_CATCH_UP_STEPS } from "../../shared/net/netConstants";
import { TickLoop } from "./TickLoop";

const STEP_MS = 1000 / 60;

/** A loop on Jest's fake timers, with a clock the test moves along with them. */
function loopUnderTest() {
  let now = 1000;
  const ranAt: number[] = [];
  const loop = new TickLoop(
    STEP_MS,
    () => ranAt.push(now),
    () => now,
  );
  const advance = (ms: number) => {
    for (let i = 0; i < ms; i++) {
      now += 1;
      jest.advanceTimersByTime(1);
    }
  };
  const stall = (ms: number) => {
    now += ms;
  };
  return { loop, ranAt, advance, stall, start: () => now };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("each step runs at its own moment, within a millisecond: no sawtooth, no drift over a second", () => {
  const { loop, ranAt, advance, start } = loopUnderTest();
  const startedAt = start();
  loop.start();
  advance(1001);
  expect(ranAt).toHaveLength(60);
  ranAt.forEach((at, n) => {
    const due = startedAt + (n + 1) * STEP_MS;
    expect(at).toBeGreaterThanOrEqual(due);
    expect(at - due).toBeLessThan(1 + 1e-9);
  });
  loop.stop();
});

test("after a stall it catches up at most SERVER_MAX_CATCH_UP_STEPS steps at once, then goes on from then", () => {
  const { loop, ranAt, advance, stall } = loopUnderTest();
  loop.start();
  advance(100);
  const before = ranAt.length;
  stall(500);
  advance(Math.ceil(STEP_MS));
  // The first wake after the stall runs the catch-up, all at one moment.
  const resumedAt = ranAt[before]!;
  expect(ranAt.slice(before).filter((at) => at === resumedAt)).toHaveLength(SERVER_MAX_CATCH_UP_STEPS);
  const caughtUp = before + SERVER_MAX_CATCH_UP_STEPS;
  advance(200);
  // Then a step every STEP_MS again, counted from the stall's end, not racing through the 500 ms dropped.
  ranAt.slice(caughtUp).forEach((at, n) => {
    expect(at - (resumedAt + (n + 1) * STEP_MS)).toBeGreaterThanOrEqual(0);
    expect(at - (resumedAt + (n + 1) * STEP_MS)).toBeLessThan(1 + 1e-9);
  });
  expect(ranAt.length - caughtUp).toBeGreaterThanOrEqual(12);
  loop.stop();
});

test("a stopped loop runs no more steps", () => {
  const { loop, ranAt, advance } = loopUnderTest();
  loop.start();
  advance(50);
  loop.stop();
  const count = ranAt.length;
  advance(200);
  expect(ranAt).toHaveLength(count);
});
