import { LoadSampler, LOAD_HISTORY_RECORDS } from "./LoadSampler";
import type { MetricTotals } from "./MetricTotals";

function freshTotals(): MetricTotals {
  return {
    messagesIn: 0,
    bytesIn: 0,
    messagesOut: 0,
    bytesOut: 0,
    ticks: 0,
    patches: 0,
    joins: 0,
    leaves: 0,
    replayBytes: 0,
    replaySeconds: 0,
    phaseSeconds: { messages: 0, simulation: 0, network: 0 },
  };
}

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* keep the event loop busy on purpose */
  }
}

describe("LoadSampler", () => {
  it("turns totals into per-second rates and time shares that sum to one", () => {
    const totals = freshTotals();
    const sampler = new LoadSampler(totals);
    sampler.sample();
    // The window is this busy-wait and nothing else, however slow the machine: no timers involved.
    busyWait(50);
    totals.messagesIn += 30;
    totals.bytesIn += 600;
    totals.ticks += 9;
    totals.phaseSeconds.simulation += 0.01;
    totals.phaseSeconds.messages += 0.005;
    const second = sampler.sample();
    expect(second.messagesInPerSecond).toBeGreaterThan(0);
    expect(second.messagesInPerSecond).toBeLessThanOrEqual(30 / 0.05 + 1);
    expect(second.bytesInPerSecond / second.messagesInPerSecond).toBeCloseTo(20, 6);
    expect(second.ticksPerSecond / second.messagesInPerSecond).toBeCloseTo(9 / 30, 6);
    expect(second.simulation).toBeCloseTo(2 * second.messages, 6);
    expect(second.messages + second.simulation + second.network + second.other + second.idle).toBeCloseTo(1, 6);
    // The busy-wait is neither a tick nor a message: it shows up as "other", not as idle.
    expect(second.other).toBeGreaterThan(0.5);
    expect(second.idle).toBeLessThan(0.2);
    expect(sampler.latest()).toBe(second);
  });

  it("keeps a bounded history, oldest first", () => {
    const sampler = new LoadSampler(freshTotals());
    for (let i = 0; i < LOAD_HISTORY_RECORDS + 20; i++) sampler.sample();
    const history = sampler.recent();
    expect(history).toHaveLength(LOAD_HISTORY_RECORDS);
    expect(sampler.recent(5)).toHaveLength(5);
    expect(history[0]!.at).toBeLessThanOrEqual(history[history.length - 1]!.at);
  });
});
