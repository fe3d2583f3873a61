/** The benchmark's output: the JSON document and its Markdown tables. */
import type { Summary } from "../../shared/stats";
import type { TargetVerdict } from "../cli";
import { fixed, MISSING, pair as pairOf, percent, table } from "../markdown";
import { fillTemplate, listItems, readTemplate } from "../template";
import type { BrowserRow } from "./browserDuel";
import type { DuelResult, DuelTiming } from "./duel";

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
  /** The row whose shooter is the web page in Chromium (browserDuel.ts), or why it was skipped. */
  browser: BrowserRow;
  /** The thresholds judged: NETCODE_TARGETS unless `--target` changed one (absent in runs before they were written down). */
  targets?: NetcodeTargets;
}

const pair = (summary: Summary, digits: number): string => pairOf(summary.median, summary.p99, digits);
/** A share that may not have been measured: NaN in memory, null once through JSON (where `percent` would read 0). */
const share = (value: number | null): string => (value === null || !Number.isFinite(value) ? MISSING : percent(value));
const onOff = (result: DuelResult): string => (result.config.lagCompensation ? "on" : "off");
const label = (result: DuelResult): string => {
  const stalled = result.stalls.count > 0 ? ` (stalled ${fixed(result.stalls.longestMs, 0, "ms")})` : "";
  const browser = "shooterBrowser" in result ? `, shooter in ${String(result.shooterBrowser)}` : "";
  return `${result.config.rttMs} ± ${result.config.jitterMs}${browser}${stalled}`;
};

/** The table rows: the Node rows, then the browser row when it ran. */
export function tableRows(report: Pick<NetcodeReport, "results" | "browser">): DuelResult[] {
  return report.browser.ran ? [...report.results, report.browser.result] : report.results;
}

/** One line on the browser row: what it is, or why it is missing. */
export function browserLine(row: BrowserRow): string {
  if (!row.ran) return `Shooter in Chromium: skipped (${row.skipped}).`;
  const { result } = row;
  const { checked, corrected, sampled } = result.pagePatches;
  const errors = result.pageErrors.length > 0 ? ` The page threw: ${result.pageErrors.join("; ")}.` : "";
  return (
    `Last row: the shooter is the built web page in ${result.shooterBrowser} (\`${result.pageUrl}\`, its own simulated link), ` +
    `flown by the same aimbot through the page's keyboard; its prediction checked ${checked} patches while measuring and ` +
    `corrected ${corrected} (px figures over the ${sampled} patches its frame record saw; ${result.missedFrames} frames missed).${errors}`
  );
}

export function hitTable(results: readonly DuelResult[]): string {
  return table(
    [
      "RTT ms",
      "lag comp",
      "shots",
      "hits on screen",
      "server agreed",
      "agreement",
      "server-only hits",
      "rewind ticks med / p99 (at cap)",
      "seen lag ticks med / p99 (over cap)",
    ],
    results.map((r) => [
      label(r),
      onOff(r),
      String(r.shots.launched),
      String(r.hits.screen),
      String(r.hits.confirmed),
      share(r.hits.agreement),
      `${r.hits.serverOnly} (${share(r.hits.serverOnlyShare)})`,
      `${pair(r.rewindTicks, 0)} (${share(r.rewindTicks.atCapShare)})`,
      `${pair(r.rewindTicks.neededTicks, 0)} (${share(r.rewindTicks.neededOverCapShare)})`,
    ]),
  );
}

export function motionTable(results: readonly DuelResult[]): string {
  return table(
    [
      "RTT ms",
      "lag comp",
      "correction px med / p99 (patches corrected)",
      "drawn vs server px med / p99",
      "visible step px/frame med / p99",
      "server steps w/o new input",
      "interp. error px med / p99",
      "dry frames",
      "interp. delay ms med",
      "ping ms med",
      "up: messages/s, KB/s med",
      "frame ms med / p99",
    ],
    results.map((r) => [
      label(r),
      onOff(r),
      `${pair(r.reconciliation.correctionPx, 2)} (${share(r.reconciliation.correctedShare)})`,
      pair(r.reconciliation.drawnVsServerPx, 2),
      pair(r.reconciliation.visibleStepPx, 3),
      share(r.reconciliation.starvedStepShare),
      pair(r.interpolation.errorPx, 2),
      share(r.interpolation.dryFrameShare),
      fixed(r.interpolation.delayMs.median, 0),
      fixed(r.network.pingMs.median, 0),
      `${fixed(r.network.upMessagesPerS, 1)}, ${fixed(r.network.upBytesPerS.median / 1000, 2)}`,
      `${fixed(r.network.frameIntervalMs.median, 1)} / ${fixed(r.network.frameIntervalMs.p99, 0)}`,
    ]),
  );
}

/** The round trips with targets, ms. */
const TARGET_RTTS_MS = [150, 250] as const;
type TargetRtt = (typeof TARGET_RTTS_MS)[number];

