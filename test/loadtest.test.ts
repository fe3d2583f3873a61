/**
 * The documented bot command, run as typed (`npx colyseus-loadtest loadtest/bot.ts …`)
 * against a real server: the bots join, play (turn, thrust, charge and fire), ping,
 * leave when their --duration ends, and the run prints its summary.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { matchMaker } from "@colyseus/core";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { Key } from "../shared/sim/input";
import { ROOM_NAME } from "../shared/net/messages";
import { httpBaseOf, sleep, useGameServer } from "./support/gameServer";

const server = useGameServer();
const root = path.resolve(__dirname, "..");

function runBots(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["--no-install", "colyseus-loadtest", "loadtest/bot.ts", ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

test("npx colyseus-loadtest loadtest/bot.ts runs bots that play, then prints a summary", async () => {
  const endpoint = httpBaseOf(server()).replace("http", "ws");
  const run = runBots(["--numClients", "3", "--duration", "4", "--endpoint", endpoint]);

  const seen = { ships: 0, keys: new Set<number>(), charged: false, fired: false };
  let finished = false;
  const watching = (async () => {
    while (!finished) {
      for (const room of await localGameRooms()) {
        seen.ships = Math.max(seen.ships, room.world.ships.length);
        for (const ship of room.world.ships) {
          seen.keys.add(ship.keys);
          if (ship.charge > 0) seen.charged = true;
        }
        if (room.world.bullets.length > 0) seen.fired = true;
      }
      await sleep(20);
    }
  })();

  const { code, output } = await run;
  finished = true;
  await watching;
  expect(output).toMatch(/connections: 3 ok, 0 failed; 0 errors; 0 dropped by the server/);
  const pings = Number(/rtt over 3 bots \((\d+) pings\)/.exec(output)?.[1]);
  expect(pings).toBeGreaterThanOrEqual(6);
  expect(output).toMatch(/median \d+\.\d ms, p99 \d+\.\d ms, max \d+\.\d ms/);
  expect(code).toBe(0);

  expect(seen.ships).toBe(3);
  expect([...seen.keys].some((keys) => (keys & (Key.Left | Key.Right)) !== 0)).toBe(true);
  expect([...seen.keys].some((keys) => (keys & Key.Up) !== 0)).toBe(true);
  expect(seen.charged).toBe(true);
  expect(seen.fired).toBe(true);
  // The bots left at the end of their run: the room is gone.
  let roomsLeft = (await localGameRooms()).length;
  for (let tries = 0; roomsLeft > 0 && tries < 100; tries++) {
    await sleep(30);
    roomsLeft = (await localGameRooms()).length;
  }
  expect(roomsLeft).toBe(0);
}, 30_000);

async function localGameRooms(): Promise<AsteroidsRoom[]> {
  const listings = await matchMaker.query({ name: ROOM_NAME });
  return listings
    .map((listing) => matchMaker.getLocalRoomById(listing.roomId) as AsteroidsRoom | undefined)
    .filter((room) => room !== undefined);
}
