/**
 * Findings 4 and 8 of the attacker's probe, through the real matchmaking route:
 * - `{"__proto__": {"roomName": …}}` slipped past join-option validation (Colyseus's
 *   option copy made it the prototype) and `{"hasOwnProperty": 1}` broke the request;
 * - one address could keep dozens of empty rooms alive within the join rate limit.
 * The server trusts X-Real-IP here (as behind a proxy) so each test speaks from its own addresses.
 */
import { matchMaker } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import { MAX_JOIN_OPTION_TEXT } from "../shared/net/joinOptions";
import { ROOM_NAME } from "../shared/net/messages";
import { httpBaseOf, useGameServer, waitFor } from "./support/gameServer";

const PER_ADDRESS = 2;
const TOTAL = 5;
const server = useGameServer({
  joinRateLimit: null,
  roomCaps: { perAddress: PER_ADDRESS, total: TOTAL, includeLoopback: true },
  trustProxy: true,
});

let nextAddress = 1;
function freshAddress(): string {
  return `203.0.113.${nextAddress++}`;
}

async function post(method: string, body: string, address: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${httpBaseOf(server())}/matchmake/${method}/${ROOM_NAME}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-real-ip": address },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function roomCount(): Promise<number> {
  return (await matchMaker.query({ name: ROOM_NAME })).length;
}

test("keys of Object.prototype in join options (__proto__, constructor, hasOwnProperty, at any depth) are refused with 400, and make no room", async () => {
  const long = "x".repeat(MAX_JOIN_OPTION_TEXT + 44);
  const bodies = [
    `{"__proto__": {"roomName": "${long}"}}`,
    `{"constructor": {"prototype": {"roomName": "${long}"}}}`,
    `{"hasOwnProperty": 1}`,
    `{"name": "ok", "extra": {"toString": 1}}`,
    `{"name": "ok", "list": [{"__proto__": {}}]}`,
  ];
  for (const body of bodies) {
    for (const method of ["create", "joinOrCreate"]) {
      const { status, json } = await post(method, body, freshAddress());
      expect({ body, method, status }).toEqual({ body, method, status: 400 });
      expect(json.error).toMatch(/join option "(__proto__|constructor|hasOwnProperty|toString)" is not allowed/);
    }
  }
  expect(await roomCount()).toBe(0);
  // The documented refusal still holds for the plain spelling.
  expect((await post("create", `{"roomName": "${long}"}`, freshAddress())).status).toBe(400);
  // Not JSON at all: a clear 400 too.
  expect((await post("create", "{name:", freshAddress())).status).toBe(400);
  expect(await roomCount()).toBe(0);
});

test(`an address may hold ${PER_ADDRESS} rooms nobody entered, the server ${TOTAL}; past either, 429 — entering a room frees its place`, async () => {
  const greedy = freshAddress();
  const reservations: Record<string, unknown>[] = [];
  for (let i = 0; i < PER_ADDRESS; i++) {
    const { status, json } = await post("create", "{}", greedy);
    expect(status).toBe(200);
    reservations.push(json);
  }
  const refused = await post("create", "{}", greedy);
  expect(refused.status).toBe(429);
  expect(refused.json.error).toMatch(/rooms nobody has entered yet/);
  expect(await roomCount()).toBe(PER_ADDRESS);

  // The creator enters one of its rooms: that one no longer counts against it.
  const player = await new Client(httpBaseOf(server())).consumeSeatReservation(
    reservations[0] as unknown as Parameters<Client["consumeSeatReservation"]>[0],
  );
  expect(await waitFor(() => matchMaker.getLocalRoomById(player.roomId)?.clients.length === 1)).toBe(true);
  expect((await post("create", "{}", greedy)).status).toBe(200);

  // Others fill the server up to its total of rooms without players.
  const emptyNow = (await matchMaker.query({ name: ROOM_NAME })).filter(
    (room) => (room.metadata as { players: number }).players === 0,
  ).length;
  expect(emptyNow).toBe(PER_ADDRESS);
  for (let i = emptyNow; i < TOTAL; i++) expect((await post("create", "{}", freshAddress())).status).toBe(200);
  const full = await post("create", "{}", freshAddress());
  expect(full.status).toBe(429);
  expect(full.json.error).toMatch(/rooms waiting for players/);
  expect(await roomCount()).toBe(TOTAL + 1);

  // Joining stays open: joinOrCreate finds a waiting room instead of making one.
  const joiner = await new Client(httpBaseOf(server()), { headers: { "x-real-ip": freshAddress() } }).joinOrCreate(ROOM_NAME, {
    name: "joiner",
  });
  expect(await roomCount()).toBe(TOTAL + 1);
  await joiner.leave(true);
  await player.leave(true);
});
