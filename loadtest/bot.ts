/**
 * The load-test bot: `npx colyseus-loadtest loadtest/bot.ts --numClients 50` from the
 * repository root, against a running server (default ws://127.0.0.1:2567, room
 * "asteroids"). Built on @colyseus/loadtest's `cli`, which opens the connections (and
 * its terminal UI); each connection is a BotPlayer that plays until the run ends.
 *
 * Extra option: `--duration <seconds>` leaves every room after that long and exits.
 * On exit it prints connections ok/failed, errors, and RTT min/median/p99/max.
 */
import { writeSync } from "node:fs";
import { cli, type Options } from "@colyseus/loadtest";
import { BotFleet, formatTally } from "./BotFleet";

/** `--duration N` (or `--duration=N`) in seconds; undefined when absent or not a positive number. */
export function readDuration(argv: readonly string[]): number | undefined {
  const at = argv.findIndex((arg) => arg === "--duration" || arg.startsWith("--duration="));
  if (at < 0) return undefined;
  const raw = argv[at]!.includes("=") ? argv[at]!.split("=")[1] : argv[at + 1];
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** How long the bots get to leave their rooms at the end of a --duration run, ms. */
const LEAVE_GRACE_MS = 5000;

let fleet: BotFleet | undefined;

/**
 * The process's fleet, made on the first connection: by then the CLI's UI is up, so our exit report prints after
 * it has restored the terminal.
 */
function fleetFor(options: Options): BotFleet {
  if (fleet) return fleet;
  const created = new BotFleet(options.endpoint);
  fleet = created;
  process.on("exit", () => {
    writeSync(1, `\nnetroids bots: ${options.endpoint} ${options.roomId ?? options.roomName}\n${formatTally(created.tally())}\n`);
  });
  const duration = readDuration(process.argv);
  if (duration !== undefined) {
    setTimeout(() => {
      // Leaving politely is bounded too: a server that stopped answering must not hold the run.
      void Promise.race([created.stop(), new Promise((resolve) => setTimeout(resolve, LEAVE_GRACE_MS))]).then(() =>
        process.exit(created.failed > 0 ? 1 : 0),
      );
    }, duration * 1000);
  }
  return created;
}

cli(async (options: Options) => {
  const target = options.roomId ? { roomId: options.roomId } : { roomName: options.roomName };
  await fleetFor(options).add(target, options.clientId);
});
