import { conditionsFromForm, describeLink, formatMs, formatPercent, formatRate, linkForm } from "./overlayFormat";

test("numbers are shown with their units, and a missing ping as an ellipsis", () => {
  expect(formatMs(undefined)).toBe("…");
  expect(formatMs(152.4)).toBe("152 ms");
  expect(formatMs(3.14, 1)).toBe("3.1 ms");
  expect(formatPercent(0.0125)).toBe("1.3 %");
  expect(formatRate(640.4)).toBe("640 B/s");
  expect(formatRate(12_345)).toBe("12.3 kB/s");
});

test("the simulated link is told in one line, or as the real link", () => {
  expect(describeLink(undefined)).toBe("real link");
  expect(describeLink({ latencyMs: 150, jitterMs: 0, spikeChance: 0, spikeMs: 200 })).toBe("+150 ms");
  expect(describeLink({ latencyMs: 0, jitterMs: 0, spikeChance: 0.05, spikeMs: 300 })).toBe("+0 ms · 5.0 % × 300 ms");
  expect(describeLink({ latencyMs: 150, jitterMs: 20, spikeChance: 0.01, spikeMs: 200 })).toBe("+150 ±20 ms · 1.0 % × 200 ms");
});

test("the form reads back through the URL's bounds and keeps the spike size", () => {
  const start = { latencyMs: 150, jitterMs: 20, spikeChance: 0.01, spikeMs: 300 };
  expect(conditionsFromForm(linkForm(start), start.spikeMs)).toEqual(start);
  expect(linkForm(undefined)).toEqual({ latency: "0", jitter: "0", spikes: "0" });
  // Empty, negative and absurd entries become "none" or the cap, as in the URL.
  expect(conditionsFromForm({ latency: "", jitter: "-5", spikes: "9" }, undefined)).toEqual({
    latencyMs: 0,
    jitterMs: 0,
    spikeChance: 0.5,
    spikeMs: 200,
  });
  expect(conditionsFromForm({ latency: "99999", jitter: "abc", spikes: "0" }, undefined).latencyMs).toBe(2000);
});
