/**
 * One process of benchmark bots (no terminal UI): opens `rooms` rooms of `roomSize`
 * bots each (the first bot creates the room, the rest join it by id), prints `READY`
 * when all have joined, plays until SIGTERM or `--seconds`, then prints one JSON line
 * with its tally and every round trip measured.
 *
 *   tsx bench/load/botWorker.ts <endpoint> <roomName> <rooms> <roomSize> <seconds> <prefix>
 */
import { BotFleet } from "../../loadtest/BotFleet";
import type { RttSample } from "../../loadtest/BotPlayer";
import { parseCommandOrExit } from "../cli";
import { exitWithParent } from "./processes";
import { TUTORIAL_ROOM_NAME } from "./TutorialRoom";
import { tutorialWire } from "./tutorialWire";

/** How long the bots get to leave their rooms before the process exits anyway, ms. */
const LEAVE_GRACE_MS = 5000;

export interface WorkerResult {
  joined: number;
  failed: number;
  errors: number;
  dropped: number;
  /** Patches the bots received, and those in which their own ship was dead. */
  patchesSeen: number;
  patchesDead: number;
  rtts: RttSample[];
}

/** Positional, in this order: the protocol between this process and its parent (scenario.ts, the soak). */
const WORKER_COMMAND = {
  name: "botWorker",
  invocation: "tsx bench/load/botWorker.ts",
  summary: "One process of benchmark bots, started by the load bench and the soak; prints READY, then its tally on SIGTERM.",
  flags: {},
  positionals: {
    endpoint: "server URL, e.g. ws://127.0.0.1:2567",
    roomName: "room type to create",
    rooms: "rooms to open",
    roomSize: "bots per room (the first creates it, the rest join by id)",
    seconds: "bound: report and exit after this long whatever happens",
    prefix: "bot name prefix",
  },
} as const;

async function main(): Promise<void> {
  const { endpoint, roomName, prefix, ...counts } = parseCommandOrExit(WORKER_COMMAND).args;
  const rooms = Number(counts.rooms);
  const roomSize = Number(counts.roomSize);
  // The reference room speaks the tutorials' wire; every other room netroids's own.
  const fleet = new BotFleet(endpoint, roomName === TUTORIAL_ROOM_NAME ? tutorialWire : undefined);
  let finished = false;
  const finish = async (): Promise<void> => {
    if (finished) return;
    finished = true;
    const result: WorkerResult = { ...fleet.tally(), rtts: fleet.bots.flatMap((bot) => bot.rtts) };
    // Report first: leaving hundreds of rooms politely can take a while on a loaded server.
    // A long run's tally is megabytes of RTTs: wait until the pipe has taken it all, or exit cuts it off.
    const written = new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(result)}\n`, () => resolve()));
    const left = Promise.race([fleet.stop(), new Promise((resolve) => setTimeout(resolve, LEAVE_GRACE_MS))]);
    await Promise.all([written, left]);
    process.exit(0);
  };
  process.once("SIGTERM", () => void finish());
  exitWithParent();
  // Bounded whatever happens to the parent.
  setTimeout(() => void finish(), Number(counts.seconds) * 1000).unref();

  for (let r = 0; r < rooms; r++) {
    const first = await fleet.add({ roomName, create: true }, r * roomSize, prefix).catch(() => undefined);
    if (!first) continue;
    const joins: Promise<unknown>[] = [];
    for (let i = 1; i < roomSize; i++) {
      joins.push(fleet.add({ roomId: first.room.roomId }, r * roomSize + i, prefix).catch(() => undefined));
    }
    await Promise.all(joins);
  }
  process.stdout.write("READY\n");
}

void main();
