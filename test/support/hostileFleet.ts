/**
 * The hostile side of the fuzz test: four kinds of misbehaving clients run side by side
 * against one room, each kind from its own seeded PRNG. A client the server closes is
 * replaced by a new one until its kind has had its number of clients. Every loop is
 * bounded by a count and by the deadline.
 */
import { MAX_MESSAGE_BYTES } from "../../server/app";
import { sleep } from "./gameServer";
import { badMessage, junkFrame, randomInt } from "./fuzzPayloads";
import { HostileClient, noneSent, type SentCounts } from "./hostileClient";

export type HostileRole = "fuzz" | "flood" | "junk" | "fatal";

export interface FleetPlan {
  /** Clients sending bad room messages under the soft rate limit, and how many each sends. */
  fuzzClients: number;
  fuzzMessagesEach: number;
  /** Clients flooding at 1,000 messages a second, two at a time, one after another. */
  floodClients: number;
  /** Clients sending a burst of raw junk frames each. */
  junkClients: number;
  junkFramesEach: number;
  /** Clients sending a few bad messages and then a frame that breaks the WebSocket protocol (too big, or text that is not UTF-8). */
  fatalClients: number;
  /** Wall-clock time (Date.now()) past which nothing new is started or sent. */
  deadline: number;
}

export interface RoleTally {
  clients: number;
  joinFailures: number;
  sent: SentCounts;
  /** How the server ended each connection: close code → clients ("open" when it did not within the wait). */
  closes: Record<string, number>;
  /** Clients still connected at the end of their run, which then left with consent (one LEAVE_ROOM frame each). */
  consentedLeaves: number;
}

/** Flood pace, messages a second: kept against the clock, so a late timer sends a bigger burst rather than slowing the flood. */
const FLOOD_PER_SECOND = 1000;
const FLOOD_EVERY_MS = 10;
/** A flood client is cut after ~300 messages; this caps one that is not. */
const FLOOD_CAP = 3000;
/** Fuzz pace: FUZZ_BURST every FUZZ_EVERY_MS is 60 a second, under the soft limit of 90. */
const FUZZ_BURST = 3;
const FUZZ_EVERY_MS = 50;
const CLOSE_WAIT_MS = 3000;
const FATAL_LEAD_MESSAGES = 10;

export async function runHostileFleet(
  endpoint: string,
  roomId: string,
  plan: FleetPlan,
  seed: number,
): Promise<Record<HostileRole, RoleTally>> {
  const tallies: Record<HostileRole, RoleTally> = { fuzz: newTally(), flood: newTally(), junk: newTally(), fatal: newTally() };
  let joined = 0;

  /** One hostile client's life: join, misbehave, then record how it ended. */
  async function run(role: HostileRole, misbehave: (client: HostileClient) => Promise<void>): Promise<void> {
    const tally = tallies[role];
    let client: HostileClient;
    try {
      client = await HostileClient.join(endpoint, roomId, `${role}-${++joined}`);
    } catch {
      tally.joinFailures++;
      return;
    }
    tally.clients++;
    await misbehave(client);
    // Fuzz clients stay within the rate limits and are never closed; the others wait for the server's
    // verdict (a socket may already be closing while the SDK has not yet reported the close).
    const code = role === "fuzz" ? client.closedWith : (client.closedWith ?? (await client.closedWithin(CLOSE_WAIT_MS)));
    if (client.open) {
      await client.leave();
      tally.consentedLeaves++;
    }
    tally.closes[String(code ?? "open")] = (tally.closes[String(code ?? "open")] ?? 0) + 1;
    for (const key of Object.keys(tally.sent) as Array<keyof SentCounts>) tally.sent[key] += client.sent[key];
  }

  const inTime = () => Date.now() < plan.deadline;

  async function fuzzer(rng: { rngState: number }): Promise<void> {
    await run("fuzz", async (client) => {
      for (let sent = 0; sent < plan.fuzzMessagesEach && client.open && inTime(); sent += FUZZ_BURST) {
        for (let i = 0; i < FUZZ_BURST; i++) client.send(badMessage(rng));
        await sleep(FUZZ_EVERY_MS);
      }
    });
  }

  async function flooders(count: number, rng: { rngState: number }): Promise<void> {
    for (let i = 0; i < count && inTime(); i++) {
      await run("flood", async (client) => {
        const started = Date.now();
        for (let sent = 0; sent < FLOOD_CAP && client.open && inTime();) {
          const due = Math.min(FLOOD_CAP, Math.ceil(((Date.now() - started + FLOOD_EVERY_MS) * FLOOD_PER_SECOND) / 1000));
          for (; sent < due && client.open; sent++) client.send(badMessage(rng));
          await sleep(FLOOD_EVERY_MS);
        }
      });
    }
  }

  async function junkers(rng: { rngState: number }): Promise<void> {
    for (let i = 0; i < plan.junkClients && inTime(); i++) {
      // The whole burst leaves before the server's close can arrive: every frame reaches it.
      await run("junk", async (client) => {
        for (let j = 0; j < plan.junkFramesEach; j++) client.sendRaw(junkFrame(rng));
      });
    }
  }

  async function fatals(rng: { rngState: number }): Promise<void> {
    for (let i = 0; i < plan.fatalClients && inTime(); i++) {
      await run("fatal", async (client) => {
        for (let j = 0; j < FATAL_LEAD_MESSAGES; j++) client.send(badMessage(rng));
        if (i % 2 === 0) client.sendOversize(MAX_MESSAGE_BYTES + 1 + randomInt(rng, 3 * MAX_MESSAGE_BYTES));
        else client.sendInvalidUtf8();
      });
    }
  }

  const rng = (n: number) => ({ rngState: (seed + n * 0x9e3779b9) >>> 0 });
  const half = Math.ceil(plan.floodClients / 2);
  await Promise.all([
    ...Array.from({ length: plan.fuzzClients }, (_, i) => fuzzer(rng(10 + i))),
    flooders(half, rng(1)),
    flooders(plan.floodClients - half, rng(2)),
    junkers(rng(3)),
    fatals(rng(4)),
  ]);
  return tallies;
}

function newTally(): RoleTally {
  return { clients: 0, joinFailures: 0, sent: noneSent(), closes: {}, consentedLeaves: 0 };
}
