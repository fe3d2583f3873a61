/**
 * The netcode report, rendered from the committed run's JSON, is the committed Markdown, and
 * notes.md gives back that run's notes word for word; the Chromium row is marked with its
 * browser, or the report says in one line why it is missing.
 */
import fs from "node:fs";
import path from "node:path";
import { summarize } from "../../shared/stats";
import type { BrowserDuelResult } from "./browserDuel";
import { exitCodeOf } from "../cli";
import { hitTable, judgeTargets, NETCODE_TARGETS, reportNotes, tableRows, targetLines, toMarkdown, type NetcodeReport } from "./report";

const RESULTS = path.resolve(__dirname, "../results");
const read = (file: string): string => fs.readFileSync(path.join(RESULTS, file), "utf8");
const saved = (): NetcodeReport => JSON.parse(read("netcode.json")) as NetcodeReport;

describe("netcode report", () => {
  it("renders bench/results/netcode.json as bench/results/netcode.md", () => {
    expect(toMarkdown(saved())).toBe(read("netcode.md"));
  });

  it("reads notes.md into the notes of the committed run (stalls over 100 ms, a 330 s retry budget)", () => {
    expect(reportNotes({ stallMs: 100, retryBudgetS: 330 })).toEqual(saved().notes);
  });

  it("says in one line why the Chromium row was skipped, and keeps it out of the tables", () => {
    const markdown = toMarkdown({ ...saved(), browser: { ran: false, skipped: "no Chromium-family browser found" } });
    expect(markdown).toContain("\n\nShooter in Chromium: skipped (no Chromium-family browser found).\n\n");
    expect(markdown).not.toContain("shooter in Chromium");
  });

  it("marks the Chromium row with its browser, and gives n/a for what the page does not measure, also after JSON", () => {
    const first = saved().results[0]!;
    const row: BrowserDuelResult = {
      ...first,
      rewindTicks: { ...first.rewindTicks, neededTicks: summarize([]), neededOverCapShare: Number.NaN },
      shooterBrowser: "Chromium 156.0.1",
      pageUrl: "/?latency=150&jitter=20",
      pagePatches: { checked: 640, corrected: 0, sampled: 631 },
      missedFrames: 0,
      pageErrors: [],
    };
    const throughJson = JSON.parse(JSON.stringify(row)) as BrowserDuelResult;
    for (const result of [row, throughJson]) {
      const rows = hitTable(tableRows({ results: [], browser: { ran: true, result } })).split("\n");
      expect(rows).toHaveLength(3);
      expect(rows[2]).toMatch(/^\| \d+ ± \d+, shooter in Chromium 156\.0\.1 \| on \| /);
      expect(rows[2]).toMatch(/\| n\/a \/ n\/a \(n\/a\) \|$/);
    }
    const markdown = toMarkdown({ ...saved(), browser: { ran: true, result: row } });
    expect(markdown).toContain("its prediction checked 640 patches while measuring and corrected 0");
  });

  it("lists a re-run after a stall before the notes", () => {
    const report = saved();
    const first = report.results[0]!;
    const stalled = { ...first, stalls: { ...first.stalls, count: 1, longestMs: 412.4 } };
    const markdown = toMarkdown({ ...report, stalledRuns: [stalled] });
    expect(markdown).toContain(
      `\n- Re-run after a stall: ${first.config.rttMs} ms, lag compensation on (longest frame 412 ms); ` +
        "the first attempt is in the JSON.\n- ",
    );
  });

  it("says when a target row was not measured", () => {
    expect(targetLines([])).toEqual([
      "Targets at 150 ms RTT with lag compensation: not measured.",
      "Targets at 250 ms RTT with lag compensation: not measured.",
    ]);
  });

  it("judges both sides of each target, met or not", () => {
    const row = saved().results.find((r) => r.config.rttMs === 250 && r.config.lagCompensation)!;
    const missed = {
      ...row,
      hits: { ...row.hits, agreement: 0.9, confirmed: 9, screen: 10, serverOnlyShare: 0.2, serverOnly: 2, server: 10 },
    };
    const [notMeasured, shown, unseen] = targetLines([missed]);
    expect(notMeasured).toBe("Targets at 150 ms RTT with lag compensation: not measured.");
    expect(shown).toBe("Shown hits the server counted ≥ 97.0 % at 250 ± 20 ms RTT with lag compensation: NOT met (90.0 %, 9 of 10).");
    expect(unseen).toBe("Server hits the shooter never saw ≤ 5.0 % at 250 ± 20 ms RTT with lag compensation: NOT met (20.0 %, 2 of 10).");
  });

  it("gives a verdict per target: the run's exit code is 1 when one is not met, 0 when exploring", () => {
    const { results } = saved();
    const committed = judgeTargets(results);
    expect(committed.verdicts.map((verdict) => verdict.name)).toEqual(Object.keys(NETCODE_TARGETS));
    expect(committed.lines).toEqual(targetLines(results));
    // The committed run met all four (bench/results/netcode.md).
    expect(committed.verdicts.every((verdict) => verdict.met)).toBe(true);
    expect(exitCodeOf(committed.verdicts, false)).toBe(0);

    // --target agreement@150=1.01: no run can count more than every shown hit.
    const forced = judgeTargets(results, { ...NETCODE_TARGETS, "agreement@150": 1.01 });
    expect(forced.verdicts.find((verdict) => verdict.name === "agreement@150")).toEqual({ name: "agreement@150", met: false });
    expect(forced.lines[0]).toMatch(/^Shown hits the server counted ≥ 101\.0 % at 150 ± 20 ms RTT with lag compensation: NOT met /);
    expect(exitCodeOf(forced.verdicts, false)).toBe(1);
    expect(exitCodeOf(forced.verdicts, true)).toBe(0);

    // Thresholds every run meets: exit code 0.
    const lenient = { "agreement@150": 0, "serverOnlyShare@150": 1, "agreement@250": 0, "serverOnlyShare@250": 1 };
    expect(exitCodeOf(judgeTargets(results, lenient).verdicts, false)).toBe(0);
  });

  it("fails targets it could not judge: a missing row, or no hit to judge (NaN)", () => {
    expect(judgeTargets([]).verdicts.every((verdict) => !verdict.met)).toBe(true);
    const row = saved().results.find((r) => r.config.rttMs === 150 && r.config.lagCompensation)!;
    const unjudged = { ...row, hits: { ...row.hits, agreement: Number.NaN, serverOnlyShare: Number.NaN } };
    const lenient = { "agreement@150": 0, "serverOnlyShare@150": 1, "agreement@250": 0, "serverOnlyShare@250": 1 };
    expect(judgeTargets([unjudged], lenient).verdicts.filter((verdict) => verdict.met)).toEqual([]);
  });

  it("shows the thresholds the run judged, when --target changed one", () => {
    const report = { ...saved(), targets: { ...NETCODE_TARGETS, "serverOnlyShare@250": 0 } };
    expect(toMarkdown(report)).toContain("Server hits the shooter never saw ≤ 0.0 % at 250 ± 20 ms RTT with lag compensation: ");
  });
});
