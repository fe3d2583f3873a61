/**
 * One load scenario: a fresh server process, bot worker processes filling rooms of
 * `roomSize`, a warm-up, then a measured window in which the server's /metrics is
 * scraped every second (as Prometheus would) and the bots time their pings.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { parsePromText, promValue, type PromSample } from "../../server/metrics/promText";
import { summarize, type Summary } from "../../shared/stats";
import type { WorkerResult } from "./botWorker";
import type { LoadSample } from "./plot";
import { cpuSecondsOf, spawnTsx, type TsxChild } from "./processes";
import { freePort } from "./redisServer";

export interface ScenarioPlan {
  label: string;
  roomName: string;
  bots: number;
  roomSize: number;
  warmupS: number;
  measureS: number;
  /** Bots per worker process (whole rooms per worker). */
  botsPerWorker: number;
  /** Extra node flags for the server, e.g. --cpu-prof. */
  serverFlags?: string[];
  /**
   * Several server processes, bot workers spread over them round-robin: sharing
   * matchmaking through the Redis at `redisUrl`, or each on its own (no Redis: isolates
   * the cost of more processes from the cost of Redis). One process when absent.
   */
  cluster?: { processes: number; redisUrl?: string };
  /** Extra environment for the server processes, e.g. REPLAYS=off. */
  serverEnv?: Record<string, string>;
}

export interface ScenarioResult {
  label: string;
  bots: number;
  rooms: number;
  workers: number;
  joined: number;
  failed: number;
  errors: number;
  dropped: number;
  measuredS: number;
  ccu: number;
  /** Server processes (1 unless the plan is a cluster). */
  processes: number;
  /** Clients on each process at the end of the window: how evenly matchmaking spread them. */
  ccuPerProcess: number[];
  /** One simulation step, ms (server's sliding summary at the end of the window; the worst process). */
  tickMs: { p50: number; p99: number };
  /** One patch broadcast to a room, ms. */
  patchMs: { p50: number; p99: number };
  ticksPerSecond: number;
  /** Idle fraction of the event loop: median and worst second (of the busiest process each second). */
  idle: { median: number; min: number };
  /** Mean share of wall time per phase over the window. */
  split: { messages: number; simulation: number; network: number; other: number; idle: number };
  rttMs: Summary & { min: number };
  /** Share of the bots' time (patches received) their ship spent dead, over their whole run. */
  botDeadShare: number;
  /** Per connected client, KB/s (1 KB = 1000 B), payload bytes as counted by the server's sockets. */
  downKBps: number;
  upKBps: number;
  /** WebSocket messages each connected client sent a second (inputs, RTT reports and pings). */
  upMessagesPerS: number;
  patchBytesMean: number;
  /** Bytes written to match recordings per connected player per minute, KB. */
  replayKBPerPlayerMinute: number;
  /** Time spent recording matches, % of a core. */
  replayCpuPercent: number;
  /** CPU of all server processes together, % of one core. */
  cpuPercent: number;
  /** CPU used by all bot processes together, % of one core (from /proc; NaN where unavailable). */
  botCpuPercent: number;
  rssMB: number;
  samples: LoadSample[];
}

/** One scrape of every server process's /metrics. */
async function scrape(ports: readonly number[]): Promise<PromSample[][]> {
  return Promise.all(ports.map(async (port) => parsePromText(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text())));
}

/** A metric summed over the processes. */
function total(scrapes: readonly PromSample[][], name: string, labels: Record<string, string> = {}): number {
  return scrapes.reduce((sum, samples) => sum + (promValue(samples, name, labels) ?? 0), 0);
}

/** The largest value of a metric over the processes. */
function worst(scrapes: readonly PromSample[][], name: string, labels: Record<string, string> = {}): number {
  return Math.max(...scrapes.map((samples) => promValue(samples, name, labels) ?? Number.NaN));
}

