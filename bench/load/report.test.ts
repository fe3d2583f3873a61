/**
 * The load report, rendered from the committed run's JSON, is the committed Markdown: the
 * report's layout cannot change without its results file changing with it.
 */
import fs from "node:fs";
import path from "node:path";
import { stepFailure, toMarkdown, type LoadReport } from "./report";
import type { ScenarioResult } from "./scenario";

const RESULTS = path.resolve(__dirname, "../results");
const read = (file: string): string => fs.readFileSync(path.join(RESULTS, file), "utf8");

describe("load report", () => {
  it("renders bench/results/load.json as bench/results/load.md", () => {
    expect(toMarkdown(JSON.parse(read("load.json")) as LoadReport)).toBe(read("load.md"));
  });

  it("says why a CCU step did not hold", () => {
    const { main } = JSON.parse(read("load.json")) as LoadReport;
    const step = (change: Partial<ScenarioResult>): ScenarioResult => ({ ...main, ...change });
    expect(stepFailure(step({ idle: { median: 0.5, min: 0.4 }, rttMs: { ...main.rttMs, p99: 20 } }))).toBeUndefined();
    expect(stepFailure(step({ joined: main.bots - 3 }))).toBe("3 joins failed");
    expect(stepFailure(step({ idle: { median: 0.136, min: 0.024 } }))).toBe("idle 14 %");
    expect(stepFailure(step({ idle: { median: 0.5, min: 0.4 }, rttMs: { ...main.rttMs, p99: 88 } }))).toBe("RTT p99 88 ms");
    expect(stepFailure(step({ idle: { median: 0.5, min: 0.4 }, rttMs: { ...main.rttMs, p99: Number.NaN } }))).toBe("RTT p99 n/a");
  });
});
