/**
 * GET /metrics from a real server with real SDK clients playing: every family the
 * dashboard and the benchmark rely on is there and moves with the traffic.
 */
import type { Room as ClientRoom } from "@colyseus/sdk";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { RTT_REPORT_INTERVAL_MS } from "../shared/net/netConstants";
import { parsePromText, promValue, type PromSample } from "../server/metrics/promText";
import { Key } from "../shared/sim/input";
import { ClientMessage, ServerMessage, ROOM_NAME } from "../shared/net/messages";
import { httpBaseOf, sleep, useGameServer } from "./support/gameServer";

const server = useGameServer();

async function scrape(): Promise<{ contentType: string | null; samples: PromSample[] }> {
  const response = await fetch(`${httpBaseOf(server())}/metrics`);
  expect(response.status).toBe(200);
  return { contentType: response.headers.get("content-type"), samples: parsePromText(await response.text()) };
}

async function joinPlayers(count: number): Promise<{ room: AsteroidsRoom; clients: ClientRoom[] }> {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 5 });
  const clients: ClientRoom[] = [];
  for (let i = 0; i < count; i++) {
    const client = (await server().connectTo(room, { name: `m${i}` })) as unknown as ClientRoom;
    client.onMessage(ServerMessage.Events, () => undefined);
    clients.push(client);
  }
  return { room, clients };
}

test("exposes players, ticks, patches, traffic and idle time in Prometheus text format", async () => {
  const before = (await scrape()).samples;
  const { room, clients } = await joinPlayers(2);
  for (let step = 1; step <= 30; step++) {
    for (const client of clients) client.send(ClientMessage.Input, { upTo: step, runs: [[step, step % 2 === 0 ? Key.Up : Key.Left]] });
    await sleep(5);
  }
  // Long enough for patches at 20 Hz and for the sampler's one-second window to close.
  await sleep(1200);
  const { contentType, samples } = await scrape();

  expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(promValue(samples, "netroids_ccu")).toBeGreaterThanOrEqual(2);
  expect(promValue(samples, "netroids_rooms")).toBeGreaterThanOrEqual(1);
  expect(promValue(samples, "netroids_room_players", { room: room.roomId })).toBe(2);
  const delta = (name: string, labels: Record<string, string> = {}) =>
    (promValue(samples, name, labels) ?? 0) - (promValue(before, name, labels) ?? 0);
  expect(delta("netroids_ticks_total")).toBeGreaterThanOrEqual(60);
  expect(delta("netroids_patches_total")).toBeGreaterThanOrEqual(20);
  expect(delta("netroids_messages_received_total")).toBeGreaterThanOrEqual(60);
  expect(delta("netroids_bytes_received_total")).toBeGreaterThan(60 * 10);
  expect(delta("netroids_bytes_sent_total")).toBeGreaterThan(0);
  for (const phase of ["messages", "simulation", "network"]) {
    expect(delta("netroids_tick_phase_seconds_total", { phase })).toBeGreaterThan(0);
  }
  expect(delta("netroids_patch_bytes_count")).toBeGreaterThan(0);
  const tickP50 = promValue(samples, "netroids_tick_seconds", { quantile: "0.5" });
  expect(tickP50).toBeGreaterThan(0);
  expect(tickP50).toBeLessThan(1 / 60);
  expect(delta("netroids_event_loop_busy_seconds_total")).toBeGreaterThan(0);
  const idle = promValue(samples, "netroids_idle_ratio");
  expect(idle).toBeGreaterThanOrEqual(0);
  expect(idle).toBeLessThanOrEqual(1);
  // Seconds, from a setImmediate queued at the previous scrape: small on a server that is not blocked.
  const lag = promValue(samples, "nodejs_eventloop_lag_seconds");
  expect(lag).toBeGreaterThanOrEqual(0);
  expect(lag).toBeLessThan(1);
  expect(promValue(samples, "process_resident_memory_bytes")).toBeGreaterThan(0);
});

test("event-loop lag stays well under a second while the loop runs free, and rises past a 200 ms block of it", async () => {
  // prom-client's default metrics (server/metrics/ServerMetrics.ts): perf_hooks' monitorEventLoopDelay times the
  // loop's turns with a 10 ms timer, and each scrape reports the longest since the previous scrape (which empties
  // the record), in seconds. A turn is recorded at the timer's second firing after a scrape, so each scrape below
  // comes a few turns after what it looks at. The server runs in this process: blocking the test blocks it.
  const TURNS_MS = 50;
  await scrape();
  await sleep(TURNS_MS);
  const free = promValue((await scrape()).samples, "nodejs_eventloop_lag_max_seconds");
  expect(free).toBeGreaterThan(0);
  expect(free).toBeLessThan(1);
  await sleep(TURNS_MS);
  const BLOCK_MS = 200;
  const blockedUntil = performance.now() + BLOCK_MS;
  while (performance.now() < blockedUntil) {
    // Holding the event loop, as a long synchronous handler would.
  }
  await sleep(TURNS_MS);
  const blocked = promValue((await scrape()).samples, "nodejs_eventloop_lag_max_seconds");
  // Generous bounds: the block less a timer interval and some; far below what ms or ns read as seconds would give.
  expect(blocked).toBeGreaterThanOrEqual(0.15);
  expect(blocked).toBeLessThan(5);
});

test("histograms the round trips clients report and counts the reports it drops", async () => {
  const { clients } = await joinPlayers(1);
  const [client] = clients as [ClientRoom];
  const before = (await scrape()).samples;
  client.send(ClientMessage.Rtt, 12);
  // A second report within RTT_REPORT_INTERVAL_MS is dropped: one client cannot outweigh the others.
  client.send(ClientMessage.Rtt, 9999);
  for (const bad of ["12", -1, 1e9, null, { ms: 3 }]) client.send(ClientMessage.Rtt, bad);
  await sleep(RTT_REPORT_INTERVAL_MS + 100);
  client.send(ClientMessage.Rtt, 40);
  await sleep(200);
  const after = (await scrape()).samples;
  const delta = (name: string, labels: Record<string, string> = {}) =>
    (promValue(after, name, labels) ?? 0) - (promValue(before, name, labels) ?? 0);
  expect(delta("netroids_client_rtt_seconds_count")).toBe(2);
  expect(delta("netroids_client_rtt_seconds_sum")).toBeCloseTo(0.052, 6);
  expect(delta("netroids_client_rtt_seconds_bucket", { le: "0.02" })).toBe(1);
  expect(delta("netroids_messages_dropped_total", { reason: "malformed" })).toBe(5);
  expect(delta("netroids_messages_dropped_total", { reason: "rate" })).toBe(1);
});

test("a room's player gauge goes away with the room", async () => {
  const { room, clients } = await joinPlayers(2);
  expect(promValue((await scrape()).samples, "netroids_room_players", { room: room.roomId })).toBe(2);
  for (const client of clients) await client.leave(true);
  let samples = (await scrape()).samples;
  for (let tries = 0; tries < 50 && promValue(samples, "netroids_room_players", { room: room.roomId }) !== undefined; tries++) {
    await sleep(50);
    samples = (await scrape()).samples;
  }
  expect(samples.some((sample) => sample.name === "netroids_room_players" && sample.labels.room === room.roomId)).toBe(false);
});
