/**
 * The netcode report, rendered from the committed run's JSON, is the committed Markdown, and
 * notes.md gives back that run's notes word for word.
 */
import fs from "node:fs";
import path from "node:path";
import { reportNotes, targetLines, toMarkdown, type NetcodeReport } from "./report";

const RESULTS = path.resolve(__dirname, "../results");
const read = (file: string): string => fs.readFileSync(path.join(RESULTS, file), "utf8");
const saved = (): NetcodeReport => JSON.parse(read("netcode.json")) as NetcodeReport;

describe("netcode report", () => {
  it("renders bench/results/netcode.json as bench/results/netcode.md", () => {
    expect(toMarkdown(saved())).toBe(read("netcode.md"));
  });

  it("reads notes.md into the notes of the committed run (stalls over 100 ms, a 295 s retry budget)", () => {
    expect(reportNotes({ stallMs: 100, retryBudgetS: 295 })).toEqual(saved().notes);
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
});
