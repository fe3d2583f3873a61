/** The scale-out report, rendered from the committed run's JSON, is the committed Markdown. */
import fs from "node:fs";
import path from "node:path";
import { toScaleMarkdown, type ScaleReport } from "./scaleReport";

const RESULTS = path.resolve(__dirname, "../results");
const read = (file: string): string => fs.readFileSync(path.join(RESULTS, file), "utf8");

describe("scale report", () => {
  it("renders bench/results/scale.json as bench/results/scale.md", () => {
    // That run's JSON predates `machine` and `roomSize`; its Markdown names them.
    const saved = JSON.parse(read("scale.json")) as Omit<ScaleReport, "machine" | "roomSize">;
    const report: ScaleReport = { machine: { cores: 2, cpu: "AMD EPYC", node: "v20.20.2" }, roomSize: 50, ...saved };
    expect(toScaleMarkdown(report)).toBe(read("scale.md"));
  });

  it("gives no ratio when one process held nothing", () => {
    const saved = JSON.parse(read("scale.json")) as Omit<ScaleReport, "machine" | "roomSize">;
    const setups = saved.setups.map((setup) => ({ ...setup, heldCcu: 0 }));
    const markdown = toScaleMarkdown({ ...saved, machine: { cores: 2, cpu: "x", node: "v20" }, roomSize: 50, setups });
    expect(markdown).toContain("**Highest CCU held: 0 with one process, 0 with two behind Redis** (n/a);");
  });
});
