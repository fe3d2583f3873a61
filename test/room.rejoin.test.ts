/**
 * Rejoining after a reload, with real SDK clients: a player's page keeps its seat token
 * (ShipState.seatToken, sent to it alone) and, joining the room again with it, takes back
 * its name, color and score, whether it left with a word (the page's `pagehide` leave) or
 * vanished (its old connection, still waiting to reconnect, is replaced at once: no ghost).
 */
import { matchMaker } from "@colyseus/core";
import type { Room as ClientRoom } from "@colyseus/sdk";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { ClientMessage, ROOM_NAME } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { findShip } from "../shared/sim/world";
import { sleep, useGameServer, waitFor } from "./support/gameServer";

const server = useGameServer();

type Joined = ClientRoom<unknown, GameState>;

async function tokenOf(room: Joined): Promise<string> {
  expect(await waitFor(() => (room.state.ships?.get(room.sessionId)?.seatToken ?? "") !== "")).toBe(true);
  return room.state.ships.get(room.sessionId)!.seatToken;
}

test("a player who left takes back name, color and score with its seat token, once; others never see the token", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const ann = (await server().connectTo(room, { name: "Ann", color: "#ffd54f" })) as unknown as Joined;
  const watcher = (await server().connectTo(room, { name: "Watcher" })) as unknown as Joined;
  const token = await tokenOf(ann);
  findShip(room.world, ann.sessionId)!.score = 7;
  await watcher.waitForNextPatch();
  expect(watcher.state.ships.get(ann.sessionId)?.seatToken ?? "").toBe("");

  ann.send(ClientMessage.Away);
  await ann.leave(true);
  expect(await waitFor(() => watcher.state.players.size === 1)).toBe(true);
  const back = (await server().connectTo(room, { name: "someone else", rejoin: token })) as unknown as Joined;
  expect(await waitFor(() => watcher.state.players.get(back.sessionId)?.score === 7)).toBe(true);
  expect(watcher.state.players.get(back.sessionId)).toMatchObject({ name: "Ann", color: "#ffd54f" });
  // The token was spent; a second use is a fresh player.
  const again = (await server().connectTo(room, { name: "Copy", rejoin: token })) as unknown as Joined;
  expect(await waitFor(() => watcher.state.players.get(again.sessionId)?.name === "Copy")).toBe(true);
  expect(watcher.state.players.get(again.sessionId)?.score).toBe(0);

  // A leave without "away" (Esc, or any SDK client's leave) is for good: its token takes nothing back.
  const copyToken = await tokenOf(again);
  findShip(room.world, again.sessionId)!.score = 9;
  await again.leave(true);
  const fresh = (await server().connectTo(room, { name: "Fresh", rejoin: copyToken })) as unknown as Joined;
  expect(await waitFor(() => watcher.state.players.get(fresh.sessionId)?.name === "Fresh")).toBe(true);
  expect(watcher.state.players.get(fresh.sessionId)?.score).toBe(0);
});

test("a rejoin replaces the old connection still waiting to reconnect at once: no ghost ship", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const ann = (await server().connectTo(room, { name: "Ann" })) as unknown as Joined;
  const watcher = (await server().connectTo(room, { name: "Watcher" })) as unknown as Joined;
  ann.reconnection.enabled = false;
  const token = await tokenOf(ann);
  findShip(room.world, ann.sessionId)!.score = 4;
  const old = room.clients.find((client) => client.sessionId === ann.sessionId)!;
  (old.ref as unknown as { terminate(): void }).terminate();
  expect(await waitFor(() => watcher.state.players.get(ann.sessionId)?.connected === false, 2000)).toBe(true);

  const back = (await server().connectTo(room, { name: "Ann", rejoin: token })) as unknown as Joined;
  expect(await waitFor(() => watcher.state.players.size === 2 && !watcher.state.players.has(ann.sessionId))).toBe(true);
  expect(watcher.state.players.get(back.sessionId)?.score).toBe(4);
  expect(findShip(room.world, ann.sessionId)).toBeUndefined();
  expect(room.metadata.players).toBe(2);
  // The old connection's window running out later changes nothing.
  await sleep(100);
  expect(room.state.players.size).toBe(2);
});

test("a malformed seat token is refused with a clear error", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  await expect(server().connectTo(room, { rejoin: "not a token!" })).rejects.toThrow(/rejoin must be a seat token/);
});

test("a room emptied by a page going away stays open for its kept seat; a leave for good closes it at once", async () => {
  const kept = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const solo = (await server().connectTo(kept, { name: "Solo" })) as unknown as Joined;
  const token = await tokenOf(solo);
  findShip(kept.world, solo.sessionId)!.score = 2;
  solo.send(ClientMessage.Away);
  await solo.leave(true);
  await sleep(300);
  expect(matchMaker.getLocalRoomById(kept.roomId)).toBeDefined();
  const back = (await server().connectTo(kept, { rejoin: token })) as unknown as Joined;
  expect(await waitFor(() => back.state.players?.get(back.sessionId)?.score === 2)).toBe(true);

  const closing = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const leaver = (await server().connectTo(closing, { name: "Leaver" })) as unknown as Joined;
  await tokenOf(leaver);
  await leaver.leave(true);
  expect(await waitFor(() => matchMaker.getLocalRoomById(closing.roomId) === undefined, 2000)).toBe(true);
});
