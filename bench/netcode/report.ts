/** The benchmark's output: the JSON document and its Markdown tables. */
import type { DuelResult, DuelTiming } from "./duel";
import type { Summary } from "../../shared/stats";

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  platform: string;
  node: string;
  loadAverage1m: number;
}

export interface NetcodeReport {
  command: string;
  date: string;
  commit: string | undefined;
  machine: Machine;
  timing: DuelTiming & { totalSeconds: number };
  notes: string[];
  results: DuelResult[];
  /** First attempts that stalled and were run again (see `results` for the rerun). */
  stalledRuns: DuelResult[];
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : "–");
const pair = (summary: Summary, digits: number) => `${fixed(summary.median, digits)} / ${fixed(summary.p99, digits)}`;
const label = (result: DuelResult) =>
  `${result.config.rttMs} ± ${result.config.jitterMs}${result.stalls.count > 0 ? ` (stalled ${result.stalls.longestMs.toFixed(0)} ms)` : ""}`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function hitTable(results: readonly DuelResult[]): string {
  return table(
    ["RTT ms", "lag comp", "shots", "hits on screen", "server agreed", "agreement", "server-only hits", "rewind ticks med / p99 (at cap)",
      "view lag ticks med / p99 (over cap)"],
    results.map((r) => [
      label(r), r.config.lagCompensation ? "on" : "off", String(r.shots.launched), String(r.hits.screen),
      String(r.hits.confirmed), percent(r.hits.agreement), `${r.hits.serverOnly} (${percent(r.hits.serverOnlyShare)})`,
      `${pair(r.rewindTicks, 0)} (${percent(r.rewindTicks.atCapShare)})`,
      `${pair(r.rewindTicks.neededTicks, 0)} (${percent(r.rewindTicks.neededOverCapShare)})`,
    ]),
  );
}

export function motionTable(results: readonly DuelResult[]): string {
  return table(
    ["RTT ms", "lag comp", "correction px med / p99 (patches corrected)", "drawn vs server px med / p99", "visible step px/frame med / p99",
      "server steps w/o new input", "interp. error px med / p99", "dry frames", "interp. delay ms med", "ping ms med", "frame ms med / p99"],
    results.map((r) => [
      label(r), r.config.lagCompensation ? "on" : "off",
      `${pair(r.reconciliation.correctionPx, 2)} (${percent(r.reconciliation.correctedShare)})`,
      pair(r.reconciliation.drawnVsServerPx, 2), pair(r.reconciliation.visibleStepPx, 3), percent(r.reconciliation.starvedStepShare),
      pair(r.interpolation.errorPx, 2), percent(r.interpolation.dryFrameShare), fixed(r.interpolation.delayMs.median, 0),
      fixed(r.network.pingMs.median, 0), `${fixed(r.network.frameIntervalMs.median, 1)} / ${fixed(r.network.frameIntervalMs.p99, 0)}`,
    ]),
  );
}

/** The issue's target: at least 97 % agreement at 150 ms RTT with lag compensation. */
export const TARGET = { rttMs: 150, agreement: 0.97 };

export function targetLine(results: readonly DuelResult[]): string {
  const row = results.find((r) => r.config.rttMs === TARGET.rttMs && r.config.lagCompensation);
  if (!row) return `Target (≥ ${percent(TARGET.agreement)} at ${TARGET.rttMs} ms with lag compensation): not measured.`;
  const met = row.hits.agreement >= TARGET.agreement ? "met" : "NOT met";
  return `Target ≥ ${percent(TARGET.agreement)} hit agreement at ${TARGET.rttMs} ms RTT with lag compensation: ${met} (${percent(row.hits.agreement)}, ${row.hits.confirmed} of ${row.hits.screen} hits on screen).`;
}

export function toMarkdown(report: NetcodeReport): string {
  const m = report.machine;
  return [
    "# Netcode benchmark",
    "",
    `\`${report.command}\` — ${report.date}${report.commit ? ` at ${report.commit.replace(/^([0-9a-f]{10})[0-9a-f]*/, "$1")}` : ""}; ${report.timing.totalSeconds.toFixed(0)} s in all.`,
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB.toFixed(0)} GiB, ${m.platform}, Node ${m.node}, load ${m.loadAverage1m.toFixed(2)} at start.`,
    `Each row: ${report.timing.warmupMs / 1000} s warm-up, ${report.timing.measureMs / 1000} s measured, ${report.timing.drainMs / 1000} s drain; frames every ${report.timing.frameMs.toFixed(1)} ms.`,
    "",
    "## Hit agreement (shots the shooter's screen showed as hits that the server also counted)",
    "",
    hitTable(report.results),
    "",
    targetLine(report.results),
    "",
    "## Own ship (prediction, reconciliation) and the remote ship (interpolation)",
    "",
    motionTable(report.results),
    "",
    "## Notes",
    "",
    ...report.stalledRuns.map((r) => `- Re-run after a stall: ${r.config.rttMs} ms, lag compensation ${r.config.lagCompensation ? "on" : "off"} (longest frame ${r.stalls.longestMs.toFixed(0)} ms); the first attempt is in the JSON.`),
    ...report.notes.map((note) => `- ${note}`),
    "",
  ].join("\n");
}
