/**
 * Fuzzing the server (issue 7). Real SDK clients send over 10,000 malformed or hostile
 * messages — random types, payloads of every JSON type and worse (NaN, ±Infinity, −0,
 * huge strings, arrays and nestings), raw binary junk and text on the WebSocket,
 * frames that break the WebSocket protocol, floods at 1,000 messages a second — into a
 * room where three honest players hunt rocks. The server runs in a process of its own
 * (test/support/fuzzServer.ts) so its heap is its own. Afterwards the server is up, the
 * honest players' game went on, every bad message was counted and dropped — the server's
 * counts are held exactly to what the clients put on the wire — and the heap is back
 * near where it started.
 */
import { Client } from "@colyseus/sdk";
import { promValue, type PromSample } from "../server/metrics/promText";
import { ServerCloseCode } from "../shared/net/messages";
import type { DropReason } from "../server/rooms/MessageGuard";
import { ServerMessage } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { AsteroidHunter } from "./support/asteroidHunter";
import { FuzzServerProcess, type RoomAccounting } from "./support/fuzzServerProcess";
import { sleep, waitFor } from "./support/gameServer";
import { runHostileFleet, type HostileRole, type RoleTally } from "./support/hostileFleet";
import type { SentCounts } from "./support/hostileClient";

const SEED = 0x5eed_f022;
const HUNTERS = 3;
/** ~1,800 fuzz + ~7,500 flood + 1,600 junk + 110 fatal: over 10,000 in about 10 s. */
const PLAN = { fuzzClients: 3, fuzzMessagesEach: 600, floodClients: 24, junkClients: 40, junkFramesEach: 40, fatalClients: 10 };
/** Hard stop for the hostile run, ms: it normally ends in ~10 s, when the fuzz clients have sent their share. */
const FUZZ_TIME_LIMIT_MS = 30_000;
/** Honest play before the heap baseline, ms: rooms, schemas and JIT warm up first. */
const WARM_UP_MS = 2000;
/** A leak check, not a performance bound: 10,000 messages leaking a few KB each would pass it. */
const HEAP_SLACK_BYTES = 20 * 1024 * 1024;
const GUARD_REASONS: readonly DropReason[] = ["malformed", "unknown", "rate", "stale", "flood"];

interface HunterRecord {
  sessionId: string;
  sent: number;
  droppedWith: number | undefined;
  before: { tick: number; score: number };
  after: { tick: number; score: number };
}

interface Outcome {
  roomId: string;
  roles: Record<HostileRole, RoleTally>;
  hostile: SentCounts;
  hunters: HunterRecord[];
  room: RoomAccounting;
  metrics: PromSample[];
  heapBefore: number;
  heapAfter: number;
  fuzzSeconds: number;
}

let server: FuzzServerProcess | undefined;
let outcome: Outcome;
const leaveAtEnd: AsteroidHunter[] = [];

beforeAll(async () => {
  server = await FuzzServerProcess.start();
  outcome = await playAndFuzz(server);
}, 120_000);

afterAll(async () => {
  // Leave before the server goes, so no client is told of its shutdown.
  for (const hunter of leaveAtEnd) hunter.stop();
  await Promise.all(leaveAtEnd.map((hunter) => hunter.room.leave(true).catch(() => undefined)));
  await server?.stop();
});

