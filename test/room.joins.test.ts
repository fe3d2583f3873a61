/**
 * The door of the game: joins rate-limited per client address, malformed join options
 * refused with a clear error (and no room or seat taken), oversized matchmaking bodies
 * refused unread, and maxClients held under a burst of concurrent joins.
 * The server trusts X-Real-IP here (as behind a proxy) so each test speaks from its own addresses.
 */
import { Client, type Room as ClientRoom } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { MAX_CLIENTS } from "../shared/constants";
import { MAX_JOIN_OPTION_TEXT } from "../shared/net/joinOptions";
import { ROOM_NAME } from "../shared/net/messages";
import { parsePromText, promValue } from "../server/metrics/promText";
import { serverMetrics } from "../server/metrics/ServerMetrics";
import { httpBaseOf, useGameServer, waitFor } from "./support/gameServer";

const BURST = 4;
const server = useGameServer({ joinRateLimit: { burst: BURST, perSecond: 0.01, includeLoopback: true }, trustProxy: true });

let nextAddress = 1;
/** A documentation-range address nobody else in this file uses. */
function freshAddress(): string {
  const n = nextAddress++;
  return `198.51.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

function clientFrom(address: string): Client {
  return new Client(httpBaseOf(server()), { headers: { "x-real-ip": address } });
}

/** Read in the process: behind TRUST_PROXY, /metrics no longer trusts loopback (it wants the operator's password). */
async function refusedJoins(reason: string): Promise<number> {
  const metrics = parsePromText((await serverMetrics.exposition()).body);
  return promValue(metrics, "netroids_joins_refused_total", { reason }) ?? 0;
}

async function errorOf(join: Promise<unknown>): Promise<{ code?: number; message: string }> {
  try {
    await join;
  } catch (error) {
    return error as { code?: number; message: string };
  }
  throw new Error("the join was expected to fail");
}

test(`one address gets ${BURST} joins at once and then a clear refusal; other addresses are not affected`, async () => {
  const address = freshAddress();
  const refusedBefore = await refusedJoins("rate");
  const joined: ClientRoom[] = [];
  for (let i = 0; i < BURST; i++) joined.push(await clientFrom(address).joinOrCreate(ROOM_NAME, { name: `p${i}` }));
  const refusal = await errorOf(clientFrom(address).joinOrCreate(ROOM_NAME, { name: "one too many" }));
  expect(refusal.code).toBe(429);
  expect(refusal.message).toMatch(/too many joins from your address: try again in \d+ s/);
  expect(await refusedJoins("rate")).toBe(refusedBefore + 1);

  const neighbour = await clientFrom(freshAddress()).joinOrCreate(ROOM_NAME, { name: "neighbour" });
  expect(neighbour.roomId).toBe(joined[0]!.roomId);
  const room = matchMaker.getLocalRoomById(neighbour.roomId) as AsteroidsRoom;
  expect(await waitFor(() => room.state.ships.size === BURST + 1)).toBe(true);
});

test("malformed join options are refused with a clear error, and take no room and no seat", async () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ name: 42 }, /name must be a string/],
    [{ name: "x".repeat(MAX_JOIN_OPTION_TEXT + 1) }, /name is longer than 256 characters/],
    [{ roomName: ["Alpha"] }, /roomName must be a string/],
    [{ color: "red; background:url(x)" }, /color must be "#rrggbb"/],
    [{ color: 0xff0000 }, /color must be "#rrggbb"/],
    [{ seed: -1 }, /seed must be an integer/],
    [{ seed: 1.5 }, /seed must be an integer/],
  ];
  for (const [options, message] of cases) {
    const refusal = await errorOf(clientFrom(freshAddress()).create(ROOM_NAME, options as object));
    expect(refusal.code).toBe(400);
    expect(refusal.message).toMatch(message);
  }
  // Not an object at all: straight to the matchmaking route, as a script would.
  const response = await fetch(`${httpBaseOf(server())}/matchmake/create/${ROOM_NAME}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-real-ip": freshAddress() },
    body: "[1,2,3]",
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ code: 400, error: "join options must be an object" });
  expect(matchMaker.stats.local.roomCount).toBe(0);
  expect(matchMaker.stats.local.ccu).toBe(0);
});

test("an oversized matchmaking body is refused before anything parses it", async () => {
  const refusedBefore = await refusedJoins("size");
  const response = await fetch(`${httpBaseOf(server())}/matchmake/joinOrCreate/${ROOM_NAME}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-real-ip": freshAddress() },
    body: JSON.stringify({ name: "y".repeat(200_000) }),
  });
  expect(response.status).toBe(413);
  expect(await refusedJoins("size")).toBe(refusedBefore + 1);
  expect(matchMaker.stats.local.roomCount).toBe(0);
});

test(`a burst of ${MAX_CLIENTS + 30} concurrent joins to one room seats exactly ${MAX_CLIENTS}`, async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const attempts = await Promise.allSettled(
    Array.from({ length: MAX_CLIENTS + 30 }, (_, i) => clientFrom(freshAddress()).joinById(room.roomId, { name: `burst-${i}` })),
  );
  const seated = attempts.filter((attempt) => attempt.status === "fulfilled");
  expect(seated).toHaveLength(MAX_CLIENTS);
  expect(await waitFor(() => room.clients.length === MAX_CLIENTS && room.state.ships.size === MAX_CLIENTS)).toBe(true);
  expect(room.metadata.players).toBe(MAX_CLIENTS);
  for (const attempt of seated) await (attempt as PromiseFulfilledResult<ClientRoom>).value.leave(true);
}, 60_000);
