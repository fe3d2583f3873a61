/** The soak run's report: the verdict lines, a table per minute, and the JSON beside it. */
import type { MinuteRow } from "./minutes";
import type { SoakCounts, SoakSample } from "./sample";
import { SOAK_LIMITS, type BotTally, type Verdict } from "./verdicts";

export interface SoakReport {
  date: string;
  command: string;
  machine: { cores: number; cpu: string; node: string; memoryGB: number };
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

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
const pct = (value: number): string => `${fixed(100 * value)} %`;

/** A warning when the machine's load average passed its core count during the run, else undefined. */
export function busyNote(samples: readonly SoakSample[], cores: number): string | undefined {
  const peak = Math.max(...samples.map((s) => s.load1));
  const busy = samples.filter((s) => s.load1 > cores).length;
  if (!(peak > cores)) return undefined;
  return `Note: the machine was busy: 1-minute load average up to ${peak.toFixed(1)} on ${cores} cores (above ${cores} in ${busy} of ${samples.length} samples; the soak's own server and bot processes count in it too), so other work likely competed with the server: step, patch, idle and tick-rate figures reflect that.`;
}

/** The verdict lines as printed and written: `PASS topic: numbers`. */
export function verdictLines(verdicts: readonly Verdict[]): string[] {
  return verdicts.map((v) => `${v.pass ? "PASS" : "FAIL"} ${v.topic}: ${v.detail}`);
}

export function toSoakMarkdown(report: SoakReport): string {
  const { machine } = report;
  return [
    `# Soak`,
    ``,
    `\`${report.command}\`, ${report.date}, ${Math.round(report.durationS)} s in all. Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGB} GB, Node ${machine.node}.`,
    `${report.bots} bots in one room (one bot process beside the server process, loopback), ${report.warmupS} s of warm-up, then ${report.minutes} min measured with the server's \`/metrics\` scraped every ${report.sampleEveryS} s.`,
    ``,
    `**${report.pass ? "Passed" : "Failed"}.**`,
    ``,
    ...verdictLines(report.verdicts).map((line) => `- ${line}`),
    ...(report.busyNote ? [``, report.busyNote] : []),
    ``,
    `## Per minute`,
    ``,
    `Memory columns are medians of the minute's samples; "after GC" is heap used right after the latest major collection, "GCs" the major collections in the minute. Step and patch times are the server's own summaries of the last 60 s, read at the minute's end. Idle is the event loop's idle share (mean of the minute's ${report.sampleEveryS}-s intervals, lowest in brackets). Event-loop lag is prom-client's delay histogram, which includes its 10 ms sampling interval. Dropped, expelled and stderr count what appeared in that minute. Load is the machine's highest 1-minute load average in the minute (${report.machine.cores} cores): above ${report.machine.cores}, other work was competing with the server and its bots.`,
    ``,
    `| min | RSS MB | heap used MB | after GC MB | GCs | external MB | step p50 / p99 ms | patch p50 / p99 ms | idle (lowest) | steps/s | server CPU | lag p99 ms | CCU min | bot RTT p50 / p99 ms | dropped | expelled | stderr | load |`,
    `|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
    ...report.minuteRows.map((row) =>
      `| ${row.minute} | ${fixed(row.rssMB)} | ${fixed(row.heapUsedMB)} | ${fixed(row.heapAfterGcMB)} | ${row.majorGcs} | ${fixed(row.externalMB)} | ${fixed(row.tickP50Ms, 2)} / ${fixed(row.tickP99Ms, 2)} | ${fixed(row.patchP50Ms, 2)} / ${fixed(row.patchP99Ms, 2)} | ${pct(row.idleMean)} (${pct(row.idleMin)}) | ${fixed(row.ticksPerSecond)} | ${fixed(row.cpuPercent, 0)} % | ${fixed(row.lagP99Ms)} | ${row.ccuMin} | ${fixed(row.rttP50Ms)} / ${fixed(row.rttP99Ms)} | ${row.dropped} | ${row.expelled} | ${row.stderrLines} | ${fixed(row.load1Max)} |`),
    ``,
    `Bots at the end: ${report.botTally.joined}/${report.botTally.bots} joined, ${report.botTally.failed} failed, ${report.botTally.errors} errors, ${report.botTally.dropped} disconnected by the server. The bot process reports only at the end of the run; during it, the server's CCU stands for disconnects.`,
    ``,
  ].join("\n");
}
