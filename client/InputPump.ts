/**
 * Runs the input steps on a clock of their own, so drawing a frame never sends anything:
 *  - in a page that animates, on its own animation frames: each frame's due steps run before
 *    the frame is drawn (the pump asks for its frame first, as the session exists before the
 *    game screen), so the own ship moves one step per frame. A timer alone beats against the
 *    display: measured in Chromium, up to half the frames then showed the ship move 0 or 2 steps;
 *  - on a timer set for each step's due time (with a grace while frames come): where
 *    no frames come, a hidden tab or Node (the benchmarks), the steps still go out on time.
 */
import type { InputStream } from "./InputStream";

/** The scheduling a pump uses: the page's, or a test's. `frame` is absent where nothing animates. */
export interface PumpClock {
  now(): number;
  set(run: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
  /** Animation frames; `run` gets the frame's time, on the clock of `now`. */
  frame?: { request(run: (frameMs: number) => void): unknown; cancel(handle: unknown): void };
}

/**
 * Shortest wait set, ms: local times summed step by step drift by a few ulps, and a step left
 * 1e-15 ms short must not set a timer for no time at all. Browsers' timers are this coarse anyway.
 */
const MIN_WAIT_MS = 1;
/**
 * While animation frames come, the timer waits this much past a step's due time before it runs
 * the step itself: a late frame still runs its steps before it is drawn, a stopped one is
 * covered. 100 ms, 6 steps: under INPUT_MAX_CATCH_UP_STEPS, so a timer's catch-up drops none.
 */
const FRAME_GRACE_MS = 100;

/** The page's clock (performance.now, setTimeout, requestAnimationFrame when there is one). */
export function systemClock(now: () => number = () => performance.now()): PumpClock {
  const hasFrames = typeof requestAnimationFrame === "function";
  return {
    now,
    set: (run, delayMs) => setTimeout(run, delayMs),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    frame: hasFrames
      ? { request: (run) => requestAnimationFrame(run), cancel: (handle) => cancelAnimationFrame(handle as number) }
      : undefined,
  };
}

export class InputPump {
  private timer: unknown;
  private frameHandle: unknown;
  private running = false;

  constructor(
    private readonly stream: InputStream,
    private readonly clock: PumpClock,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.step(true, this.clock.now());
  }

  stop(): void {
    this.running = false;
    this.clock.clear(this.timer);
    if (this.frameHandle !== undefined) this.clock.frame?.cancel(this.frameHandle);
    this.frameHandle = undefined;
  }

  // A frame runs the steps due by the frame's own time, the one the page draws it at: the time
  // read inside a callback drifts with the callbacks before it, and near a step's due time that
  // drift alone would move steps between frames.
  private readonly onFrame = (frameMs: number): void => this.step(true, frameMs);
  private readonly onTimer = (): void => this.step(false, this.clock.now());

  /**
   * Runs the due steps. Only a frame asks for the next frame, so the pump's place in each
   * frame's callbacks (first) never changes; every run re-arms the timer.
   */
  private step(askFrame: boolean, nowMs: number): void {
    if (!this.running) return;
    this.stream.advance(nowMs);
    const { frame } = this.clock;
    if (frame && askFrame) this.frameHandle = frame.request(this.onFrame);
    this.clock.clear(this.timer);
    const wait = Math.max(MIN_WAIT_MS, this.stream.msToNextStep()) + (frame ? FRAME_GRACE_MS : 0);
    this.timer = this.clock.set(this.onTimer, wait);
  }
}
