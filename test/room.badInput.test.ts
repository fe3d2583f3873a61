/**
 * Hostile and broken client messages: each kind is dropped and counted for its sender,
 * floods and oversized frames cost the sender its connection, and the honest player
 * in the same room notices nothing.
 */
import type { ColyseusTestServer } from "@colyseus/testing";
import type { Room as ClientRoom } from "@colyseus/sdk";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { ServerCloseCode } from "../shared/net/messages";
import { FLOOD_MESSAGE_LIMIT, SOFT_MESSAGE_LIMIT } from "../shared/net/netConstants";
import { Key } from "../shared/sim/input";
import { ClientMessage, ServerMessage, ROOM_NAME } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { findShip } from "../shared/sim/world";
import { clearField, placeShip } from "./support/arena";
import { bootGameServer, sleep, waitFor } from "./support/gameServer";

let server: ColyseusTestServer;
let room: AsteroidsRoom;
let honest: ClientRoom<unknown, GameState>;
let hostile: ClientRoom<unknown, GameState>;

beforeAll(async () => {
  server = await bootGameServer();
});
afterAll(async () => {
  await server.shutdown();
});
beforeEach(async () => {
  room = await server.createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 3 });
  honest = (await server.connectTo(room, { name: "honest" })) as unknown as ClientRoom<unknown, GameState>;
  hostile = (await server.connectTo(room, { name: "hostile" })) as unknown as ClientRoom<unknown, GameState>;
  for (const client of [honest, hostile]) client.onMessage(ServerMessage.Events, () => undefined);
  clearField(room);
  placeShip(room, honest.sessionId, { x: 100, y: 100, angle: 0 });
  placeShip(room, hostile.sessionId, { x: 700, y: 400, angle: 0 });
  // The honest player's own view of its ship must start from the placement, not from where it spawned.
  expect(await waitFor(() => honest.state.ships.get(honest.sessionId)?.x === 100)).toBe(true);
});
afterEach(async () => {
  await server.cleanup();
});

/** The honest player thrusts and must see its ship move while the hostile one misbehaves. */
async function honestPlayerStillPlays(): Promise<void> {
  const tickBefore = honest.state.tick;
  const xBefore = honest.state.ships.get(honest.sessionId)!.x;
  honest.send(ClientMessage.Input, { upTo: 1000 + tickBefore, runs: [[1000 + tickBefore, Key.Up]] });
  expect(await waitFor(() => honest.state.ships.get(honest.sessionId)!.x > xBefore + 5, 3000)).toBe(true);
  expect(honest.state.tick).toBeGreaterThan(tickBefore);
}

function shipFieldsAreFinite(): boolean {
  return room.world.ships.every((ship) => [ship.x, ship.y, ship.vx, ship.vy, ship.angle, ship.charge].every(Number.isFinite));
}

const malformedInputs: Array<[string, unknown]> = [
  ["a string", "up"],
  ["a number", 5],
  ["null", null],
  ["an array", [1, Key.Up]],
  ["keys as a string", { upTo: 1, runs: [[1, "16"]] }],
  ["NaN keys", { upTo: 1, runs: [[1, Number.NaN]] }],
  ["Infinity upTo", { upTo: Number.POSITIVE_INFINITY }],
  ["a fractional upTo", { upTo: 1.5 }],
  ["a negative upTo", { upTo: -1 }],
  ["unknown key bits", { upTo: 1, runs: [[1, 64]] }],
  ["a run past upTo", { upTo: 1, runs: [[2, Key.Up]] }],
  [
    "runs out of order",
    {
      upTo: 9,
      runs: [
        [5, Key.Up],
        [4, 0],
      ],
    },
  ],
  ["a missing field", { runs: [[1, Key.Up]] }],
  ["an extra field", { upTo: 1, runs: [[1, 1]], x: 500 }],
  ["the previous protocol's message", { seq: 1, keys: Key.Up }],
  ["a 3 KB payload", { upTo: 1, runs: [[1, 1]], pad: "x".repeat(3000) }],
];

