/**
 * `npm run bench:scale`: CCU held by one server process against two processes sharing
 * matchmaking through Redis (and, to tell the two costs apart, two processes without
 * Redis), on the same machine, in rooms of 50 bots. Each setup steps
 * CCU up until a step fails (the same limits as `npm run bench`: idle of the busiest
 * process ≥ 40 %, bot RTT p99 ≤ 50 ms, no failed joins) or its time runs out. Needs
 * redis-server installed; starts its own on a free loopback port. About 4 minutes, never
 * more than 8. Writes bench/results/scale.{json,md}.
 *
 * `-- --quick`: one short 100-CCU step per setup (a smoke test); `-- --out DIR`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOM_NAME } from "../../shared/protocol";
import { startRedis } from "./redisServer";
import { STEP_LIMITS, stepFailure } from "./report";
import { runScenario, type ScenarioPlan, type ScenarioResult } from "./scenario";

const quick = process.argv.includes("--quick");
const outAt = process.argv.indexOf("--out");
const RESULTS = outAt > 0 && process.argv[outAt + 1] ? path.resolve(process.argv[outAt + 1]!) : path.resolve(__dirname, "../results");
/** Whole pairs of rooms, so two processes can hold the same share. */
const STEPS = quick ? [100] : [200, 400, 600, 800, 1000];
const ROOM_SIZE = 50;
/** Per setup: no new step after this many seconds. */
const SETUP_DEADLINE_S = quick ? 30 : 150;
const RUN_LIMIT_MS = 480_000;

interface SetupResult {
  label: string;
  processes: number;
  steps: Array<{ ccu: number; held: boolean; reason?: string; result: ScenarioResult }>;
  heldCcu: number;
}

function log(line: string): void {
  process.stdout.write(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

async function runSetup(label: string, cluster: ScenarioPlan["cluster"]): Promise<SetupResult> {
  const started = Date.now();
  const steps: SetupResult["steps"] = [];
  for (const ccu of STEPS) {
    if ((Date.now() - started) / 1000 > SETUP_DEADLINE_S) break;
    const result = await runScenario({
      label: `${label}, ${ccu} CCU`, roomName: ROOM_NAME, bots: ccu, roomSize: ROOM_SIZE,
      // A longer warm-up than the main bench: each process's JIT warms up on its own.
      warmupS: quick ? 2 : 12, measureS: quick ? 3 : 15, botsPerWorker: 200, cluster,
    });
    const reason = stepFailure(result);
    steps.push({ ccu, held: reason === undefined, reason, result });
    log(`${label}, ${ccu} CCU: busiest process idle ${(100 * result.idle.median).toFixed(1)} %, RTT p99 ${result.rttMs.p99.toFixed(1)} ms, servers' CPU ${result.cpuPercent.toFixed(0)} %, bots' CPU ${result.botCpuPercent.toFixed(0)} %, clients per process ${result.ccuPerProcess.join(" / ")}${reason ? ` -> stop (${reason})` : ""}`);
    if (reason) break;
  }
  return { label, processes: cluster?.processes ?? 1, steps, heldCcu: steps.filter((step) => step.held).reduce((max, step) => Math.max(max, step.ccu), 0) };
}

function toMarkdown(command: string, setups: SetupResult[], durationS: number): string {
  const cores = os.cpus().length;
  const pct = (value: number): string => `${(100 * value).toFixed(1)} %`;
  const [one, two] = setups;
  return [
    "# Scale-out benchmark: one process against two behind Redis",
    "",
    `\`${command}\`, ${new Date().toISOString().slice(0, 10)}, ${Math.round(durationS)} s. Machine: ${cores} cores (${os.cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}.`,
    `Rooms of ${ROOM_SIZE} bots; bot workers spread round-robin over the processes, which share matchmaking through \`@colyseus/redis-presence\` and \`@colyseus/redis-driver\` on a local redis-server. Everything — servers, Redis and bots — shares the same ${cores} cores.`,
    `A step holds while the busiest process's median second stays ≥ ${pct(STEP_LIMITS.idleMin)} idle and bot RTT p99 ≤ ${STEP_LIMITS.rttP99MaxMs} ms, with no failed joins.`,
    "",
    "| setup | CCU | busiest process idle, median (worst) | RTT p50 / p99 | clients per process | servers' CPU | bots' CPU | held |",
    "|---|---|---|---|---|---|---|---|",
    ...setups.flatMap((setup) => setup.steps.map(({ ccu, held, reason, result }) =>
      `| ${setup.label} | ${ccu} | ${pct(result.idle.median)} (${pct(result.idle.min)}) | ${result.rttMs.median.toFixed(1)} / ${result.rttMs.p99.toFixed(1)} ms | ${result.ccuPerProcess.join(" / ")} | ${result.cpuPercent.toFixed(0)} % | ${result.botCpuPercent.toFixed(0)} % | ${held ? "yes" : `no: ${reason ?? ""}`} |`)),
    "",
    `**Highest CCU held: ${one?.heldCcu ?? 0} with one process, ${two?.heldCcu ?? 0} with two behind Redis** (${one && two && one.heldCcu > 0 ? `${(two.heldCcu / one.heldCcu).toFixed(2)}×` : "no ratio"}); ${setups[2]?.heldCcu ?? 0} with two independent processes.`,
    "",
    "| setup | servers' CPU at the first step | per client |",
    "|---|---|---|",
    ...setups.filter((setup) => setup.steps[0]).map((setup) => {
      const first = setup.steps[0]!.result;
      return `| ${setup.label}, ${first.bots} CCU | ${first.cpuPercent.toFixed(0)} % | ${(first.cpuPercent / Math.max(1, first.ccu)).toFixed(3)} % |`;
    }),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const started = Date.now();
  setTimeout(() => {
    console.error(`bench:scale: over its ${RUN_LIMIT_MS / 1000} s bound, giving up`);
    process.exit(1);
  }, RUN_LIMIT_MS).unref();
  fs.mkdirSync(RESULTS, { recursive: true });
  const redis = await startRedis();
  try {
    const setups = [
      await runSetup("1 process", undefined),
      await runSetup("2 processes + Redis", { processes: 2, redisUrl: redis.url }),
      // The same two processes without Redis, each holding its own rooms: what a second process costs by itself.
      await runSetup("2 processes, no Redis", { processes: 2 }),
    ];
    const command = `npm run bench:scale${quick ? " -- --quick" : ""}`;
    const durationS = (Date.now() - started) / 1000;
    const name = quick ? "scale-quick" : "scale";
    fs.writeFileSync(path.join(RESULTS, `${name}.json`), `${JSON.stringify({ command, date: new Date().toISOString(), durationS, setups }, null, 2)}\n`);
    fs.writeFileSync(path.join(RESULTS, `${name}.md`), toMarkdown(command, setups, durationS));
    log(`wrote ${path.join(RESULTS, name)}.{json,md} in ${Math.round(durationS)} s; held: ${setups.map((setup) => `${setup.label} ${setup.heldCcu} CCU`).join(", ")}`);
  } finally {
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
