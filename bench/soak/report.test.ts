/**
 * The soak report and verdicts, from the committed run's JSON: the Markdown is the committed
 * one, and deciding again from the saved samples gives the saved verdicts word for word.
 */
import fs from "node:fs";
import path from "node:path";
import { busyNote, toSoakMarkdown, type SoakReport } from "./report";
import { decide } from "./verdicts";

const RESULTS = path.resolve(__dirname, "../results");
const read = (file: string): string => fs.readFileSync(path.join(RESULTS, file), "utf8");
const saved = (): SoakReport => JSON.parse(read("soak.json")) as SoakReport;

describe("soak report", () => {
  it("renders bench/results/soak.json as bench/results/soak.md", () => {
    expect(toSoakMarkdown(saved())).toBe(read("soak.md"));
  });

  it("decides the saved verdicts again from the saved samples", () => {
    const report = saved();
    expect(
      decide({
        samples: report.samples,
        rows: report.minuteRows,
        bots: report.botTally,
        serverTotals: report.serverTotals,
        droppedByReason: report.droppedByReason,
        expelledByReason: report.expelledByReason,
        incidents: report.incidents,
      }),
    ).toEqual(report.verdicts);
  });

  it("notes a busy machine after the verdicts", () => {
    const report = saved();
    const note = busyNote(report.samples, 1);
    expect(note).toBe(
      "Note: the machine was busy: 1-minute load average up to 1.3 on 1 cores (above 1 in 14 of 60 samples; " +
        "the soak's own server and bot processes count in it too), so other work likely competed with the server: " +
        "step, patch, idle and tick-rate figures reflect that.",
    );
    expect(busyNote(report.samples, 2)).toBeUndefined();
    expect(toSoakMarkdown({ ...report, busyNote: note })).toContain(`steps/s (limit ≥ 58.2)\n\n${note}\n\n## Per minute\n`);
  });
});