test.each(malformedInputs)("input with %s is dropped and counted", async (_label, payload) => {
  hostile.send(ClientMessage.Input, payload);
  expect(await waitFor(() => (room.messageStats(hostile.sessionId)?.dropped.malformed ?? 0) === 1)).toBe(true);
  expect(room.messageStats(hostile.sessionId)?.accepted).toBe(0);
  const ship = findShip(room.world, hostile.sessionId)!;
  expect(ship.keys).toBe(0);
  expect(ship.x).toBeCloseTo(700, 3);
  expect(shipFieldsAreFinite()).toBe(true);
  await honestPlayerStillPlays();
});

test("unknown message types are dropped and counted", async () => {
  hostile.send("teleport", { x: 1, y: 1 });
  hostile.send(99, "junk");
  expect(await waitFor(() => room.messageStats(hostile.sessionId)?.dropped.unknown === 2)).toBe(true);
  expect(room.guard.totalDropped.unknown).toBe(2);
  await honestPlayerStillPlays();
});

test("a replayed or out-of-order step, or a change to a step already reported, is dropped as stale", async () => {
  hostile.send(ClientMessage.Input, { upTo: 5, runs: [[5, Key.Left]] });
  hostile.send(ClientMessage.Input, { upTo: 5, runs: [[5, Key.Up]] });
  hostile.send(ClientMessage.Input, { upTo: 4, runs: [[4, Key.Up]] });
  hostile.send(ClientMessage.Input, { upTo: 9, runs: [[5, Key.Up]] });
  expect(await waitFor(() => room.messageStats(hostile.sessionId)?.dropped.stale === 3)).toBe(true);
  expect(room.messageStats(hostile.sessionId)?.accepted).toBe(1);
  expect(await waitFor(() => findShip(room.world, hostile.sessionId)!.keys === Key.Left)).toBe(true);
});

test("a burst over the soft rate limit is dropped, not applied, and the sender stays connected", async () => {
  const burst = SOFT_MESSAGE_LIMIT + 20;
  for (let step = 1; step <= burst; step++) hostile.send(ClientMessage.Input, { upTo: step });
  expect(
    await waitFor(
      () => (room.messageStats(hostile.sessionId)?.accepted ?? 0) + (room.messageStats(hostile.sessionId)?.dropped.rate ?? 0) === burst,
    ),
  ).toBe(true);
  expect(room.messageStats(hostile.sessionId)?.dropped.rate).toBe(20);
  await sleep(100);
  expect(room.clients.some((client) => client.sessionId === hostile.sessionId)).toBe(true);
  await honestPlayerStillPlays();
});

test("a flood disconnects the sender with a reason; its ship goes and the room plays on", async () => {
  const left = new Promise<[number, string | undefined]>((resolve) => hostile.onLeave((code, reason) => resolve([code, reason])));
  for (let step = 1; step <= FLOOD_MESSAGE_LIMIT + 50; step++) hostile.send(ClientMessage.Input, { upTo: step, runs: [[step, Key.Fire]] });
  const [code, reason] = await left;
  expect(code).toBe(ServerCloseCode.Flood);
  expect(reason).toMatch(/flood/);
  expect(await waitFor(() => !honest.state.ships.has(hostile.sessionId))).toBe(true);
  await honestPlayerStillPlays();
});

test("an oversized frame (over the 4 KB WebSocket limit) closes only the sender's socket, without a reconnection window", async () => {
  const closed = new Promise<number>((resolve) => hostile.onLeave((code) => resolve(code)));
  hostile.send(ClientMessage.Input, { upTo: 1, runs: [[1, 1]], pad: "x".repeat(100_000) });
  expect(await closed).toBe(1009); // ws: "Message Too Big"
  expect(await waitFor(() => !honest.state.ships.has(hostile.sessionId))).toBe(true);
  expect(shipFieldsAreFinite()).toBe(true);
  await honestPlayerStillPlays();
});
