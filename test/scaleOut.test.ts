/**
 * Scale-out through Colyseus's Redis presence and driver: a real redis-server (or the
 * Redis at REDIS_URL, see support/testRedis.ts) and two real server processes. Quick play through either process reaches the same room (and
 * either process's dashboard draws it), the
 * lobby lists both processes' rooms, and a process that dies (SIGKILL, no goodbye)
 * leaves the other's rooms playing and the lobby correct within a few seconds.
 */
import type { Room as ClientRoom } from "@colyseus/sdk";
import { LOBBY_ROOM_NAME, ROOM_NAME, type RoomListingMetadata } from "../shared/net/messages";
import type { SpectatorWorld } from "../shared/dashboard/dashboardApi";
import type { GameState } from "../shared/net/schema";
import { waitFor } from "./support/gameServer";
import type { RedisHandle } from "../bench/load/redisServer";
import { startServerProcess, type ServerProcess } from "./support/serverProcess";
import { startTestRedis } from "./support/testRedis";

jest.setTimeout(60_000);

interface Listing {
  processId: string;
  metadata: RoomListingMetadata;
}

/** What a lobby client currently lists: game rooms by id. */
function watchLobby(lobby: ClientRoom): Map<string, Listing> {
  const listed = new Map<string, Listing>();
  type Entry = { roomId: string; name: string; processId: string; metadata: RoomListingMetadata };
  lobby.onMessage("rooms", (rooms: Entry[]) => {
    listed.clear();
    for (const room of rooms) if (room.name === ROOM_NAME) listed.set(room.roomId, room);
  });
  lobby.onMessage("+", ([roomId, room]: [string, Entry]) => {
    if (room.name === ROOM_NAME) listed.set(roomId, room);
  });
  lobby.onMessage("-", (roomId: string) => listed.delete(roomId));
  return listed;
}

/** The process a client's room lives on: the SDK connects to `<publicAddress>/<processId>/<roomId>`. */
function processOf(room: ClientRoom): string {
  const match = /\/([^/]+)\/[^/?]+\?/.exec(room.connection.url ?? "");
  if (!match) throw new Error(`no process id in ${room.connection.url}`);
  return match[1]!;
}

let redis: RedisHandle;
let a: ServerProcess;
let b: ServerProcess;
const rooms: ClientRoom[] = [];

async function play(
  via: ServerProcess,
  name: string,
  how: "joinOrCreate" | "create" = "joinOrCreate",
): Promise<ClientRoom<unknown, GameState>> {
  const room = await via.sdk()[how]<GameState>(ROOM_NAME, { name });
  room.onMessage("*", () => undefined);
  keep(room);
  return room as unknown as ClientRoom<unknown, GameState>;
}

/** Tracks a client for cleanup; a client whose process is killed must not retry in the background after the test. */
function keep<R extends ClientRoom>(room: R): R {
  room.reconnection.enabled = false;
  rooms.push(room);
  return room;
}

beforeAll(async () => {
  redis = await startTestRedis();
  [a, b] = await Promise.all([
    startServerProcess({ REDIS_URL: redis.url, DASHBOARD: "1" }),
    startServerProcess({ REDIS_URL: redis.url, DASHBOARD: "1" }),
  ]);
});

afterAll(async () => {
  await Promise.all(rooms.map((room) => (room.connection.isOpen ? room.leave(true).catch(() => undefined) : Promise.resolve(undefined))));
  await Promise.all([a?.child.stop(), b?.child.stop()]);
  await redis?.stop();
});

test("the two processes are distinct members of one deployment", () => {
  expect(a.processId).not.toBe(b.processId);
});

test("quick play through process A and through process B lands in the same room", async () => {
  const viaA = await play(a, "through-A");
  const viaB = await play(b, "through-B");
  expect(viaB.roomId).toBe(viaA.roomId);
  // Both are really in it: each sees the other on its scoreboard and minimap, wherever the room lives.
  expect(await waitFor(() => viaA.state.players.size === 2 && viaB.state.players.size === 2)).toBe(true);
  expect([a.processId, b.processId]).toContain(processOf(viaA));

  // The dashboard of either process lists the room and draws its world, read from the owning process.
  for (const via of [a, b]) {
    const listed = (await (await fetch(`${via.baseUrl}/dashboard/api/rooms`)).json()) as Array<{ roomId: string }>;
    expect(listed.map((room) => room.roomId)).toContain(viaA.roomId);
    const world = (await (await fetch(`${via.baseUrl}/dashboard/api/rooms/${viaA.roomId}`)).json()) as SpectatorWorld;
    expect(world.ships.map((ship) => ship.name).sort()).toEqual(["through-A", "through-B"]);
  }
});

test("the lobby through either process lists the rooms of both; a crashed process's rooms leave it and the rest play on", async () => {
  // Rooms are placed on the process with the fewest; create until both processes hold one (bounded).
  const created: ClientRoom<unknown, GameState>[] = [];
  for (let i = 0; i < 8 && new Set([...rooms, ...created].map(processOf)).size < 2; i++) {
    created.push(await play(i % 2 === 0 ? a : b, `creator-${i}`, "create"));
  }
  const hosts = new Set(rooms.map(processOf));
  expect(hosts).toEqual(new Set([a.processId, b.processId]));

  const lobbyViaA = keep(await a.sdk().joinOrCreate(LOBBY_ROOM_NAME));
  const listedA = watchLobby(lobbyViaA);
  const lobbyViaB = keep(await b.sdk().joinOrCreate(LOBBY_ROOM_NAME));
  const listedB = watchLobby(lobbyViaB);
  const gameRoomIds = new Set(rooms.filter((room) => room.name === ROOM_NAME).map((room) => room.roomId));
  const listsAll = (listed: Map<string, Listing>): boolean => [...gameRoomIds].every((roomId) => listed.has(roomId));
  expect(await waitFor(() => listsAll(listedA) && listsAll(listedB))).toBe(true);
  expect(new Set([...listedA.values()].map((room) => room.processId))).toEqual(new Set([a.processId, b.processId]));

  // Kill the process that does not host the lobby room, without a chance to clean up.
  const lobbyHost = processOf(lobbyViaA);
  const [victim, survivor] = lobbyHost === a.processId ? [b, a] : [a, b];
  const survivorRooms = rooms.filter((room) => room.name === ROOM_NAME && processOf(room) === survivor.processId) as ClientRoom<
    unknown,
    GameState
  >[];
  const victimRoomIds = [...gameRoomIds].filter((roomId) => listedA.get(roomId)?.processId === victim.processId);
  expect(survivorRooms.length).toBeGreaterThan(0);
  expect(victimRoomIds.length).toBeGreaterThan(0);
  victim.child.process.kill("SIGKILL");

  // The lobby drops the dead process's rooms within a few seconds (the sweep runs every 2 s, plus a 2 s health check).
  expect(await waitFor(() => victimRoomIds.every((roomId) => !listedA.has(roomId)), 10_000)).toBe(true);
  expect(survivorRooms.every((room) => listedA.has(room.roomId))).toBe(true);

  // The survivor's rooms never stopped.
  const ticksBefore = survivorRooms.map((room) => room.state.tick);
  expect(await waitFor(() => survivorRooms.every((room, i) => room.state.tick > ticksBefore[i]! + 30), 5000)).toBe(true);

  // Quick play now only finds rooms that exist.
  const late = await play(survivor, "latecomer");
  expect(processOf(late)).toBe(survivor.processId);
  expect(await waitFor(() => late.state.tick > 0)).toBe(true);
});
