/**
 * The lobby under abuse (security finding 6). A lobby `filter` message of a few bytes is
 * answered with the whole room list, so a client that floods filters and never reads
 * made the server queue replies without bound. Now the lobby validates filters, drops and
 * counts what is malformed or unknown, and closes a flooding client within a few
 * replies; an honest lobby client keeps its list throughout.
 */
import type { Room as ClientRoom } from "@colyseus/sdk";
import WebSocket from "ws";
import { serverMetrics, type MessageDropReason } from "../server/metrics/ServerMetrics";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { ServerCloseCode } from "../shared/net/messages";
import { LOBBY_ROOM_NAME, ROOM_NAME, ServerMessage } from "../shared/net/messages";
import { sleep, useGameServer, waitFor } from "./support/gameServer";
import { bytesWrittenTo, sdkSocketOf, serverSocketOf, watchLeave } from "./support/rawSockets";

const server = useGameServer();

/** Game rooms listed while the flood runs: each adds a listing of ~250 bytes to every reply. */
const GAME_ROOMS = 6;
/** The flood's bounds: it stops at whichever comes first, or as soon as the server closes the socket. */
const FLOOD_MAX_FRAMES = 50_000;
const FLOOD_TIME_LIMIT_MS = 10_000;
/** Frames sent per turn of the event loop (server and client share this process: the server reads between turns). */
const FLOOD_BATCH = 250;
/**
 * What the server may write to the flooder in all: its first room list, a few answered
 * filters and the close, well under the transport's backlog cap. Unlimited, the flood
 * queues one ~1.5 KB reply per 26-byte frame: tens of MB.
 */
const MAX_BYTES_TO_FLOODER = 64 * 1024;
/** Spacing of an honest client's filters: 4 a second, under the lobby's soft limit. */
const HONEST_SPACING_MS = 250;

interface Listing {
  roomId: string;
  name: string;
  metadata?: { roomName?: string };
}

/** A lobby client that records every room list it is sent. */
async function joinLobby(): Promise<{ lobby: ClientRoom; lists: Listing[][] }> {
  const lobby = await server().sdk.joinOrCreate(LOBBY_ROOM_NAME);
  // A socket the server cut stays cut: no automatic reconnection.
  lobby.reconnection.enabled = false;
  const lists: Listing[][] = [];
  lobby.onMessage("rooms", (rooms: Listing[]) => lists.push(rooms));
  lobby.onMessage("+", () => undefined);
  lobby.onMessage("-", () => undefined);
  expect(await waitFor(() => lists.length === 1)).toBe(true);
  return { lobby, lists };
}

/** Game rooms with one player each, so they stay listed. */
async function openGameRooms(count: number): Promise<AsteroidsRoom[]> {
  const rooms: AsteroidsRoom[] = [];
  for (let i = 0; i < count; i++) {
    const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { roomName: `Room ${i}` });
    const player = await server().connectTo(room, { name: `p${i}` });
    player.onMessage(ServerMessage.Events, () => undefined);
    rooms.push(room);
  }
  return rooms;
}

function dropped(reason: MessageDropReason): number {
  return serverMetrics.droppedTotals[reason] ?? 0;
}

const MALFORMED_FILTERS: readonly unknown[] = [
  "asteroids",
  42,
  null,
  [ROOM_NAME],
  { name: 7 },
  { name: "x".repeat(500) },
  { nme: ROOM_NAME },
  { metadata: "roomName" },
  { metadata: { roomName: { nested: true } } },
  { metadata: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`key${i}`, i])) },
];

