/** The key-change budget, alone and in the InputQueue: what it leaves alone, and what it merges. */
import { TICK_RATE } from "../../shared/constants";
import { Key } from "../../shared/sim/input";
import type { KeyRun } from "../../shared/net/inputMessage";
import { InputQueue } from "./InputQueue";
import { KEY_CHANGE_BURST, KEY_CHANGES_PER_SECOND, KeyChangeBudget } from "./KeyChangeBudget";

test("within the budget every change is taken at its own step, in order: a one-step tap still presses and releases", () => {
  const budget = new KeyChangeBudget();
  const waiting: KeyRun[] = [];
  for (let step = 1; step <= KEY_CHANGE_BURST; step++) waiting.push([step, step % 2 === 1 ? Key.Fire : 0]);
  const held: number[] = [];
  let keys = 0;
  for (let step = 1; step <= KEY_CHANGE_BURST; step++) {
    budget.refill();
    keys = budget.take(waiting, step, keys) ?? keys;
    held.push(keys);
  }
  expect(held).toEqual(Array.from({ length: KEY_CHANGE_BURST }, (_, i) => (i % 2 === 0 ? Key.Fire : 0)));
  expect(budget.merged).toBe(0);
});

test("late changes the budget can pay for keep their order, one a step", () => {
  const budget = new KeyChangeBudget();
  const waiting: KeyRun[] = [
    [1, Key.Up],
    [2, Key.Up | Key.Fire],
    [3, Key.Up],
  ];
  // All three arrive due at step 5.
  const taken = [5, 6, 7].map((step) => budget.take(waiting, step, 0));
  expect(taken).toEqual([Key.Up, Key.Up | Key.Fire, Key.Up]);
});

/** A client changing keys every step, a message every 8 steps, against the real queue; the keys applied each tick. */
function spamThrough(ticks: number): number[] {
  const queue = new InputQueue();
  queue.add("spam");
  const applied: number[] = [];
  const keysOf = (step: number): number => 1 + ((step * 13) % 31);
  for (let tick = 1; tick <= ticks; tick++) {
    if (tick % 8 === 0) {
      const runs: KeyRun[] = [];
      for (let step = tick - 7; step <= tick; step++) runs.push([step, keysOf(step)]);
      expect(queue.push("spam", { upTo: tick, seen: undefined, runs }, tick)).toBeUndefined();
    }
    applied.push(queue.nextStep(tick).keys.spam!);
  }
  return applied;
}

test("a client changing keys every step is fed its burst, then KEY_CHANGES_PER_SECOND, landing on its newest keys", () => {
  const seconds = 20;
  const applied = spamThrough(seconds * TICK_RATE);
  const changes = applied.filter((keys, i) => keys !== (applied[i - 1] ?? 0)).length;
  const most = KEY_CHANGE_BURST + KEY_CHANGES_PER_SECOND * seconds;
  expect(changes).toBeLessThanOrEqual(most);
  expect(changes).toBeGreaterThan(most - KEY_CHANGES_PER_SECOND);
  // In no second past the burst more than the rate (and one for a second's edge).
  for (let second = 2; second < seconds; second++) {
    const window = applied.slice(second * TICK_RATE - 1, (second + 1) * TICK_RATE);
    const inWindow = window.filter((keys, i) => i > 0 && keys !== window[i - 1]).length;
    expect(inWindow).toBeLessThanOrEqual(KEY_CHANGES_PER_SECOND + 1);
  }
  // Merged, not queued: the keys applied are at most a few steps behind the newest sent (steps lag the reports by the spare, 3).
  const recent = new Set(Array.from({ length: 8 }, (_, i) => 1 + (((seconds * TICK_RATE - i) * 13) % 31)));
  expect(recent.has(applied.at(-1)!)).toBe(true);
});

test("runs past what the budget can pay for merge into the next one, and are counted; the rest keep their order", () => {
  const budget = new KeyChangeBudget();
  const runs = 100;
  const waiting: KeyRun[] = Array.from({ length: runs }, (_, i) => [i + 1, 1 + (i % 31)]);
  // All due at once, with a full burst to pay for 60 of them: the oldest 40 give way to the 41st.
  expect(budget.take(waiting, runs, 0)).toBe(1 + (40 % 31));
  expect(budget.merged).toBe(runs - KEY_CHANGE_BURST);
  expect(waiting).toHaveLength(KEY_CHANGE_BURST - 1);
  const rest = Array.from({ length: KEY_CHANGE_BURST - 1 }, () => budget.take(waiting, runs, -1));
  expect(rest).toEqual(Array.from({ length: KEY_CHANGE_BURST - 1 }, (_, i) => 1 + ((41 + i) % 31)));
  // The budget is spent: three more changes wait, until the refills of three steps pay for one, which lands on the newest.
  waiting.push([runs + 1, Key.Up], [runs + 2, Key.Left], [runs + 3, Key.Right]);
  expect(budget.take(waiting, runs + 3, -1)).toBeUndefined();
  for (let i = 0; i < TICK_RATE / KEY_CHANGES_PER_SECOND; i++) budget.refill();
  expect(budget.take(waiting, runs + 3, -1)).toBe(Key.Right);
  expect(budget.merged).toBe(runs - KEY_CHANGE_BURST + 2);
  expect(waiting).toEqual([]);
});
