/** The input pump: steps run on the pump's own frames and timer, each when due, and stop with the pump. */
import { TICK_MS } from "../shared/constants";
import { Key } from "../shared/sim/input";
import type { PredictedInput } from "./OwnShipPredictor";
import { InputPump, type PumpClock } from "./InputPump";
import { InputStream } from "./InputStream";

/** A manual clock: timers fire when `advanceTo` passes their time; frames come every `frameMs` while `frameMs` is set. */
class ManualClock implements PumpClock {
  time = 0;
  private timers: Array<{ at: number; run: () => void; handle: number }> = [];
  private frames: Array<{ run: (frameMs: number) => void; handle: number }> = [];
  private nextHandle = 0;
  private nextFrameAt = 0;
  /** Frames stop coming (a hidden tab) while this is set; requests stay pending. */
  framesStopped = false;
  readonly delays: number[] = [];
  frame?: PumpClock["frame"];

  constructor(private readonly frameMs: number | undefined) {
    if (frameMs !== undefined)
      this.frame = {
        request: (run) => this.add(this.frames, { run }),
        cancel: (handle) => (this.frames = this.frames.filter((frame) => frame.handle !== handle)),
      };
  }

  now(): number {
    return this.time;
  }

  set(run: () => void, delayMs: number): unknown {
    this.delays.push(delayMs);
    return this.add(this.timers, { at: this.time + delayMs, run });
  }

  clear(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.handle !== handle);
  }

  advanceTo(ms: number): void {
    for (;;) {
      const timer = this.timers.filter((candidate) => candidate.at <= ms).sort((a, b) => a.at - b.at)[0];
      const frameAt =
        this.frameMs !== undefined && !this.framesStopped && this.frames.length > 0 ? Math.max(this.nextFrameAt, this.time) : Infinity;
      if (frameAt <= ms && (!timer || frameAt <= timer.at)) {
        this.time = frameAt;
        this.nextFrameAt = frameAt + this.frameMs!;
        const due = this.frames;
        this.frames = [];
        for (const frame of due) frame.run(frameAt);
        continue;
      }
      if (!timer) break;
      this.timers = this.timers.filter((candidate) => candidate !== timer);
      this.time = timer.at;
      timer.run();
    }
    this.time = ms;
  }

  private add<T extends object>(list: Array<T & { handle: number }>, item: T): number {
    const handle = ++this.nextHandle;
    list.push({ ...item, handle });
    return handle;
  }
}

function pumped(clock: ManualClock) {
  const sent: Array<PredictedInput & { at: number }> = [];
  const stream = new InputStream((input) => sent.push({ ...input, at: clock.time }));
  return { sent, stream, pump: new InputPump(stream, clock) };
}

test("with no animation frames, each step runs on a timer set for its due time, with the keys held then", () => {
  const clock = new ManualClock(undefined);
  const { sent, stream, pump } = pumped(clock);
  pump.start();
  stream.setKeys(Key.Up);
  clock.advanceTo(TICK_MS * 10 + 1);
  expect(sent.map((input) => input.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  // On time (to the stream's 1e-6 ms tolerance), or at most the pump's 1 ms shortest wait late.
  expect(sent.every((input, i) => input.at >= (i + 1) * TICK_MS - 1e-5 && input.at <= (i + 1) * TICK_MS + 1 && input.keys === Key.Up)).toBe(
    true,
  );
  expect(clock.delays.every((delay) => delay >= 1 && delay <= TICK_MS)).toBe(true);
});

test("while frames come, the steps run on them, one per frame at 60 Hz: the timer only stands by", () => {
  const clock = new ManualClock(TICK_MS);
  const { sent, pump } = pumped(clock);
  pump.start();
  clock.advanceTo(TICK_MS * 60 + 1);
  expect(sent).toHaveLength(60);
  // Every step ran on a frame (frames come at whole multiples of TICK_MS), none on a timer in between.
  expect(sent.every((input) => Math.abs(input.at / TICK_MS - Math.round(input.at / TICK_MS)) < 1e-6)).toBe(true);
});

test("when frames stop (a hidden tab) the timer takes over; stop ends the steps, with no burst for the pause", () => {
  const clock = new ManualClock(undefined);
  const { sent, pump } = pumped(clock);
  pump.start();
  clock.advanceTo(TICK_MS * 3 + 1);
  pump.stop();
  clock.advanceTo(TICK_MS * 30);
  expect(sent).toHaveLength(3);
  pump.start();
  clock.advanceTo(TICK_MS * 31 + 1);
  expect(sent.length).toBeGreaterThan(3);
  expect(sent.length).toBeLessThanOrEqual(3 + 11);
});

test("when frames stop coming, the timer runs the steps after its grace, so none is lost; frames take over again when they come back", () => {
  const clock = new ManualClock(TICK_MS);
  const { sent, pump } = pumped(clock);
  pump.start();
  clock.advanceTo(TICK_MS * 30 + 1);
  expect(sent).toHaveLength(30);
  clock.framesStopped = true;
  clock.advanceTo(TICK_MS * 90 + 1);
  // A minute's worth of steps in a hidden tab would be 60; within this second all but the last grace's are run.
  expect(sent.length).toBeGreaterThanOrEqual(90 - Math.ceil(100 / TICK_MS) - 1);
  expect(sent.map((input) => input.seq)).toEqual(sent.map((_, i) => i + 1));
  clock.framesStopped = false;
  clock.advanceTo(TICK_MS * 120 + 1);
  // Every step due by then has run, but for the one the stream's remainder may still be short of.
  expect(sent.length).toBeGreaterThanOrEqual(119);
  expect(sent.length).toBeLessThanOrEqual(120);
  expect(sent.map((input) => input.seq)).toEqual(sent.map((_, i) => i + 1));
});
