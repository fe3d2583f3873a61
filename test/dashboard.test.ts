/**
 * The dashboard's server side on a real server: the password guard, live stats from the
 * server's own measurements, the room list, and spectating a room without joining it.
 */
import { matchMaker } from "@colyseus/core";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import type { DashboardRoom, DashboardStats, SpectatorWorld } from "../shared/dashboard/dashboardApi";
import { ClientMessage, ROOM_NAME, ServerMessage } from "../shared/net/messages";
import { bootGameServer, httpBaseOf, sleep } from "./support/gameServer";
import type { ColyseusTestServer } from "@colyseus/testing";

const PASSWORD = "correct horse";
let server: ColyseusTestServer;

beforeAll(async () => {
  server = await bootGameServer({ dashboard: { password: PASSWORD } });
});
afterAll(async () => {
  await server.shutdown();
});

function get(path: string, password?: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (password !== undefined) headers.authorization = `Basic ${Buffer.from(`admin:${password}`).toString("base64")}`;
  return fetch(`${httpBaseOf(server)}${path}`, { headers });
}

test("asks for the password and refuses a wrong one, for the API and the Colyseus monitor alike", async () => {
  for (const path of ["/dashboard", "/dashboard/api/stats", "/colyseus/"]) {
    const anonymous = await get(path);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic realm="netroids dashboard"/);
    expect((await get(path, "wrong")).status).toBe(401);
  }
  expect((await get("/colyseus/", PASSWORD)).status).toBe(200);
});

test("serves live stats, lists rooms and shows a room's world to a spectator that is not a player", async () => {
  const room = await server.createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 4, roomName: "Watched" });
  const players = [await server.connectTo(room, { name: "Ann" }), await server.connectTo(room, { name: "Ben" })];
  for (const player of players) player.onMessage(ServerMessage.Events, () => undefined);
  for (let seq = 1; seq <= 20; seq++) {
    for (const player of players) player.send(ClientMessage.Input, { upTo: seq, runs: [[seq, seq % 2]] });
    await sleep(10);
  }
  players[0]!.send(ClientMessage.Rtt, 21);
  await sleep(1100);

  const stats = (await (await get("/dashboard/api/stats", PASSWORD)).json()) as DashboardStats;
  expect(stats.ccu).toBe(2);
  expect(stats.joins).toBeGreaterThanOrEqual(2);
  expect(stats.rttMs).toMatchObject({ p50: 21, count: 1 });
  expect(stats.load.length).toBeGreaterThanOrEqual(2);
  const last = stats.load[stats.load.length - 1]!;
  expect(last.ticksPerSecond).toBeGreaterThan(40);
  expect(last.messages + last.simulation + last.network + last.other + last.idle).toBeCloseTo(1, 6);

  const rooms = (await (await get("/dashboard/api/rooms", PASSWORD)).json()) as DashboardRoom[];
  expect(rooms).toContainEqual({ roomId: room.roomId, roomName: "Watched", players: 2 });

  const ccuBefore = matchMaker.stats.local.ccu;
  const world = (await (await get(`/dashboard/api/rooms/${room.roomId}`, PASSWORD)).json()) as SpectatorWorld;
  expect(world.roomName).toBe("Watched");
  expect(world.ships.map((ship) => ship.name).sort()).toEqual(["Ann", "Ben"]);
  expect(world.tick).toBeGreaterThan(60);
  expect(world.asteroids.length).toBeGreaterThan(0);
  expect(matchMaker.stats.local.ccu).toBe(ccuBefore);
  expect((await get("/dashboard/api/rooms/nope", PASSWORD)).status).toBe(404);
  for (const player of players) await player.leave(true);
});
