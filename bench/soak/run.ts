/**
 * `npm run soak`: a bounded soak of the real server. 100 bots play in one room for
 * `--minutes` (default 10) after a warm-up, while the server's /metrics is scraped every
 * 10 s; then it decides whether memory grew, whether anything failed, and whether the
 * tick time stayed steady, writes soak.{md,json} (bench/results, or `--out DIR`) and exits
 * 1 when any verdict fails, unless `--explore`. Not part of `npm test`.
 *
 *   npm run soak -- --minutes 2 --bots 100 --out /tmp/soak
 *
 * Bounded: the whole run stops at `--minutes` plus SETUP_MARGIN_MS whatever happens; its
 * child processes exit with it (their IPC channel closes).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ROOM_NAME } from "../../shared/net/messages";
import { exitCodeOf, parseCommandOrExit } from "../cli";
import type { WorkerResult } from "../load/botWorker";
import { spawnTsx, type TsxChild } from "../load/processes";
import { fixed, percent } from "../markdown";
import { minuteRows } from "./minutes";
import { SOAK_COMMAND, soakOptions, type SoakOptions } from "./options";
import { byLabel, countsOf } from "./sample";
import { busyNote, toSoakMarkdown, verdictLines, type SoakReport } from "./report";
import { decide, SOAK_LIMITS, type BotTally } from "./verdicts";
import { watch, type WatchResult } from "./watch";

/** Long enough for the heap and RSS to reach their working size before the first memory window. */
const WARMUP_S = 60;
const SAMPLE_S = 10;
const SCRAPE_TIMEOUT_MS = 5_000;
const SERVER_START_MS = 30_000;
const BOTS_READY_MS = 60_000;
const BOT_RESULT_MS = 30_000;
/** Past `--minutes`: server start, joins, warm-up, collecting and stopping (≤ 200 s together), with room to spare. */
const SETUP_MARGIN_MS = 240_000;