async function heapUsed(target: FuzzServerProcess): Promise<number> {
  await target.collectGarbage();
  return promValue(await target.metrics(), "nodejs_heap_size_used_bytes") ?? Number.NaN;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

async function playAndFuzz(target: FuzzServerProcess): Promise<Outcome> {
  const first = await AsteroidHunter.enter(target.endpoint, "hunter-1", { seed: SEED });
  const roomId = first.room.roomId;
  const hunters = [first];
  for (let i = 2; i <= HUNTERS; i++) hunters.push(await AsteroidHunter.enter(target.endpoint, `hunter-${i}`, { roomId }));
  leaveAtEnd.push(...hunters);
  for (const hunter of hunters) hunter.start();
  if (!(await waitFor(() => hunters.every((hunter) => hunter.ship !== undefined && hunter.tick > 0), 10_000)))
    throw new Error("the hunters never saw their ships");
  await sleep(WARM_UP_MS);
  const heapBefore = await heapUsed(target);
  const before = hunters.map((hunter) => ({ tick: hunter.tick, score: hunter.score }));

  const fuzzStarted = Date.now();
  const roles = await runHostileFleet(target.endpoint, roomId, { ...PLAN, deadline: fuzzStarted + FUZZ_TIME_LIMIT_MS }, SEED);
  const fuzzSeconds = (Date.now() - fuzzStarted) / 1000;
  const after = hunters.map((hunter) => ({ tick: hunter.tick, score: hunter.score }));
  for (const hunter of hunters) hunter.stop();

  // Settled: only the hunters left, and nothing changed in the server's counts over 300 ms.
  const sessionIds = hunters.map((hunter) => hunter.room.sessionId);
  let room = await target.roomAccounting(roomId, sessionIds);
  let metrics = await target.metrics();
  for (let tries = 0; tries < 30; tries++) {
    await sleep(300);
    const [nextRoom, nextMetrics] = [await target.roomAccounting(roomId, sessionIds), await target.metrics()];
    const quiet =
      JSON.stringify(nextRoom) === JSON.stringify(room) &&
      promValue(nextMetrics, "netroids_messages_received_total") === promValue(metrics, "netroids_messages_received_total");
    [room, metrics] = [nextRoom, nextMetrics];
    if (quiet && room.clients === HUNTERS) break;
  }
  const heapAfter = await heapUsed(target);

  const hostile: SentCounts = { message: 0, junk: 0, oversize: 0 };
  for (const tally of Object.values(roles))
    for (const key of Object.keys(hostile) as Array<keyof SentCounts>) hostile[key] += tally.sent[key];
  return {
    roomId,
    roles,
    hostile,
    room,
    metrics,
    heapBefore,
    heapAfter,
    fuzzSeconds,
    hunters: hunters.map((hunter, i) => ({
      sessionId: hunter.room.sessionId,
      sent: hunter.sent,
      droppedWith: hunter.droppedWith,
      before: before[i]!,
      after: after[i]!,
    })),
  };
}

function dropped(reason: string): number {
  return promValue(outcome.metrics, "netroids_messages_dropped_total", { reason }) ?? 0;
}

test("over 10,000 hostile messages of every kind reached the server", () => {
  const { roles, hostile } = outcome;
  // FUZZ_REPORT=1 prints what was sent and what the server counted, for reading a run.
  if (process.env.FUZZ_REPORT)
    console.info(JSON.stringify({ ...outcome, metrics: undefined, dropped: { junk: dropped("junk"), oversize: dropped("oversize") } }));
  expect(hostile.message + hostile.junk + hostile.oversize).toBeGreaterThanOrEqual(10_000);
  for (const role of Object.keys(roles) as HostileRole[]) {
    expect(roles[role].joinFailures).toBe(0);
    expect(roles[role].clients).toBeGreaterThan(0);
  }
  expect(roles.fuzz.clients).toBe(PLAN.fuzzClients);
  expect(roles.fuzz.sent.message).toBe(PLAN.fuzzClients * PLAN.fuzzMessagesEach);
  expect(roles.flood.clients).toBe(PLAN.floodClients);
  expect(roles.junk.sent.junk).toBe(PLAN.junkClients * PLAN.junkFramesEach);
  expect(roles.fatal.clients).toBe(PLAN.fatalClients);
});

test("the server is up afterwards and takes a new player", async () => {
  const target = server!;
  expect(target.running).toBe(true);
  const health = (await (await fetch(`${target.endpoint}/health`)).json()) as { ok: boolean; rooms: number };
  expect(health.ok).toBe(true);
  const room = await new Client(target.endpoint).joinById<GameState>(outcome.roomId, { name: "late" });
  room.onMessage(ServerMessage.Events, () => undefined);
  expect(await waitFor(() => (room.state.tick ?? 0) > 0, 5000)).toBe(true);
  const tick = room.state.tick;
  expect(await waitFor(() => room.state.tick > tick, 5000)).toBe(true);
  await room.leave(true);
});

test("the honest players played on: still connected, their ticks and scores advanced, every input applied", () => {
  for (const hunter of outcome.hunters) {
    expect(hunter.droppedWith).toBeUndefined();
    expect(hunter.after.tick).toBeGreaterThan(hunter.before.tick);
    expect(hunter.after.score).toBeGreaterThan(hunter.before.score);
    const stats = outcome.room.players[hunter.sessionId];
    expect(stats?.accepted).toBe(hunter.sent);
    expect(sum(Object.values(stats?.dropped ?? {}))).toBe(0);
  }
});

test("every bad message was counted and dropped, and none was applied", () => {
  const { room, hostile, roles, hunters } = outcome;
  // Accepted: exactly the honest players' inputs. Dropped by the room: exactly the hostile room messages.
  expect(room.accepted).toBe(sum(hunters.map((hunter) => hunter.sent)));
  expect(sum(Object.values(room.dropped))).toBe(hostile.message);
  for (const reason of GUARD_REASONS) expect(dropped(reason)).toBe(room.dropped[reason]);
  // Dropped before the room: every junk frame, and every frame over the size limit.
  expect(dropped("junk")).toBe(hostile.junk);
  expect(dropped("oversize")).toBe(hostile.oversize);
  // Every frame the server read is accounted for: accepted, dropped with a reason, or housekeeping
  // (one join acknowledgement per connection, one LEAVE_ROOM per consented leave). Frames ws itself
  // rejected (too big, bad UTF-8) never became messages.
  const connections = HUNTERS + sum(Object.values(roles).map((tally) => tally.clients));
  const leaves = sum(Object.values(roles).map((tally) => tally.consentedLeaves));
  expect(roles.fatal.sent.oversize + roles.fatal.sent.junk).toBe(PLAN.fatalClients);
  expect(promValue(outcome.metrics, "netroids_messages_received_total")).toBe(
    room.accepted + sum(Object.values(room.dropped)) + dropped("junk") - roles.fatal.sent.junk + connections + leaves,
  );
  // Floods were throttled, then cut with 4429, each counted once as expelled.
  expect(room.dropped.rate).toBeGreaterThan(0);
  expect(room.dropped.flood).toBeGreaterThanOrEqual(PLAN.floodClients);
  expect(roles.flood.closes).toEqual({ [ServerCloseCode.Flood]: PLAN.floodClients });
  expect(promValue(outcome.metrics, "netroids_clients_expelled_total", { reason: "flood" })).toBe(PLAN.floodClients);
  // Junk closes its socket; the fuzz clients, within the rate limit, stayed until they left.
  expect(roles.junk.closes).toEqual({ [ServerCloseCode.Junk]: PLAN.junkClients });
  expect(roles.fuzz.closes).toEqual({ open: PLAN.fuzzClients });
  // A frame ws rejects cuts its socket (1009 or 1007 when the close frame gets out first).
  expect(roles.fatal.closes.open).toBeUndefined();
  expect(room.ships).toBe(HUNTERS);
});

test("the server's heap came back near where it started", () => {
  expect(outcome.heapBefore).toBeGreaterThan(0);
  expect(outcome.heapAfter).toBeLessThan(outcome.heapBefore + HEAP_SLACK_BYTES);
});