/** The server processes of a plan: one on an ephemeral port, or a cluster on fixed ports sharing Redis. */
async function startServers(plan: ScenarioPlan, servers: TsxChild[]): Promise<number[]> {
  if (!plan.cluster) {
    servers.push(spawnTsx("benchServer.ts", [], plan.serverFlags ?? [], { ...process.env, ...plan.serverEnv }));
    return [Number((await servers[0]!.waitForLine(/^PORT (\d+)$/, 30_000))[1])];
  }
  const ports: number[] = [];
  for (let i = 0; i < plan.cluster.processes; i++) ports.push(await freePort());
  for (const port of ports) {
    const env = { ...process.env, ...plan.serverEnv, PORT: String(port), REDIS_URL: plan.cluster.redisUrl ?? "" };
    servers.push(spawnTsx("benchServer.ts", [], plan.serverFlags ?? [], env));
  }
  await Promise.all(servers.map((server) => server.waitForLine(/^PORT (\d+)$/, 30_000)));
  return ports;
}

const PHASES = ["messages", "simulation", "network"] as const;

export async function runScenario(plan: ScenarioPlan): Promise<ScenarioResult> {
  const servers: TsxChild[] = [];
  const workers: TsxChild[] = [];
  try {
    const ports = await startServers(plan, servers);
    const rooms = Math.ceil(plan.bots / plan.roomSize);
    // At least one worker per process, so every process gets its share of bots.
    const roomsPerWorker = Math.max(1, Math.min(Math.floor(plan.botsPerWorker / plan.roomSize), Math.ceil(rooms / ports.length)));
    const guardS = plan.warmupS + plan.measureS + 120;
    for (let first = 0; first < rooms; first += roomsPerWorker) {
      const count = Math.min(roomsPerWorker, rooms - first);
      const port = ports[workers.length % ports.length]!;
      // botWorker's positional protocol: endpoint, room name, rooms, room size, seconds, name prefix.
      const args = [`ws://127.0.0.1:${port}`, plan.roomName, String(count), String(plan.roomSize), String(guardS), `w${workers.length}`];
      workers.push(spawnTsx("botWorker.ts", args));
    }
    await Promise.all(workers.map((worker) => worker.waitForLine(/^READY$/, 60_000)));
    await sleep(plan.warmupS * 1000);

    const botCpu = (): number => workers.reduce((sum, worker) => sum + (cpuSecondsOf(worker.process.pid) ?? Number.NaN), 0);
    const botCpuStart = botCpu();
    const start = { at: Date.now(), metrics: await scrape(ports) };
    let previous = start;
    const samples: LoadSample[] = [];
    const idles: number[] = [];
    while (Date.now() - start.at < plan.measureS * 1000) {
      await sleep(1000 - ((Date.now() - start.at) % 1000));
      const now = { at: Date.now(), metrics: await scrape(ports) };
      const seconds = (now.at - previous.at) / 1000;
      // Each second is the busiest process's: that is the one whose players feel it.
      const perProcess = now.metrics.map((metrics, i) => {
        const before = previous.metrics[i]!;
        const delta = (name: string, labels: Record<string, string> = {}): number =>
          (promValue(metrics, name, labels) ?? 0) - (promValue(before, name, labels) ?? 0);
        const [messages, simulation, network] = PHASES.map((phase) => delta("netroids_tick_phase_seconds_total", { phase }) / seconds) as [
          number,
          number,
          number,
        ];
        const idle = Math.min(1, Math.max(0, 1 - delta("netroids_event_loop_busy_seconds_total") / seconds));
        return { messages, simulation, network, idle };
      });
      const busiest = perProcess.reduce((a, b) => (b.idle < a.idle ? b : a));
      const { messages, simulation, network, idle } = busiest;
      idles.push(idle);
      const other = Math.max(0, 1 - idle - messages - simulation - network);
      samples.push({ t: (now.at - start.at) / 1000, messages, simulation, network, other, idle });
      previous = now;
    }
    const end = previous;
    const botCpuPercent = (100 * (botCpu() - botCpuStart)) / ((end.at - start.at) / 1000);
    const results = await Promise.all(
      workers.map(async (worker) => {
        const line = worker.waitForLine(/^\{.*\}$/, 30_000);
        await worker.stop();
        return JSON.parse((await line)[0]) as WorkerResult;
      }),
    );
    return { ...summarizeScenario(plan, rooms, workers.length, start, end, samples, idles, results), botCpuPercent };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all(servers.map((server) => server.stop()));
  }
}