test("malformed filters and unknown messages are dropped and counted, without a reply; valid filters are answered", async () => {
  await openGameRooms(2);
  const { lobby, lists } = await joinLobby();
  expect(lists[0]!.filter((room) => room.name === ROOM_NAME)).toHaveLength(2);
  const malformedBefore = dropped("malformed");
  const unknownBefore = dropped("unknown");

  for (const filter of MALFORMED_FILTERS) {
    lobby.send("filter", filter);
    await sleep(HONEST_SPACING_MS);
  }
  // A valid filter after them: replies come in order, so its reply means all of them were handled.
  lobby.send("filter", { name: ROOM_NAME, metadata: { roomName: "Room 1" } });
  expect(await waitFor(() => lists.length >= 2)).toBe(true);
  await sleep(HONEST_SPACING_MS);
  lobby.send("hello", { not: "a lobby message" });
  await sleep(HONEST_SPACING_MS);
  lobby.send("filter", { name: ROOM_NAME });
  expect(await waitFor(() => lists.length >= 3)).toBe(true);

  expect({
    replies: lists.length,
    filtered: lists[1]!.map((room) => room.metadata?.roomName),
    unfiltered: lists[2]!.filter((room) => room.name === ROOM_NAME).length,
    malformedCounted: dropped("malformed") - malformedBefore,
    unknownCounted: dropped("unknown") - unknownBefore,
    connected: lobby.connection.isOpen,
  }).toEqual({
    replies: 3,
    filtered: ["Room 1"],
    unfiltered: 2,
    malformedCounted: MALFORMED_FILTERS.length,
    unknownCounted: 1,
    connected: true,
  });
  await lobby.leave();
}, 20_000);

test("a client that floods filters and never reads is closed within a few replies; an honest lobby client keeps its list", async () => {
  await openGameRooms(GAME_ROOMS);
  const honest = await joinLobby();
  const { lobby: flooder, lists: flooderLists } = await joinLobby();
  const flooderLeave = watchLeave(flooder);
  const lobbyRoom = server().getRoomById(flooder.roomId);
  const serverSide = serverSocketOf(lobbyRoom, flooder.sessionId);
  const bytesBefore = bytesWrittenTo(serverSide);
  const floodsBefore = dropped("flood");

  // Stop reading: the server's replies pile up on its side unless it stops sending them.
  const flooderSocket = sdkSocketOf(flooder);
  flooderSocket.pause();
  let sent = 0;
  const deadline = Date.now() + FLOOD_TIME_LIMIT_MS;
  while (sent < FLOOD_MAX_FRAMES && Date.now() < deadline && serverSide.readyState === WebSocket.OPEN) {
    for (let i = 0; i < FLOOD_BATCH; i++, sent++) flooder.send("filter", { name: ROOM_NAME });
    await new Promise((resolve) => setImmediate(resolve));
  }
  const closedByServer = await waitFor(() => serverSide.readyState === WebSocket.CLOSED, 5000);
  const bytesToFlooder = bytesWrittenTo(serverSide) - bytesBefore;
  // Read again: what the server sent before closing arrives, the close frame with its code last.
  flooderSocket.resume();
  await waitFor(() => flooderLeave.code !== undefined, 5000);

  expect({
    closedByServer,
    closeCode:
      flooderLeave.code !== undefined && ([ServerCloseCode.Flood, ServerCloseCode.Backlog] as number[]).includes(flooderLeave.code)
        ? "flood or backlog"
        : flooderLeave.code,
    serverQueuedLittle: bytesToFlooder <= MAX_BYTES_TO_FLOODER ? "yes" : `${bytesToFlooder} bytes for ${sent} frames`,
    floodCounted: dropped("flood") > floodsBefore,
  }).toEqual({ closedByServer: true, closeCode: "flood or backlog", serverQueuedLittle: "yes", floodCounted: true });
  expect(flooderLists.length).toBeLessThan(20);

  // The honest client was not disturbed: still connected, and a filter of its own is answered.
  expect(honest.lobby.connection.isOpen).toBe(true);
  const listsBefore = honest.lists.length;
  honest.lobby.send("filter", { name: ROOM_NAME });
  expect(await waitFor(() => honest.lists.length > listsBefore)).toBe(true);
  expect(honest.lists.at(-1)!.filter((room) => room.name === ROOM_NAME)).toHaveLength(GAME_ROOMS);
  await honest.lobby.leave();
}, 30_000);
