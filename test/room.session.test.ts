/** Joining, leaving and reconnecting with real clients; the lobby listing the game rooms. */
import type { Client as ServerClient } from "@colyseus/core";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { ClientMessage, LOBBY_ROOM_NAME, ROOM_NAME, type RoomListingMetadata } from "../shared/net/messages";
import { findShip } from "../shared/sim/world";
import { placeShip } from "./support/arena";
import { RECONNECT_WINDOW } from "../shared/constants";
import { sleep, waitFor, useGameServer } from "./support/gameServer";

const server = useGameServer();

/** The server side of a client's connection, to cut its socket as a network failure would. */
function serverClient(room: AsteroidsRoom, sessionId: string): ServerClient {
  const client = room.clients.find((candidate) => candidate.sessionId === sessionId);
  if (!client) throw new Error(`no client ${sessionId}`);
  return client;
}

test("join options: a name is cleaned of control characters and cut to 16 characters; a blank one or none gets a default (malformed ones: room.joins.test.ts)", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const a = await server().connectTo(room, { name: "  Captain\u0000 Very-Long-Name  ", color: "#ABCDEF" });
  const b = await server().connectTo(room, {});
  const c = await server().connectTo(room, { name: " \t\u202e\u0007 " });
  const d = await server().connectTo(room, { name: "<b>bold</b>" });
  await waitFor(() => room.state.ships.size === 4);
  expect(room.state.players.get(a.sessionId)?.name).toBe("Captain Very-Lon");
  expect(room.state.players.get(a.sessionId)?.color).toBe("#abcdef");
  expect(room.state.players.get(b.sessionId)?.name).toBe("pilot-2");
  expect(room.state.players.get(b.sessionId)?.color).toMatch(/^#[0-9a-f]{6}$/);
  expect(room.state.players.get(c.sessionId)?.name).toBe("pilot-3");
  // Markup is kept as text: the client draws names on a canvas or as React text, which never interprets it.
  expect(room.state.players.get(d.sessionId)?.name).toBe("<b>bold</b>");
});

test("a consented leave removes the ship; the room's player count follows", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const a = await server().connectTo(room, { name: "A" });
  const b = await server().connectTo(room, { name: "B" });
  expect(await waitFor(() => room.metadata.players === 2)).toBe(true);
  await a.leave(true);
  expect(await waitFor(() => b.state.ships.size === 1)).toBe(true);
  expect(findShip(room.world, a.sessionId)).toBeUndefined();
  expect(room.metadata.players).toBe(1);
});

test("a dropped client reconnects to its own ship and score", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const a = await server().connectTo(room, { name: "Dropper" });
  const b = await server().connectTo(room, { name: "Watcher" });
  // Reconnect quickly, but late enough that the watcher sees the ship waiting.
  Object.assign(a.reconnection, { minUptime: 0, delay: 300, minDelay: 300 });
  findShip(room.world, a.sessionId)!.score = 30;
  const reconnected = new Promise<void>((resolve) => a.onReconnect(() => resolve()));

  // The socket dies as on a network failure (ref is the raw ws WebSocket of the transport).
  (serverClient(room, a.sessionId).ref as unknown as { terminate(): void }).terminate();

  expect(await waitFor(() => b.state.players.get(a.sessionId)?.connected === false, 2000)).toBe(true);
  expect(b.state.players.get(a.sessionId)?.score).toBe(30);
  await reconnected;
  expect(await waitFor(() => b.state.players.get(a.sessionId)?.connected === true, 2000)).toBe(true);
  expect(b.state.players.get(a.sessionId)?.score).toBe(30);
  expect(b.state.players.get(a.sessionId)?.name).toBe("Dropper");
  expect(room.state.ships.size).toBe(2);
  // The reconnected owner still gets its ship's owner-only fields, and the watcher still does not.
  placeShip(room, a.sessionId, { x: 321, y: 123 });
  a.send(ClientMessage.Input, { upTo: 1 });
  expect(await waitFor(() => a.state.ships.get(a.sessionId)?.x === 321 && (a.state.ships.get(a.sessionId)?.ack ?? 0) >= 1, 2000)).toBe(
    true,
  );
  expect(b.state.ships.get(a.sessionId)?.x).toBeUndefined();
});

