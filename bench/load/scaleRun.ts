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
import { ROOM_NAME } from "../../shared/net/messages";
import { parseCommandOrExit } from "../cli";
import { fixed, percent } from "../markdown";
import { startRedis } from "./redisServer";
import { stepFailure } from "./report";
import { toScaleMarkdown, type ScaleReport, type SetupResult } from "./scaleReport";
import { runScenario, type ScenarioPlan } from "./scenario";

const { flags } = parseCommandOrExit({
  name: "bench:scale",
  invocation: "npm run bench:scale --",
  summary: "CCU held by one server process against two sharing matchmaking through Redis (needs redis-server).",
  flags: {
    quick: { type: "boolean", help: "one short 100-CCU step per setup (a smoke test, not a measurement)" },
    out: { type: "string", value: "DIR", help: "write scale.{json,md} to DIR instead of bench/results" },
  },
});
const quick = flags.quick;
const RESULTS = path.resolve(flags.out ?? path.join(__dirname, "../results"));
/** Whole pairs of rooms, so two processes can hold the same share. */
const STEPS = quick ? [100] : [200, 400, 600, 800, 1000];
const ROOM_SIZE = 50;
/** Per setup: no new step after this many seconds. */
const SETUP_DEADLINE_S = quick ? 30 : 150;
const RUN_LIMIT_MS = 480_000;

function log(line: string): void {
  process.stdout.write(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

async function runSetup(label: string, cluster: ScenarioPlan["cluster"]): Promise<SetupResult> {
  const started = Date.now();
  const steps: SetupResult["steps"] = [];
  for (const ccu of STEPS) {
    if ((Date.now() - started) / 1000 > SETUP_DEADLINE_S) break;
    const result = await runScenario({
      label: `${label}, ${ccu} CCU`,
      roomName: ROOM_NAME,
      bots: ccu,
      roomSize: ROOM_SIZE,
      // A longer warm-up than the main bench: each process's JIT warms up on its own.
      warmupS: quick ? 2 : 12,
      measureS: quick ? 3 : 15,
      botsPerWorker: 200,
      cluster,
    });
    const reason = stepFailure(result);
    steps.push({ ccu, held: reason === undefined, reason, result });
    log(
      [
        `${label}, ${ccu} CCU: busiest process idle ${percent(result.idle.median)}`,
        `RTT p99 ${fixed(result.rttMs.p99, 1, "ms")}`,
        `servers' CPU ${fixed(result.cpuPercent, 0, "%")}`,
        `bots' CPU ${fixed(result.botCpuPercent, 0, "%")}`,
        `clients per process ${result.ccuPerProcess.join(" / ")}${reason ? ` -> stop (${reason})` : ""}`,
      ].join(", "),
    );
    if (reason) break;
  }
  const heldCcu = steps.filter((step) => step.held).reduce((max, step) => Math.max(max, step.ccu), 0);
  return { label, processes: cluster?.processes ?? 1, steps, heldCcu };
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
      // The same two processes without Redis, each holding its own rooms:
      // what a second process costs by itself.
      await runSetup("2 processes, no Redis", { processes: 2 }),
    ];
    const report: ScaleReport = {
      command: `npm run bench:scale${quick ? " -- --quick" : ""}`,
      date: new Date().toISOString(),
      durationS: (Date.now() - started) / 1000,
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model.trim() ?? "unknown", node: process.version },
      roomSize: ROOM_SIZE,
      setups,
    };
    const name = quick ? "scale-quick" : "scale";
    fs.writeFileSync(path.join(RESULTS, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(path.join(RESULTS, `${name}.md`), toScaleMarkdown(report));
    const held = setups.map((setup) => `${setup.label} ${setup.heldCcu} CCU`).join(", ");
    log(`wrote ${path.join(RESULTS, name)}.{json,md} in ${fixed(report.durationS, 0)} s; held: ${held}`);
  } finally {
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
