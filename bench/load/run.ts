/**
 * `npm run bench`: the load and performance benchmark, about 2.5 minutes and never more than 5.
 * 1. 100 bots in one netroids room for 60 s; 2. CCU stepped up over rooms of 50 bots
 * until the server falls under 40 % idle or RTT p99 passes 50 ms; 3. the same 100 bots
 * on the room a Colyseus tutorial would write (TutorialRoom.ts), as the reference. Writes
 * bench/results/load.{json,md,svg}.
 *
 * `-- --quick` runs every part for a few seconds and steps to 250 CCU at most (a smoke
 * test, not a measurement); `-- --out DIR` writes the reports elsewhere;
 * `-- --cpu-prof` writes a V8 CPU profile of the 100-bot server next to them.
 *
 * Exits 1 when a target is not met (report.ts's LOAD_TARGETS; a `--quick` run does not judge
 * the CCU target, which it cannot reach), unless `-- --explore`; `-- --target NAME=VALUE`
 * replaces a threshold for the run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOM_NAME } from "../../shared/net/messages";
import { EXPLORE_FLAG, exitCodeOf, parseCommandOrExit, targetFlag, targetsOrExit, targetsSummary } from "../cli";
import { fixed, percent } from "../markdown";
import { TUTORIAL_ROOM_NAME } from "./TutorialRoom";
import { renderLoadPlot } from "./plot";
import { LOAD_TARGETS, loadVerdicts, stepFailure, toMarkdown, type LoadReport, type StepResult } from "./report";
import { runScenario, type ScenarioPlan, type ScenarioResult } from "./scenario";

const COMMAND = {
  name: "bench",
  invocation: "npm run bench --",
  summary:
    "The load and performance benchmark: 100 bots in one room, a tutorial-style reference room, CCU stepped up.\n" +
    "Exits 1 when a target is not met (--quick leaves out the CCU target), unless --explore.",
  flags: {
    quick: { type: "boolean", help: "every part for a few seconds, 250 CCU at most (a smoke test, not a measurement)" },
    "cpu-prof": { type: "boolean", help: "also write a V8 CPU profile of the 100-bot server next to the reports" },
    out: { type: "string", value: "DIR", help: "write load.{json,md,svg} to DIR instead of bench/results" },
    target: targetFlag(LOAD_TARGETS),
    explore: EXPLORE_FLAG,
  },
} as const;
const { flags } = parseCommandOrExit(COMMAND);
const TARGETS = targetsOrExit(COMMAND, LOAD_TARGETS, flags.target);
const quick = flags.quick;
const cpuProfile = flags["cpu-prof"];
const RESULTS = path.resolve(flags.out ?? path.join(__dirname, "../results"));
/** CCU steps; each runs only if the previous held and time is left. */
const STEPS = quick ? [100, 250] : [100, 250, 400, 550, 700, 1000, 1500, 2000];
const STEP_ROOM_SIZE = 50;
/**
 * No new step starts after this many seconds: a step takes at most ~90 s more (60 s of joins,
 * warm-up, measuring, shutdown).
 */
const STEP_DEADLINE_S = quick ? 70 : 250;
/** The whole run's hard bound, ms: past it the run fails rather than overstays (its children exit with it). */
const RUN_LIMIT_MS = 375_000;