test(`a dropped player who comes back late in the ${RECONNECT_WINDOW} s window gets ship and score back; one who never does is removed cleanly after it`, async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const late = await server().connectTo(room, { name: "Late" });
  const gone = await server().connectTo(room, { name: "Gone" });
  const watcher = await server().connectTo(room, { name: "Watcher" });
  for (const client of [late, gone]) client.reconnection.enabled = false;
  findShip(room.world, late.sessionId)!.score = 70;
  expect(await waitFor(() => watcher.state.players.size === 3)).toBe(true);

  const droppedAt = Date.now();
  for (const client of [late, gone]) (serverClient(room, client.sessionId).ref as unknown as { terminate(): void }).terminate();
  expect(await waitFor(() => watcher.state.players.get(gone.sessionId)?.connected === false, 2000)).toBe(true);
  expect(room.metadata.players).toBe(3); // both seats are held while they may return

  // Back 3 s before the window closes, with the token the SDK kept.
  await sleep(droppedAt + (RECONNECT_WINDOW - 3) * 1000 - Date.now());
  const back = await server().sdk.reconnect(late.reconnectionToken);
  expect(back.sessionId).toBe(late.sessionId);
  expect(await waitFor(() => watcher.state.players.get(late.sessionId)?.connected === true, 2000)).toBe(true);
  expect(watcher.state.players.get(late.sessionId)?.score).toBe(70);

  // The other one's window closes: its ship leaves the world, the state and the seat count.
  expect(await waitFor(() => !watcher.state.players.has(gone.sessionId), 6000)).toBe(true);
  expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(RECONNECT_WINDOW * 1000 - 100);
  expect(findShip(room.world, gone.sessionId)).toBeUndefined();
  expect(room.metadata.players).toBe(2);
  expect(findShip(room.world, late.sessionId)?.score).toBe(70);
}, 40_000);

test("the lobby lists game rooms with their metadata and follows new ones", async () => {
  const first = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { roomName: "Alpha" });
  await server().connectTo(first, { name: "P1" });
  const lobby = await server().sdk.joinOrCreate(LOBBY_ROOM_NAME);
  const listed = new Map<string, RoomListingMetadata>();
  lobby.onMessage("rooms", (rooms: { roomId: string; name: string; metadata: RoomListingMetadata }[]) => {
    for (const room of rooms) if (room.name === ROOM_NAME) listed.set(room.roomId, room.metadata);
  });
  lobby.onMessage("+", ([roomId, room]: [string, { name: string; metadata: RoomListingMetadata }]) => {
    if (room.name === ROOM_NAME) listed.set(roomId, room.metadata);
  });
  lobby.onMessage("-", (roomId: string) => listed.delete(roomId));

  expect(await waitFor(() => listed.get(first.roomId)?.players === 1)).toBe(true);
  const alpha = listed.get(first.roomId)!;
  expect(alpha.roomName).toBe("Alpha");
  expect(Math.abs(alpha.createdAt - Date.now())).toBeLessThan(60_000);

  const second = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  await server().connectTo(second, { name: "P2" });
  expect(await waitFor(() => listed.get(second.roomId)?.players === 1)).toBe(true);
  expect(listed.get(second.roomId)?.roomName).toMatch(/^Sector \d+$/);
  await lobby.leave();
});

test("GET /health reports rooms and connected clients", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  await server().connectTo(room, { name: "H" });
  const response = await server().http.get("/health");
  expect(response.data).toMatchObject({ ok: true, rooms: 1, ccu: 1 });
  expect(typeof response.data.uptime).toBe("number");
});
