/** The load benchmark's Markdown report: the 100-bot room against the targets, the bare-room reference, and the CCU step-up. */
import type { ScenarioResult } from "./scenario";

export interface StepResult {
  ccu: number;
  held: boolean;
  /** Why the step failed, when it did. */
  reason?: string;
  result: ScenarioResult;
}

export interface LoadReport {
  date: string;
  command: string;
  machine: { cores: number; cpu: string; node: string; memoryGB: number };
  durationS: number;
  main: ScenarioResult;
  bare: ScenarioResult;
  steps: StepResult[];
  /** The highest step that held, CCU (0 when none did). */
  heldCcu: number;
  stepNote: string;
}

/** Targets for one 100-player room on one process (issue 5). */
export const TARGETS = { idleMin: 0.8, rttP99MaxMs: 30, downMaxKBps: 8, ccuMin: 1000 } as const;
/** A step-up holds while the server stays this idle and bots' RTT p99 stays under this. */
export const STEP_LIMITS = { idleMin: 0.4, rttP99MaxMs: 50 } as const;

/** Why a CCU step did not hold (failed joins, too little idle, RTT p99 too high), or undefined when it held. */
export function stepFailure(result: ScenarioResult): string | undefined {
  if (result.failed > 0 || result.joined < result.bots) return `${result.bots - result.joined} joins failed`;
  if (result.idle.median < STEP_LIMITS.idleMin) return `idle ${(100 * result.idle.median).toFixed(0)} %`;
  if (!(result.rttMs.p99 <= STEP_LIMITS.rttP99MaxMs)) return `RTT p99 ${result.rttMs.p99.toFixed(0)} ms`;
  return undefined;
}

const pct = (value: number): string => `${(100 * value).toFixed(1)} %`;
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "n/a");
/** A ratio against the reference; "n/a" when the reference is (next to) nothing, where a ratio says nothing. */
const ratio = (a: number, b: number): string => (b > 1e-3 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : "n/a");
const met = (ok: boolean): string => (ok ? "met" : "**not met**");

