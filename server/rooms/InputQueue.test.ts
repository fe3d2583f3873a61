import { INPUT_AHEAD_STEPS, INPUT_SPARE_MAX_STEPS, MAX_WAITING_KEY_RUNS } from "../../shared/net/netConstants";
import { Key } from "../../shared/sim/input";
import { parseInput, type InputMessage, type KeyRun, type ParsedInput } from "../../shared/net/inputMessage";
import { InputSender } from "../../client/InputSender";
import { InputQueue } from "./InputQueue";

const ID = "p";

function input(upTo: number, runs: KeyRun[] = [], seen?: number): ParsedInput {
  return { upTo, runs, seen };
}

/** Keys a player changes every few steps, with one-step taps of Fire among them. */
function keysAt(step: number): number {
  if (step % 23 === 5) return Key.Fire;
  return Math.floor(step / 7) % 3 === 0 ? Key.Up : Math.floor(step / 7) % 3 === 1 ? Key.Left | Key.Up : 0;
}

/**
 * A client making one step a tick (step t at server tick t) and sending it with the real
 * InputSender; each message reaches the queue `latency` ticks later. Returns, per tick, the
 * client step the server applied (its ack) and the keys it applied.
 */
function playThrough(ticks: number, latency: number | ((tick: number) => number)): Array<{ ack: number; keys: number }> {
  const queue = new InputQueue();
  queue.add(ID);
  const inFlight: Array<{ at: number; message: InputMessage }> = [];
  let tick = 0;
  // One WebSocket: a message never overtakes the one sent before it.
  const sender = new InputSender((message) => {
    const at = Math.max(inFlight[inFlight.length - 1]?.at ?? 0, tick + (typeof latency === "number" ? latency : latency(tick)));
    inFlight.push({ at, message });
  });
  const applied: Array<{ ack: number; keys: number }> = [];
  for (tick = 1; tick <= ticks; tick++) {
    sender.push(tick, keysAt(tick), undefined);
    while (inFlight.length > 0 && inFlight[0]!.at <= tick)
      expect(queue.push(ID, parseInput(inFlight.shift()!.message)!, tick)).toBeUndefined();
    const keys = queue.nextStep(tick).keys[ID]!;
    applied.push({ ack: queue.ackOf(ID), keys });
  }
  return applied;
}

describe("InputQueue", () => {
  it.each([0, 3, 9])("applies one client step a tick with exactly the keys the client made it with (latency %p ticks)", (latency) => {
    const applied = playThrough(600, latency).filter(({ ack }) => ack > 0);
    expect(applied.length).toBeGreaterThan(500);
    applied.forEach(({ ack, keys }, i) => {
      if (i > 0) expect(ack).toBe(applied[i - 1]!.ack + 1); // no step held, none skipped
      expect(keys).toBe(keysAt(ack));
    });
  });

  it("a link whose delay grows holds the steps back once, then they are exact again", () => {
    // 2 ticks of delay, then 8 from tick 200 on.
    const applied = playThrough(600, (tick) => (tick < 200 ? 2 : 8));
    const held = applied.filter(({ ack }, i) => i > 0 && ack > 0 && ack === applied[i - 1]!.ack).length;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(8);
    for (const { ack, keys } of applied.slice(300)) expect(keys).toBe(keysAt(ack));
  });

  it("a link whose delay shrinks for good gives the extra steps back, one at a review", () => {
    const applied = playThrough(3000, (tick) => (tick < 100 ? 20 : 1));
    const skipped = applied.filter(({ ack }, i) => i > 0 && applied[i - 1]!.ack > 0 && ack > applied[i - 1]!.ack + 1).length;
    expect(skipped).toBeGreaterThan(0);
    // What it keeps at the end: no more than the most a review lets stand.
    const last = applied[applied.length - 1]!;
    expect(3000 - last.ack).toBeLessThanOrEqual(INPUT_SPARE_MAX_STEPS + 1);
  });

  it("a tap whose changes arrive late still charges one step and releases the next", () => {
    const queue = new InputQueue();
    queue.add(ID);
    queue.push(ID, input(5), 1); // step t + 2 at tick t
    for (let tick = 1; tick <= 9; tick++) queue.nextStep(tick);
    expect(queue.ackOf(ID)).toBe(11);
    // Press and release at steps 10 and 11, both applied already with the old keys.
    queue.push(
      ID,
      input(11, [
        [10, Key.Fire],
        [11, 0],
      ]),
      10,
    );
    const keys = [10, 11, 12, 13, 14].map((tick) => queue.nextStep(tick).keys[ID]);
    expect(keys.filter((k) => k === Key.Fire)).toHaveLength(1);
    expect(keys[keys.length - 1]).toBe(0);
  });

  it("a client whose reports stop is run at most INPUT_AHEAD_STEPS past its newest, then held", () => {
    const queue = new InputQueue();
    queue.add(ID);
    queue.push(ID, input(10, [[10, Key.Up]]), 1);
    for (let tick = 1; tick <= 100; tick++) expect(queue.nextStep(tick).keys[ID]).toBe(tick + 7 >= 10 ? Key.Up : 0);
    expect(queue.ackOf(ID)).toBe(10 + INPUT_AHEAD_STEPS);
  });

  it("refuses a message that reports no newer step, or changes a step it already reported, as stale", () => {
    const queue = new InputQueue();
    queue.add(ID);
    expect(queue.push(ID, input(5, [[5, Key.Left]]), 1)).toBeUndefined();
    expect(queue.push(ID, input(5, [[5, Key.Up]]), 1)).toBe("stale");
    expect(queue.push(ID, input(4), 1)).toBe("stale");
    expect(queue.push(ID, input(9, [[5, Key.Up]]), 1)).toBe("stale");
    expect(queue.push("nobody", input(9), 1)).toBe("stale");
  });

  it(`keeps at most ${MAX_WAITING_KEY_RUNS} changes waiting: more is a flood of changes, refused`, () => {
    const queue = new InputQueue();
    queue.add(ID);
    let step = 1000;
    let refusal: string | undefined;
    for (let message = 0; message < 10 && !refusal; message++) {
      const runs: KeyRun[] = Array.from({ length: 8 }, (_, i): KeyRun => [step + i + 1, i % 2]);
      step += 8;
      refusal = queue.push(ID, input(step, runs), 1);
    }
    expect(refusal).toBe("rate");
  });

  it("tells how far behind each step's shooter saw the others: one tick further per step", () => {
    const queue = new InputQueue();
    queue.add(ID);
    queue.push(ID, input(10, [], 490), 20); // at step 10 the client drew the others at tick 490
    const lags = [20, 21, 22].map((tick) => queue.nextStep(tick).seenLag[ID]);
    expect(new Set(lags).size).toBe(1);
    // At tick 22 the server applied step `ack`, which the client made seeing tick 490 + (ack − 10).
    expect(lags[2]).toBe(22 - (490 + queue.ackOf(ID) - 10));
  });
});
