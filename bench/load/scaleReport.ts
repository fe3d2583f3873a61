/**
 * The scale-out benchmark's report (`npm run bench:scale`): each setup's CCU steps, the
 * highest CCU each held, and what the servers' CPU costs per client at the first step.
 */
import { fixed, pair, percent, ratio, table } from "../markdown";
import { fillTemplate, readTemplate } from "../template";
import { STEP_LIMITS } from "./report";
import type { ScenarioResult } from "./scenario";

export interface SetupResult {
  label: string;
  processes: number;
  steps: Array<{ ccu: number; held: boolean; reason?: string; result: ScenarioResult }>;
  /** The highest step that held, CCU (0 when none did). */
  heldCcu: number;
}

export interface ScaleReport {
  command: string;
  /** ISO time the run ended. */
  date: string;
  durationS: number;
  machine: { cores: number; cpu: string; node: string };
  roomSize: number;
  /** One process, two behind Redis, two without Redis, in that order. */
  setups: SetupResult[];
}

function stepTable(setups: readonly SetupResult[]): string {
  return table(
    ["setup", "CCU", "busiest process idle, median (worst)", "RTT p50 / p99", "clients per process", "servers' CPU", "bots' CPU", "held"],
    setups.flatMap((setup) =>
      setup.steps.map(({ ccu, held, reason, result }) => [
        setup.label,
        String(ccu),
        `${percent(result.idle.median)} (${percent(result.idle.min)})`,
        pair(result.rttMs.median, result.rttMs.p99, 1, "ms"),
        result.ccuPerProcess.join(" / "),
        fixed(result.cpuPercent, 0, "%"),
        fixed(result.botCpuPercent, 0, "%"),
        held ? "yes" : `no: ${reason ?? ""}`,
      ]),
    ),
  );
}

function costTable(setups: readonly SetupResult[]): string {
  const firsts = setups.flatMap((setup) => (setup.steps[0] ? [{ label: setup.label, first: setup.steps[0].result }] : []));
  return table(
    ["setup", "servers' CPU at the first step", "per client"],
    firsts.map(({ label, first }) => [
      `${label}, ${first.bots} CCU`,
      fixed(first.cpuPercent, 0, "%"),
      fixed(first.cpuPercent / Math.max(1, first.ccu), 3, "%"),
    ]),
  );
}

export function toScaleMarkdown(report: ScaleReport): string {
  const [one, two, independent] = report.setups;
  return fillTemplate(readTemplate(__dirname, "scaleReport.template.md"), {
    command: report.command,
    date: report.date.slice(0, 10),
    durationS: fixed(report.durationS, 0),
    cores: report.machine.cores,
    cpu: report.machine.cpu,
    node: report.machine.node,
    roomSize: report.roomSize,
    idleMin: percent(STEP_LIMITS.idleMin),
    rttP99MaxMs: STEP_LIMITS.rttP99MaxMs,
    stepTable: stepTable(report.setups),
    oneHeld: one?.heldCcu ?? 0,
    twoHeld: two?.heldCcu ?? 0,
    twoOverOne: ratio(two?.heldCcu ?? 0, one?.heldCcu ?? 0),
    independentHeld: independent?.heldCcu ?? 0,
    costTable: costTable(report.setups),
  });
}
