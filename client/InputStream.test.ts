import { INPUT_MAX_CATCH_UP_STEPS } from "../shared/net/netConstants";
import { TICK_MS } from "../shared/constants";
import { Key } from "../shared/sim/input";
import type { PredictedInput } from "./OwnShipPredictor";
import { InputStream } from "./InputStream";

test("one input per 1/60 s of local time, with growing sequence numbers and the held keys", () => {
  const sent: PredictedInput[] = [];
  const stream = new InputStream((input) => sent.push(input));
  stream.advance(1000); // starts the clock
  stream.setKeys(Key.Up);
  stream.advance(1000 + TICK_MS * 2.5);
  stream.setKeys(Key.Up | Key.Fire);
  stream.advance(1000 + TICK_MS * 4);
  expect(sent).toEqual([
    { seq: 1, keys: Key.Up },
    { seq: 2, keys: Key.Up },
    { seq: 3, keys: Key.Up | Key.Fire },
    { seq: 4, keys: Key.Up | Key.Fire },
  ]);
});

test("after a stall it catches up a bounded number of steps and drops the rest", () => {
  const sent: PredictedInput[] = [];
  const stream = new InputStream((input) => sent.push(input));
  stream.advance(0);
  expect(stream.advance(5000)).toBe(INPUT_MAX_CATCH_UP_STEPS);
  expect(stream.advance(5000 + TICK_MS)).toBe(1);
  expect(sent).toHaveLength(INPUT_MAX_CATCH_UP_STEPS + 1);
});

test("a press released before the next step still counts on that step, once", () => {
  const steps: Array<{ seq: number; keys: number }> = [];
  const stream = new InputStream((input) => steps.push(input));
  stream.advance(0);
  stream.setKeys(Key.Fire);
  stream.setKeys(0);
  stream.advance(TICK_MS);
  stream.advance(2 * TICK_MS);
  expect(steps.map((step) => step.keys)).toEqual([Key.Fire, 0]);
});

test("a time earlier than the last one (a frame's start after a timer's now) runs nothing and counts no span twice", () => {
  const sent: PredictedInput[] = [];
  const stream = new InputStream((input) => sent.push(input));
  stream.advance(0);
  stream.advance(TICK_MS * 2 + 5);
  stream.advance(TICK_MS * 2);
  stream.advance(TICK_MS * 3 + 5);
  expect(sent).toHaveLength(3);
});
