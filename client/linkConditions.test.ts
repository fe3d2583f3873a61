import { isSimulated, NO_CONDITIONS, oneWayDelay, parseLinkConditions } from "./linkConditions";

test("conditions come from the URL, with sane bounds and defaults", () => {
  expect(parseLinkConditions("?latency=150&jitter=20&spikes=0.01")).toEqual({
    latencyMs: 150,
    jitterMs: 20,
    spikeChance: 0.01,
    spikeMs: 200,
  });
  expect(parseLinkConditions("")).toEqual({ ...NO_CONDITIONS, spikeMs: 200 });
  expect(parseLinkConditions("?latency=-5&jitter=abc&spikes=9").latencyMs).toBe(0);
  expect(parseLinkConditions("?spikes=9").spikeChance).toBe(0.5);
  expect(parseLinkConditions("?latency=99999").latencyMs).toBe(2000);
  expect(isSimulated(parseLinkConditions("?latency=150"))).toBe(true);
  expect(isSimulated(parseLinkConditions("?spikeMs=300"))).toBe(false);
});

test("a one-way delay is half the round trip, ± jitter, plus a spike when drawn", () => {
  const conditions = { latencyMs: 150, jitterMs: 20, spikeChance: 0.1, spikeMs: 200 };
  expect(oneWayDelay(conditions, 0.5, 0.9)).toBe(75);
  expect(oneWayDelay(conditions, 0, 0.9)).toBe(55);
  expect(oneWayDelay(conditions, 1, 0.9)).toBe(95);
  expect(oneWayDelay(conditions, 0.5, 0.05)).toBe(275);
  expect(oneWayDelay({ latencyMs: 0, jitterMs: 50, spikeChance: 0, spikeMs: 0 }, 0, 1)).toBe(0);
});
