/**
 * `npm run bench`: the load and performance benchmark, about 2.5 minutes and never more than 5.
 * 1. 100 bots in one netroids room for 60 s; 2. CCU stepped up over rooms of 50 bots
 * until the server falls under 40 % idle or RTT p99 passes 50 ms; 3. the same 100 bots
 * on a bare room of the same state shape, as the reference. Writes
 * bench/results/load.{json,md,svg}.
 *
 * `-- --quick` runs every part for a few seconds and steps to 250 CCU at most (a smoke
 * test, not a measurement); `-- --out DIR` writes the reports elsewhere;
 * `-- --cpu-prof` writes a V8 CPU profile of the 100-bot server next to them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOM_NAME } from "../../shared/protocol";
import { BARE_ROOM_NAME } from "./BareRoom";
import { renderLoadPlot } from "./plot";
import { stepFailure, toMarkdown, type LoadReport, type StepResult } from "./report";
import { runScenario, type ScenarioPlan, type ScenarioResult } from "./scenario";

const quick = process.argv.includes("--quick");
const cpuProfile = process.argv.includes("--cpu-prof");
const outAt = process.argv.indexOf("--out");
const RESULTS = outAt > 0 && process.argv[outAt + 1] ? path.resolve(process.argv[outAt + 1]!) : path.resolve(__dirname, "../results");
/** CCU steps; each runs only if the previous held and time is left. */
const STEPS = quick ? [100, 250] : [100, 250, 400, 550, 700, 1000, 1500, 2000];
const STEP_ROOM_SIZE = 50;
/** No new step starts after this many seconds: a step takes at most ~90 s more (60 s of joins, warm-up, measuring, shutdown). */
const STEP_DEADLINE_S = quick ? 60 : 170;
/** The whole run's hard bound, ms: past it the run fails rather than overstays (its children exit with it). */
const RUN_LIMIT_MS = 295_000;

function log(line: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function brief(result: ScenarioResult): string {
  return `idle ${(100 * result.idle.median).toFixed(1)} %, RTT p50/p99 ${result.rttMs.median.toFixed(1)}/${result.rttMs.p99.toFixed(1)} ms, down ${result.downKBps.toFixed(2)} KB/s/client, server CPU ${result.cpuPercent.toFixed(0)} %, bots CPU ${result.botCpuPercent.toFixed(0)} %, joined ${result.joined}/${result.bots}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  setTimeout(() => {
    console.error(`bench: over its ${RUN_LIMIT_MS / 1000} s bound, giving up`);
    process.exit(1);
  }, RUN_LIMIT_MS).unref();
  fs.mkdirSync(RESULTS, { recursive: true });
  const measureS = (seconds: number): number => (quick ? 4 : seconds);
  const mainPlan: ScenarioPlan = {
    label: "netroids, 100 bots in one room", roomName: ROOM_NAME, bots: 100, roomSize: 100,
    warmupS: quick ? 2 : 8, measureS: measureS(60), botsPerWorker: 100,
    serverFlags: cpuProfile ? ["--cpu-prof", `--cpu-prof-dir=${RESULTS}`] : [],
  };
  log(`1/3 ${mainPlan.label}, ${mainPlan.measureS} s`);
  const main = await runScenario(mainPlan);
  log(`    ${brief(main)}`);

  const bare = await runScenario({ ...mainPlan, label: "bare room, 100 bots", roomName: BARE_ROOM_NAME, warmupS: quick ? 2 : 3, measureS: measureS(20), serverFlags: [] });
  log(`2/3 bare reference: ${brief(bare)}`);

  const steps: StepResult[] = [];
  let stepNote = "";
  for (const ccu of STEPS) {
    if ((Date.now() - started) / 1000 > STEP_DEADLINE_S) {
      stepNote = `Stopped before ${ccu} CCU: the run's time bound was reached.`;
      break;
    }
    const result = await runScenario({
      label: `${ccu} CCU`, roomName: ROOM_NAME, bots: ccu, roomSize: STEP_ROOM_SIZE,
      warmupS: quick ? 2 : 4, measureS: measureS(10), botsPerWorker: 250,
    });
    const reason = stepFailure(result);
    steps.push({ ccu, held: reason === undefined, reason, result });
    log(`3/3 ${ccu} CCU: ${brief(result)}${reason ? ` -> stop (${reason})` : ""}`);
    if (reason) break;
  }
  if (!stepNote && steps.every((step) => step.held)) stepNote = `Every step up to ${STEPS[STEPS.length - 1]} CCU held.`;

  const report: LoadReport = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench${quick ? " -- --quick" : ""}`,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model.trim() ?? "unknown", node: process.version, memoryGB: Math.round(os.totalmem() / 1e9) },
    durationS: (Date.now() - started) / 1000,
    main, bare, steps,
    heldCcu: steps.filter((step) => step.held).reduce((max, step) => Math.max(max, step.ccu), 0),
    stepNote,
  };
  const name = quick ? "load-quick" : "load";
  fs.writeFileSync(path.join(RESULTS, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(RESULTS, `${name}.md`), toMarkdown(report).replace("(load.svg)", `(${name}.svg)`));
  fs.writeFileSync(path.join(RESULTS, `${name}.svg`), renderLoadPlot({ title: `netroids: one room, 100 bots (${report.date})`, samples: main.samples }));
  log(`wrote bench/results/${name}.{json,md,svg} in ${Math.round(report.durationS)} s; highest CCU step held: ${report.heldCcu}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