export function toMarkdown(report: LoadReport): string {
  const { main, bare } = report;
  const lines = [
    `# Load benchmark`,
    ``,
    `\`${report.command}\`, ${report.date}, ${Math.round(report.durationS)} s in all. Machine: ${report.machine.cores} cores (${report.machine.cpu}), ${report.machine.memoryGB} GB, Node ${report.machine.node}.`,
    `The server is one Node process (one core at most); the bots run beside it on the same ${report.machine.cores} cores in separate processes (${main.workers} for the 100-bot room), so they compete with it for CPU. Bots behave like the browser client: one input step per 1/60 s sent two steps a message, a ping a second. The SDK's ping has 1 ms resolution.`,
    ``,
    `## One room, 100 bots, ${Math.round(main.measuredS)} s`,
    ``,
    `| measure | netroids | target | |`,
    `|---|---|---|---|`,
    `| idle, median second (worst) | ${pct(main.idle.median)} (${pct(main.idle.min)}) | ≥ ${pct(TARGETS.idleMin)} | ${met(main.idle.median >= TARGETS.idleMin)} |`,
    `| bot RTT p50 / p99 / max | ${ms(main.rttMs.median)} / ${ms(main.rttMs.p99)} / ${ms(main.rttMs.max)} | p99 ≤ ${TARGETS.rttP99MaxMs} ms | ${met(main.rttMs.p99 <= TARGETS.rttP99MaxMs)} |`,
    `| down per client | ${main.downKBps.toFixed(2)} KB/s | ≤ ${TARGETS.downMaxKBps} KB/s | ${met(main.downKBps <= TARGETS.downMaxKBps)} |`,
    `| up per client | ${main.upKBps.toFixed(2)} KB/s | | |`,
    `| simulation step p50 / p99 | ${ms(main.tickMs.p50)} / ${ms(main.tickMs.p99)} | budget 16.67 ms | |`,
    `| patch broadcast p50 / p99 | ${ms(main.patchMs.p50)} / ${ms(main.patchMs.p99)} | | |`,
    `| time split: messages / simulation / network / other | ${pct(main.split.messages)} / ${pct(main.split.simulation)} / ${pct(main.split.network)} / ${pct(main.split.other)} | | |`,
    `| ticks per second | ${main.ticksPerSecond.toFixed(1)} | 60 | |`,
    `| patch size per client | ${Math.round(main.patchBytesMean)} B | | |`,
    `| server CPU / RSS | ${main.cpuPercent.toFixed(0)} % / ${main.rssMB.toFixed(0)} MB | | |`,
    `| bots' CPU (${main.workers} process${main.workers === 1 ? "" : "es"}) | ${main.botCpuPercent.toFixed(0)} % of a core | | |`,
    `| connections | ${main.joined} ok, ${main.failed} failed, ${main.errors} errors, ${main.dropped} dropped | | |`,
    ``,
    `![Tick-time split and RTT, 100 bots](load.svg)`,
    ``,
    `## Reference: a bare Colyseus room, same bots, same state shape`,
    ``,
    `| measure | netroids | bare room | ratio |`,
    `|---|---|---|---|`,
    `| busy (1 − idle), median | ${pct(1 - main.idle.median)} | ${pct(1 - bare.idle.median)} | ${ratio(1 - main.idle.median, 1 - bare.idle.median)} |`,
    `| server CPU | ${main.cpuPercent.toFixed(0)} % | ${bare.cpuPercent.toFixed(0)} % | ${ratio(main.cpuPercent, bare.cpuPercent)} |`,
    `| message handling share | ${pct(main.split.messages)} | ${pct(bare.split.messages)} | ${ratio(main.split.messages, bare.split.messages)} |`,
    `| bot RTT p50 / p99 | ${ms(main.rttMs.median)} / ${ms(main.rttMs.p99)} | ${ms(bare.rttMs.median)} / ${ms(bare.rttMs.p99)} | ${ratio(main.rttMs.p99, bare.rttMs.p99)} (p99) |`,
    `| down per client | ${main.downKBps.toFixed(2)} KB/s | ${bare.downKBps.toFixed(2)} KB/s | ${ratio(main.downKBps, bare.downKBps)} |`,
    `| RSS | ${main.rssMB.toFixed(0)} MB | ${bare.rssMB.toFixed(0)} MB | ${ratio(main.rssMB, bare.rssMB)} |`,
    ``,
    `## CCU per process: rooms of ${report.steps[0]?.result.bots && report.steps[0].result.rooms ? Math.round(report.steps[0].result.bots / report.steps[0].result.rooms) : "?"} bots, stepped up`,
    ``,
    `A step holds while the median second stays ≥ ${pct(STEP_LIMITS.idleMin)} idle and bot RTT p99 ≤ ${STEP_LIMITS.rttP99MaxMs} ms, with no failed joins.`,
    ``,
    `| CCU | rooms | idle median (worst) | RTT p50 / p99 | down per client | server CPU | bots' CPU | RSS | held |`,
    `|---|---|---|---|---|---|---|---|---|`,
    ...report.steps.map(({ ccu, held, reason, result }) =>
      `| ${ccu} | ${result.rooms} | ${pct(result.idle.median)} (${pct(result.idle.min)}) | ${ms(result.rttMs.median)} / ${ms(result.rttMs.p99)} | ${result.downKBps.toFixed(2)} KB/s | ${result.cpuPercent.toFixed(0)} % | ${result.botCpuPercent.toFixed(0)} % | ${result.rssMB.toFixed(0)} MB | ${held ? "yes" : `no: ${reason ?? ""}`} |`),
    ``,
    `**Highest step that held: ${report.heldCcu} CCU** (target: past ${TARGETS.ccuMin}). ${report.stepNote}`,
    ``,
  ];
  return lines.join("\n");
}
