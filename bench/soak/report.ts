/** The soak run's report: the verdict lines, a table per minute, and the JSON beside it. */
import { fixed, pair, percent, table } from "../markdown";
import { fillTemplate, readTemplate, runHeaderValues, type BenchMachine } from "../template";
import type { MinuteRow } from "./minutes";
import type { SoakCounts, SoakSample } from "./sample";
import { SOAK_LIMITS, type BotTally, type Verdict } from "./verdicts";

export interface SoakReport {
  date: string;
  command: string;
  machine: BenchMachine;
  bots: number;
  minutes: number;
  warmupS: number;
  sampleEveryS: number;
  /** Wall time of the whole run, s. */
  durationS: number;
  pass: boolean;
  verdicts: Verdict[];
  limits: typeof SOAK_LIMITS;
  botTally: BotTally;
  serverTotals: SoakCounts;
  droppedByReason: Record<string, number>;
  expelledByReason: Record<string, number>;
  incidents: string[];
  /** Set when the machine was busier than its cores during the run: timing verdicts then say as much about it as about the server. */
  busyNote?: string;
  minuteRows: MinuteRow[];
  samples: SoakSample[];
}

/** A warning when the machine's load average passed its core count during the run, else undefined. */
export function busyNote(samples: readonly SoakSample[], cores: number): string | undefined {
  const peak = Math.max(...samples.map((s) => s.load1));
  const busy = samples.filter((s) => s.load1 > cores).length;
  if (!(peak > cores)) return undefined;
  return (
    `Note: the machine was busy: 1-minute load average up to ${fixed(peak, 1)} on ${cores} cores ` +
    `(above ${cores} in ${busy} of ${samples.length} samples; the soak's own server and bot processes count in it too), ` +
    "so other work likely competed with the server: step, patch, idle and tick-rate figures reflect that."
  );
}

/** The verdict lines as printed and written: `PASS topic: numbers`. */
export function verdictLines(verdicts: readonly Verdict[]): string[] {
  return verdicts.map((v) => `${v.pass ? "PASS" : "FAIL"} ${v.topic}: ${v.detail}`);
}

function minuteTable(rows: readonly MinuteRow[]): string {
  const p50p99 = (p50: number, p99: number): string => pair(p50, p99, 2);
  return table(
    [
      "min",
      "RSS MB",
      "heap used MB",
      "after GC MB",
      "GCs",
      "external MB",
      "step p50 / p99 ms",
      "patch p50 / p99 ms",
      "idle (lowest)",
      "steps/s",
      "server CPU",
      "lag p99 ms",
      "CCU min",
      "bot RTT p50 / p99 ms",
      "dropped",
      "expelled",
      "stderr",
      "load",
    ],
    rows.map((row) => [
      String(row.minute),
      fixed(row.rssMB, 1),
      fixed(row.heapUsedMB, 1),
      fixed(row.heapAfterGcMB, 1),
      String(row.majorGcs),
      fixed(row.externalMB, 1),
      p50p99(row.tickP50Ms, row.tickP99Ms),
      p50p99(row.patchP50Ms, row.patchP99Ms),
      `${percent(row.idleMean)} (${percent(row.idleMin)})`,
      fixed(row.ticksPerSecond, 1),
      fixed(row.cpuPercent, 0, "%"),
      fixed(row.lagP99Ms, 1),
      String(row.ccuMin),
      pair(row.rttP50Ms, row.rttP99Ms, 1),
      String(row.dropped),
      String(row.expelled),
      String(row.stderrLines),
      fixed(row.load1Max, 1),
    ]),
  );
}

export function toSoakMarkdown(report: SoakReport): string {
  const { botTally } = report;
  const verdicts = verdictLines(report.verdicts)
    .map((line) => `- ${line}`)
    .join("\n");
  return fillTemplate(readTemplate(__dirname, "report.template.md"), {
    ...runHeaderValues(report),
    bots: report.bots,
    warmupS: report.warmupS,
    minutes: report.minutes,
    sampleEveryS: report.sampleEveryS,
    outcome: report.pass ? "Passed" : "Failed",
    verdicts: report.busyNote ? `${verdicts}\n\n${report.busyNote}` : verdicts,
    minuteTable: minuteTable(report.minuteRows),
    joined: botTally.joined,
    botCount: botTally.bots,
    failed: botTally.failed,
    errors: botTally.errors,
    dropped: botTally.dropped,
  });
}