function log(line: string): void {
  process.stdout.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** How a child ended, or undefined while it runs. */
function endedAs(name: string, child: TsxChild): string | undefined {
  const { exitCode, signalCode } = child.process;
  if (exitCode === null && signalCode === null) return undefined;
  return `${name} exited early (${signalCode ?? `code ${exitCode}`})`;
}

/** Asks the bot process for its tally (it prints one JSON line on SIGTERM) and stops it. */
async function collectBots(worker: TsxChild, incidents: string[]): Promise<WorkerResult | undefined> {
  const line = worker.waitForLine(/^\{.*\}$/, BOT_RESULT_MS);
  await worker.stop();
  try {
    return JSON.parse((await line)[0]) as WorkerResult;
  } catch (error) {
    incidents.push(`no tally from the bot process: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

interface Measured {
  watched: WatchResult;
  bots: WorkerResult | undefined;
}

async function soak(options: SoakOptions): Promise<Measured> {
  const server = spawnTsx("../soak/soakServer.ts", []);
  let worker: TsxChild | undefined;
  try {
    const port = Number((await server.waitForLine(/^PORT (\d+)$/, SERVER_START_MS))[1]);
    log(`server on 127.0.0.1:${port}; joining ${options.bots} bots to one room`);
    // The bot process's own bound: it reports and leaves by then even if nobody asks.
    const botsBoundS = WARMUP_S + options.minutes * 60 + 60;
    // botWorker's positional protocol: endpoint, room name, rooms, room size, seconds, name prefix.
    worker = spawnTsx("botWorker.ts", [`ws://127.0.0.1:${port}`, ROOM_NAME, "1", String(options.bots), String(botsBoundS), "soak"]);
    await worker.waitForLine(/^READY$/, BOTS_READY_MS);
    log(`bots ready; warming up ${WARMUP_S} s`);
    await sleep(WARMUP_S * 1000);
    log(`measuring ${options.minutes} min, a sample every ${SAMPLE_S} s`);
    const bots = worker;
    const watched = await watch({
      port,
      minutes: options.minutes,
      sampleS: SAMPLE_S,
      scrapeTimeoutMs: SCRAPE_TIMEOUT_MS,
      alive: () => endedAs("server", server) ?? endedAs("bot process", bots),
      onSample: (sample) => {
        if (Math.round(sample.t / SAMPLE_S) % (60 / SAMPLE_S) !== 0) return;
        log(
          `minute ${Math.round(sample.t / 60)}: ` +
            [
              `RSS ${fixed(sample.rssMB, 1, "MB")}`,
              `heap used ${fixed(sample.heapUsedMB, 1, "MB")} (${fixed(sample.heapAfterGcMB, 1)} after the last major GC)`,
              `step p99 ${fixed(sample.tickMs.p99, 2, "ms")}`,
              `patch p99 ${fixed(sample.patchMs.p99, 2, "ms")}`,
              `idle ${percent(sample.idle)}`,
              `CCU ${sample.ccu}`,
              `dropped ${sample.dropped}`,
              `expelled ${sample.expelled}`,
              `stderr ${sample.stderrLines}`,
            ].join(", "),
        );
      },
    });
    return { watched, bots: await collectBots(worker, watched.incidents) };
  } finally {
    await worker?.stop();
    await server.stop();
  }
}

function tallyOf(bots: number, result: WorkerResult | undefined): BotTally {
  // Without the bot process's tally nothing is known to have joined: the errors verdict fails.
  return { bots, joined: result?.joined ?? 0, failed: result?.failed ?? 0, errors: result?.errors ?? 0, dropped: result?.dropped ?? 0 };
}

async function main(): Promise<void> {
  const started = Date.now();
  const options = soakOptions(parseCommandOrExit(SOAK_COMMAND).flags, path.resolve(__dirname, "../results"));
  const limitMs = options.minutes * 60_000 + SETUP_MARGIN_MS;
  setTimeout(() => {
    console.error(`soak: over its ${Math.round(limitMs / 1000)} s bound, giving up`);
    process.exit(1);
  }, limitMs).unref();
  log(
    `${options.command}: ${options.bots} bots, one room, ${WARMUP_S} s warm-up + ${options.minutes} min measured; ` +
      `bound ${Math.round(limitMs / 1000)} s`,
  );

  const { watched, bots } = await soak(options);
  const rows = minuteRows(watched.samples, SAMPLE_S, watched.baseline, bots?.rtts ?? [], watched.startAt);
  const botTally = tallyOf(options.bots, bots);
  const serverTotals = countsOf(watched.last);
  const droppedByReason = byLabel(watched.last, "netroids_messages_dropped_total", "reason");
  const expelledByReason = byLabel(watched.last, "netroids_clients_expelled_total", "reason");
  const verdicts = decide({
    samples: watched.samples,
    rows,
    bots: botTally,
    serverTotals,
    droppedByReason,
    expelledByReason,
    incidents: watched.incidents,
  });
  const cores = os.cpus().length;
  const report: SoakReport = {
    date: new Date().toISOString().slice(0, 10),
    command: options.command,
    machine: {
      cores,
      cpu: os.cpus()[0]?.model.trim() ?? "unknown",
      node: process.version,
      memoryGB: Math.round(os.totalmem() / 1e9),
    },
    bots: options.bots,
    minutes: options.minutes,
    warmupS: WARMUP_S,
    sampleEveryS: SAMPLE_S,
    durationS: (Date.now() - started) / 1000,
    pass: verdicts.every((verdict) => verdict.pass),
    verdicts,
    limits: SOAK_LIMITS,
    botTally,
    serverTotals,
    droppedByReason,
    expelledByReason,
    incidents: watched.incidents,
    busyNote: busyNote(watched.samples, cores),
    minuteRows: rows,
    samples: watched.samples,
  };
  fs.mkdirSync(options.outDir, { recursive: true });
  fs.writeFileSync(path.join(options.outDir, "soak.json"), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(options.outDir, "soak.md"), toSoakMarkdown(report));
  for (const line of verdictLines(verdicts)) log(line);
  if (report.busyNote) log(report.busyNote);
  const code = exitCodeOf(
    verdicts.map((verdict) => ({ name: verdict.topic, met: verdict.pass })),
    options.explore,
  );
  const outcome = report.pass ? "passed" : `FAILED (exit code ${code}${options.explore ? ", --explore" : ""})`;
  log(`${outcome} in ${Math.round(report.durationS)} s; wrote ${path.join(options.outDir, "soak.{md,json}")}`);
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
