/**
 * The load report, rendered from the committed run's JSON, is the committed Markdown: the
 * report's layout cannot change without its results file changing with it.
 */
import fs from "node:fs";
import path from "node:path";
import { exitCodeOf } from "../cli";
import { LOAD_TARGETS, loadVerdicts, stepFailure, toMarkdown, type LoadReport } from "./report";
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

  it("judges every target: the committed run missed idle, the CPU ratio and the CCU target, so it exits 1 unless exploring", () => {
    const report = JSON.parse(read("load.json")) as LoadReport;
    const verdicts = loadVerdicts(report, LOAD_TARGETS, true);
    expect(verdicts.map((verdict) => verdict.name)).toEqual(Object.keys(LOAD_TARGETS));
    // The same verdicts as load.md's tables (idle 79.1 % < 80 %, CPU 0.95× > 0.6×), and 100 CCU held, not past 1000.
    expect(verdicts.filter((verdict) => !verdict.met).map((verdict) => verdict.name)).toEqual(["idleMin", "cpuRatioMax", "ccuMin"]);
    expect(exitCodeOf(verdicts, false)).toBe(1);
    expect(exitCodeOf(verdicts, true)).toBe(0);
  });

  it("leaves the CCU target out of a --quick run's verdicts, and passes with thresholds the run met", () => {
    const report = JSON.parse(read("load.json")) as LoadReport;
    const met = { ...LOAD_TARGETS, idleMin: 0.75, cpuRatioMax: 1 };
    expect(loadVerdicts(report, met, false).every((verdict) => verdict.met)).toBe(true);
    expect(loadVerdicts(report, met, false).map((verdict) => verdict.name)).not.toContain("ccuMin");
    expect(exitCodeOf(loadVerdicts(report, met, false), false)).toBe(0);
    expect(exitCodeOf(loadVerdicts(report, met, true), false)).toBe(1);
    expect(exitCodeOf(loadVerdicts(report, { ...met, ccuMin: 50 }, true), false)).toBe(0);
  });

  it("shows the thresholds a run judged when --target changed them", () => {
    const report = JSON.parse(read("load.json")) as LoadReport;
    const markdown = toMarkdown({ ...report, targets: { ...LOAD_TARGETS, idleMin: 0.75, cpuRatioMax: 1 } });
    expect(markdown).toContain("| idle, median second (worst) | 79.1 % (59.9 %) | ≥ 75.0 % | met |");
    expect(markdown).toContain("| server CPU | 24 % | 25 % | 0.95× | ≤ 1.0× | met |");
  });
});
