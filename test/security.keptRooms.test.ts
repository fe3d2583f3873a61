/**
 * Hole 2 of issue 25, through the real matchmaking route with real SDK clients: from one
 * address, 40 rooms were created and entered (a room with a player in it no longer counted),
 * then every player sent `away` and left; the 40 empty rooms stayed open 20 s for the kept
 * seats, and another address's create got `429 the server has 30 rooms waiting for players`.
 * Rooms kept open for rejoins now count against the address holding their seats, and are the
 * first to close when the total is reached (server/joinGuard/KeptOpenRooms).
 * The server trusts X-Real-IP here (as behind a proxy) so each test speaks from its own addresses.
 */
import { matchMaker } from "@colyseus/core";
import { Client, type Room as ClientRoom } from "@colyseus/sdk";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { ClientMessage, ROOM_NAME } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { findShip } from "../shared/sim/world";
import { httpBaseOf, useGameServer, waitFor } from "./support/gameServer";

// Recordings are not what this file is about; 40 rooms need not write 40 files.
process.env.REPLAYS = "off";

/** The defaults (DEFAULT_ROOM_CAPS), counted for loopback too since every client here is on it. */
const PER_ADDRESS = 3;
const TOTAL = 30;
/** As many rooms as the attacker's probe filled and emptied. */
const ROOMS = 40;
const server = useGameServer({
  joinRateLimit: null,
  roomCaps: { perAddress: PER_ADDRESS, total: TOTAL, includeLoopback: true },
  trustProxy: true,
});

type Joined = ClientRoom<unknown, GameState>;

let nextAddress = 1;
function freshAddress(): string {
  const n = nextAddress++;
  return `203.0.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

function clientFrom(address: string): Client {
  return new Client(httpBaseOf(server()), { headers: { "x-real-ip": address } });
}

/** A create through matchmaking that nobody enters. */
async function create(address: string): Promise<{ status: number; error?: string }> {
  const response = await fetch(`${httpBaseOf(server())}/matchmake/create/${ROOM_NAME}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-real-ip": address },
    body: "{}",
  });
  const json = (await response.json()) as { error?: string };
  return { status: response.status, error: json.error };
}

function isOpen(roomId: string): boolean {
  return matchMaker.getLocalRoomById(roomId) !== undefined;
}

/** Creates and enters `count` rooms from `address`, one after the other, as the probe did. */
async function fillRooms(address: string, count: number): Promise<Joined[]> {
  const sdk = clientFrom(address);
  const rooms: Joined[] = [];
  for (let i = 0; i < count; i++) rooms.push((await sdk.create<GameState>(ROOM_NAME, { name: `filler-${i}` })) as Joined);
  return rooms;
}

/** Every player says it is going away (as a page being reloaded does) and leaves; resolves once the rooms are empty. */
async function awayAndLeave(rooms: readonly Joined[]): Promise<void> {
  for (const room of rooms) {
    room.send(ClientMessage.Away);
    await room.leave(true);
  }
  const emptied = rooms.map((room) => matchMaker.getLocalRoomById(room.roomId) as AsteroidsRoom | undefined);
  expect(await waitFor(() => emptied.every((room) => room === undefined || room.state.players.size === 0))).toBe(true);
}

async function seatTokenOf(room: Joined): Promise<string> {
  expect(await waitFor(() => (room.state.ships?.get(room.sessionId)?.seatToken ?? "") !== "")).toBe(true);
  return room.state.ships.get(room.sessionId)!.seatToken;
}

test(`${ROOMS} rooms filled and emptied with 'away' from one address keep ${PER_ADDRESS} open; another address can still create`, async () => {
  const attacker = freshAddress();
  const rooms = await fillRooms(attacker, ROOMS);
  expect(new Set(rooms.map((room) => room.roomId)).size).toBe(ROOMS);
  // The first room's player is honest: it reloads and comes back for its seat.
  const token = await seatTokenOf(rooms[0]!);
  findShip((matchMaker.getLocalRoomById(rooms[0]!.roomId) as AsteroidsRoom).world, rooms[0]!.sessionId)!.score = 6;

  await awayAndLeave(rooms);
  const settled = await waitFor(() => rooms.filter((room) => isOpen(room.roomId)).length <= PER_ADDRESS, 3000);

  // The hole: the emptied rooms no longer keep others from creating one.
  const other = await create(freshAddress());
  expect(other).toEqual({ status: 200, error: undefined });
  // The attacker holds its share: the first rooms it emptied are kept for their seats, the rest closed at once.
  expect(settled).toBe(true);
  expect(rooms.map((room) => isOpen(room.roomId)).filter(Boolean)).toHaveLength(PER_ADDRESS);
  expect(rooms.slice(0, PER_ADDRESS).every((room) => isOpen(room.roomId))).toBe(true);
  // They count against it: no more rooms from that address while they wait.
  const own = await create(attacker);
  expect(own.status).toBe(429);
  expect(own.error).toMatch(/kept open for your return/);

  // Reloading its page still gets a player its seat back, in the room kept for it.
  const back = (await clientFrom(attacker).joinById<GameState>(rooms[0]!.roomId, { rejoin: token })) as Joined;
  expect(await waitFor(() => back.state.players?.get(back.sessionId)?.score === 6)).toBe(true);
  await back.leave(true);
});

test("at the total, rooms kept open for rejoins close first, oldest first, so another address can create", async () => {
  // Three addresses fill and empty their share of rooms: 9 kept open, the oldest first in line.
  const holders = [freshAddress(), freshAddress(), freshAddress()];
  const kept: Joined[] = [];
  for (const address of holders) {
    const rooms = await fillRooms(address, PER_ADDRESS);
    await awayAndLeave(rooms);
    kept.push(...rooms);
  }
  expect(kept.every((room) => isOpen(room.roomId))).toBe(true);
  // Others create rooms nobody enters, up to the total of rooms waiting for players.
  for (let made = kept.length; made < TOTAL; made += PER_ADDRESS) {
    const address = freshAddress();
    for (let i = 0; i < PER_ADDRESS && made + i < TOTAL; i++) expect((await create(address)).status).toBe(200);
  }

  // Each further create closes the oldest kept-open room instead of being refused.
  for (let i = 0; i < kept.length; i++) {
    expect({ create: i, status: (await create(freshAddress())).status }).toEqual({ create: i, status: 200 });
    expect(await waitFor(() => kept.every((room, j) => isOpen(room.roomId) === j > i))).toBe(true);
  }
  // None left to close: the total holds against rooms nobody entered, as before.
  const full = await create(freshAddress());
  expect(full.status).toBe(429);
  expect(full.error).toMatch(/rooms waiting for players/);
});