/**
 * The targets, both sides of hit agreement, with lag compensation on, by the name `--target`
 * knows them: of the hits the shooter's screen showed, at least `agreement@RTT` the server
 * counted; of the server's hits, at most `serverOnlyShare@RTT` the screen never showed.
 */
export const NETCODE_TARGETS = {
  "agreement@150": 0.99,
  "serverOnlyShare@150": 0.03,
  "agreement@250": 0.97,
  "serverOnlyShare@250": 0.05,
} as const satisfies Record<`${"agreement" | "serverOnlyShare"}@${TargetRtt}`, number>;

export type NetcodeTargets = { readonly [Name in keyof typeof NETCODE_TARGETS]: number };

/** The targets judged: a verdict per target, and one line per target and side (one per RTT when its row is missing). */
export function judgeTargets(
  results: readonly DuelResult[],
  targets: NetcodeTargets = NETCODE_TARGETS,
): { verdicts: TargetVerdict[]; lines: string[] } {
  const verdicts: TargetVerdict[] = [];
  const lines: string[] = [];
  for (const rttMs of TARGET_RTTS_MS) {
    const agreementMin = targets[`agreement@${rttMs}`];
    const serverOnlyMax = targets[`serverOnlyShare@${rttMs}`];
    const row = results.find((r) => r.config.rttMs === rttMs && r.config.lagCompensation);
    if (!row) {
      // A target nobody measured is not met.
      verdicts.push({ name: `agreement@${rttMs}`, met: false }, { name: `serverOnlyShare@${rttMs}`, met: false });
      lines.push(`Targets at ${rttMs} ms RTT with lag compensation: not measured.`);
      continue;
    }
    const at = `at ${rttMs} ± ${row.config.jitterMs} ms RTT with lag compensation`;
    const { agreement, confirmed, screen, serverOnlyShare, serverOnly, server } = row.hits;
    // NaN (no hit to judge) meets neither side.
    const shownMet = agreement >= agreementMin;
    const unseenMet = serverOnlyShare <= serverOnlyMax;
    verdicts.push({ name: `agreement@${rttMs}`, met: shownMet }, { name: `serverOnlyShare@${rttMs}`, met: unseenMet });
    const metOrNot = (met: boolean): string => (met ? "met" : "NOT met");
    lines.push(
      `Shown hits the server counted ≥ ${percent(agreementMin)} ${at}: ${metOrNot(shownMet)} (${percent(agreement)}, ${confirmed} of ${screen}).`,
      `Server hits the shooter never saw ≤ ${percent(serverOnlyMax)} ${at}: ${metOrNot(unseenMet)} (${percent(serverOnlyShare)}, ${serverOnly} of ${server}).`,
    );
  }
  return { verdicts, lines };
}

/** One line per target and side: met or not, with the measured share. */
export function targetLines(results: readonly DuelResult[], targets: NetcodeTargets = NETCODE_TARGETS): string[] {
  return judgeTargets(results, targets).lines;
}

/** The notes of notes.md, one string per list item, with the run's limits filled in. */
export function reportNotes(limits: { stallMs: number; retryBudgetS: number }): string[] {
  return listItems(fillTemplate(readTemplate(__dirname, "notes.md"), limits));
}

function stalledRunNote(result: DuelResult): string {
  const longest = fixed(result.stalls.longestMs, 0, "ms");
  return (
    `Re-run after a stall: ${result.config.rttMs} ms, lag compensation ${onOff(result)} (longest frame ${longest}); ` +
    "the first attempt is in the JSON."
  );
}

export function toMarkdown(report: NetcodeReport): string {
  const { machine: m, timing } = report;
  return fillTemplate(readTemplate(__dirname, "report.template.md"), {
    command: report.command,
    date: report.date,
    // The commit shortened to 10 hex digits, keeping any "(with uncommitted changes)".
    commit: report.commit ? ` at ${report.commit.replace(/^([0-9a-f]{10})[0-9a-f]*/, "$1")}` : "",
    totalS: fixed(timing.totalSeconds, 0),
    cpus: m.cpus,
    cpuModel: m.cpuModel,
    memoryGiB: fixed(m.memoryGiB, 0),
    platform: m.platform,
    node: m.node,
    load: fixed(m.loadAverage1m, 2),
    warmupS: timing.warmupMs / 1000,
    measureS: timing.measureMs / 1000,
    drainS: timing.drainMs / 1000,
    frameMs: fixed(timing.frameMs, 1),
    hitTable: hitTable(tableRows(report)),
    targetLines: targetLines(report.results, report.targets).join("\n"),
    browserLine: browserLine(report.browser),
    motionTable: motionTable(tableRows(report)),
    notes: [...report.stalledRuns.map(stalledRunNote), ...report.notes].map((note) => `- ${note}`).join("\n"),
  });
}