function summarizeScenario(
  plan: ScenarioPlan,
  rooms: number,
  workerCount: number,
  start: { at: number; metrics: PromSample[][] },
  end: { at: number; metrics: PromSample[][] },
  samples: LoadSample[],
  idles: number[],
  results: WorkerResult[],
): Omit<ScenarioResult, "botCpuPercent"> {
  const seconds = (end.at - start.at) / 1000;
  const delta = (name: string, labels: Record<string, string> = {}): number =>
    total(end.metrics, name, labels) - total(start.metrics, name, labels);
  const quantileMs = (name: string, q: string): number => 1000 * worst(end.metrics, name, { quantile: q });
  const ccu = total(end.metrics, "netroids_ccu");
  const rtts = results.flatMap((result) => result.rtts).filter((sample) => sample.at >= start.at && sample.at <= end.at);
  for (const sample of samples) {
    const from = start.at + (sample.t - 1) * 1000;
    const to = start.at + sample.t * 1000;
    const second = summarize(rtts.filter((rtt) => rtt.at > from && rtt.at <= to).map((rtt) => rtt.ms));
    if (second.n > 0) Object.assign(sample, { rttP50Ms: second.median, rttP99Ms: second.p99 });
  }
  const rttValues = rtts.map((sample) => sample.ms);
  const mean = (key: keyof ScenarioResult["split"]): number =>
    samples.reduce((sum, sample) => sum + sample[key], 0) / Math.max(1, samples.length);
  const sum = (key: "joined" | "failed" | "errors" | "dropped" | "patchesSeen" | "patchesDead"): number =>
    results.reduce((total, result) => total + result[key], 0);
  return {
    label: plan.label,
    bots: plan.bots,
    rooms,
    workers: workerCount,
    joined: sum("joined"),
    failed: sum("failed"),
    errors: sum("errors"),
    dropped: sum("dropped"),
    botDeadShare: sum("patchesDead") / Math.max(1, sum("patchesSeen")),
    measuredS: seconds,
    ccu,
    processes: end.metrics.length,
    ccuPerProcess: end.metrics.map((metrics) => promValue(metrics, "netroids_ccu") ?? 0),
    tickMs: { p50: quantileMs("netroids_tick_seconds", "0.5"), p99: quantileMs("netroids_tick_seconds", "0.99") },
    patchMs: { p50: quantileMs("netroids_patch_seconds", "0.5"), p99: quantileMs("netroids_patch_seconds", "0.99") },
    ticksPerSecond: delta("netroids_ticks_total") / seconds / Math.max(1, rooms),
    idle: { median: summarize(idles).median, min: Math.min(...idles) },
    split: {
      messages: mean("messages"),
      simulation: mean("simulation"),
      network: mean("network"),
      other: mean("other"),
      idle: mean("idle"),
    },
    rttMs: { ...summarize(rttValues), min: rttValues.reduce((min, ms) => Math.min(min, ms), rttValues.length ? Infinity : Number.NaN) },
    downKBps: delta("netroids_bytes_sent_total") / seconds / Math.max(1, ccu) / 1000,
    upKBps: delta("netroids_bytes_received_total") / seconds / Math.max(1, ccu) / 1000,
    upMessagesPerS: delta("netroids_messages_received_total") / seconds / Math.max(1, ccu),
    patchBytesMean: delta("netroids_patch_bytes_sum") / Math.max(1, delta("netroids_patch_bytes_count")),
    replayKBPerPlayerMinute: delta("netroids_replay_bytes_total") / Math.max(1, ccu) / (seconds / 60) / 1000,
    replayCpuPercent: (100 * delta("netroids_replay_seconds_total")) / seconds,
    cpuPercent: (100 * delta("process_cpu_seconds_total")) / seconds,
    rssMB: total(end.metrics, "process_resident_memory_bytes") / 1e6,
    samples,
  };
}