function log(line: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function brief(result: ScenarioResult): string {
  return [
    `idle ${percent(result.idle.median)}`,
    `RTT p50/p99 ${fixed(result.rttMs.median, 1)}/${fixed(result.rttMs.p99, 1, "ms")}`,
    `down ${fixed(result.downKBps, 2, "KB/s/client")}`,
    `server CPU ${fixed(result.cpuPercent, 0, "%")}`,
    `bots CPU ${fixed(result.botCpuPercent, 0, "%")}`,
    `joined ${result.joined}/${result.bots}`,
  ].join(", ");
}

/** Runs the bench and writes its reports; resolves to the exit code its targets call for. */
async function main(): Promise<number> {
  const started = Date.now();
  setTimeout(() => {
    console.error(`bench: over its ${RUN_LIMIT_MS / 1000} s bound, giving up`);
    process.exit(1);
  }, RUN_LIMIT_MS).unref();
  fs.mkdirSync(RESULTS, { recursive: true });
  const measureS = (seconds: number): number => (quick ? 4 : seconds);
  const mainPlan: ScenarioPlan = {
    label: "netroids, 100 bots in one room",
    roomName: ROOM_NAME,
    bots: 100,
    roomSize: 100,
    warmupS: quick ? 2 : 8,
    measureS: measureS(60),
    botsPerWorker: 100,
    serverFlags: cpuProfile ? ["--cpu-prof", `--cpu-prof-dir=${RESULTS}`] : [],
  };
  log(`1/4 ${mainPlan.label}, ${mainPlan.measureS} s`);
  const main = await runScenario(mainPlan);
  log(`    ${brief(main)}; recording ${fixed(main.replayKBPerPlayerMinute, 1, "KB")} per player-minute`);

  // The same room with recording off, for what recording costs (issue 17: at most 2 points of idle).
  const unrecorded = await runScenario({
    ...mainPlan,
    label: "netroids, 100 bots, recording off",
    serverEnv: { REPLAYS: "off" },
    serverFlags: [],
  });
  log(`2/4 recording off: ${brief(unrecorded)}`);

  const reference = await runScenario({
    ...mainPlan,
    label: "tutorial-style room, 100 bots",
    roomName: TUTORIAL_ROOM_NAME,
    warmupS: quick ? 2 : 3,
    measureS: measureS(20),
    serverFlags: [],
  });
  log(`3/4 tutorial-style reference: ${brief(reference)}`);

  const steps: StepResult[] = [];
  let stepNote = "";
  for (const ccu of STEPS) {
    if ((Date.now() - started) / 1000 > STEP_DEADLINE_S) {
      stepNote = `Stopped before ${ccu} CCU: the run's time bound was reached.`;
      break;
    }
    const result = await runScenario({
      label: `${ccu} CCU`,
      roomName: ROOM_NAME,
      bots: ccu,
      roomSize: STEP_ROOM_SIZE,
      warmupS: quick ? 2 : 4,
      measureS: measureS(10),
      botsPerWorker: 250,
    });
    const reason = stepFailure(result);
    steps.push({ ccu, held: reason === undefined, reason, result });
    log(`4/4 ${ccu} CCU: ${brief(result)}${reason ? ` -> stop (${reason})` : ""}`);
    if (reason) break;
  }
  if (!stepNote && steps.every((step) => step.held)) stepNote = `Every step up to ${STEPS[STEPS.length - 1]} CCU held.`;

  const report: LoadReport = {
    date: new Date().toISOString().slice(0, 10),
    command: commandLine(),
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model.trim() ?? "unknown",
      node: process.version,
      memoryGB: Math.round(os.totalmem() / 1e9),
    },
    durationS: (Date.now() - started) / 1000,
    main,
    unrecorded,
    reference,
    steps,
    heldCcu: steps.filter((step) => step.held).reduce((max, step) => Math.max(max, step.ccu), 0),
    stepNote,
    targets: TARGETS,
  };
  const name = quick ? "load-quick" : "load";
  fs.writeFileSync(path.join(RESULTS, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, `${name}.md`), toMarkdown(report).replace("(load.svg)", `(${name}.svg)`));
  const plot = renderLoadPlot({ title: `netroids: one room, 100 bots (${report.date})`, samples: main.samples });
  fs.writeFileSync(path.join(RESULTS, `${name}.svg`), plot);
  log(`wrote ${path.join(RESULTS, name)}.{json,md,svg} in ${fixed(report.durationS, 0)} s; highest CCU step held: ${report.heldCcu}`);
  const verdicts = loadVerdicts(report, TARGETS, !quick);
  if (quick) log(`the CCU target (past ${TARGETS.ccuMin}) is not judged: --quick steps to ${STEPS[STEPS.length - 1]} CCU at most`);
  log(targetsSummary(verdicts, flags.explore));
  return exitCodeOf(verdicts, flags.explore);
}

/** The command as typed, for the report (where it writes and --explore left out: they change no figure). */
function commandLine(): string {
  const args = [quick ? "--quick" : "", flags.target === undefined ? "" : `--target ${flags.target}`].filter(Boolean).join(" ");
  return `npm run bench${args ? ` -- ${args}` : ""}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
