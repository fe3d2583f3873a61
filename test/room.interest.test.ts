/**
 * Interest management with real SDK clients in a full-size room (100 seats, 3840 × 2160):
 * each client is sent the ships, bullets and rocks near its own ship through its
 * StateView, every player's coarse minimap cell, and nothing else.
 */
import type { Room as ClientRoom } from "@colyseus/sdk";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { INTEREST_MARGIN, MINIMAP_CELLS } from "../shared/net/netConstants";
import { SCREEN_HEIGHT, SCREEN_WIDTH, VIEW_WIDTH } from "../shared/constants";
import { isPlaced, ROOM_NAME, ServerMessage, type EventSeen, type EventsMessage } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { poseAt } from "../shared/sim/rewind";
import { decodeMapCell, POSITION_STEPS_PER_PX, readPublicShip } from "../shared/net/wire";
import { findShip } from "../shared/sim/world";
import { LARGEST_WORLD, ONE_SCREEN } from "../shared/sim/worldSize";
import { clearField, placeShip } from "./support/arena";
import { waitFor, useGameServer } from "./support/gameServer";

const server = useGameServer();
type Client = ClientRoom<unknown, GameState>;

async function roomWith(names: string[], options: { seats?: number } = {}): Promise<{ room: AsteroidsRoom; clients: Client[] }> {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 11, ...options });
  const clients: Client[] = [];
  for (const name of names) clients.push((await server().connectTo(room, { name })) as unknown as Client);
  clearField(room);
  return { room, clients };
}

/** Half a pixel of the wire's fixed point, and a little float slack. */
const POSE_TOLERANCE = 1 / (2 * POSITION_STEPS_PER_PX) + 1e-6;
/** The minimap cell's half-width on the long axis, px. */
const CELL_TOLERANCE = LARGEST_WORLD.width / MINIMAP_CELLS / 2 + 1e-6;

test("a full room's field is 4 × 4 screens; the state says so", async () => {
  const { room, clients } = await roomWith(["Ann"]);
  expect(room.world.size).toEqual(LARGEST_WORLD);
  expect(await waitFor(() => clients[0]!.state.width === 4 * SCREEN_WIDTH && clients[0]!.state.height === 4 * SCREEN_HEIGHT)).toBe(true);
});

test("a far ship is absent from a client's state but on its minimap, at its coarse cell", async () => {
  const { room, clients } = await roomWith(["Near", "Far"]);
  const [near, far] = clients as [Client, Client];
  placeShip(room, near.sessionId, { x: 500, y: 500 });
  placeShip(room, far.sessionId, { x: 2500, y: 1600 });
  // Two minimap refreshes at most (1 s each), then the view has settled too.
  expect(
    await waitFor(() => {
      const blip = near.state.players.get(far.sessionId);
      return blip !== undefined && Math.abs(decodeMapCell(blip.mapX, near.state.width) - 2500) <= CELL_TOLERANCE;
    }, 3000),
  ).toBe(true);
  const blip = near.state.players.get(far.sessionId)!;
  expect(Math.abs(decodeMapCell(blip.mapY, near.state.height) - 1600)).toBeLessThanOrEqual(CELL_TOLERANCE);
  expect(blip.name).toBe("Far");
  expect(near.state.ships.has(far.sessionId)).toBe(false);
  expect(far.state.ships.has(near.sessionId)).toBe(false);
  // Each still has its own ship, owner-only fields included.
  expect(near.state.ships.get(near.sessionId)?.x).toBeCloseTo(500, 3);
});

test("an entering ship arrives with its true pose, and leaves the state again when it flies off", async () => {
  const { room, clients } = await roomWith(["Watcher", "Mover"]);
  const [watcher, mover] = clients as [Client, Client];
  placeShip(room, watcher.sessionId, { x: 1000, y: 1000 });
  placeShip(room, mover.sessionId, { x: 3000, y: 1000, angle: 0.5 });
  // Views are updated every other patch: after a few, the mover is out of the watcher's, wherever it spawned.
  for (let patch = 0; patch < 4; patch++) await watcher.waitForNextPatch();
  expect(watcher.state.ships.has(mover.sessionId)).toBe(false);

  // Into the view region (inside the margin, off the screen), moving.
  const entering = findShip(room.world, mover.sessionId)!;
  Object.assign(entering, { x: 1000 + VIEW_WIDTH / 2 + INTEREST_MARGIN / 2, vx: -60, vy: 25 });
  let arrival: { x: number; y: number; angle: number; tick: number } | undefined;
  const watch = (state: GameState) => {
    const ship = state.ships.get(mover.sessionId);
    if (ship && !arrival) arrival = { ...readPublicShip(ship, state.tick), tick: state.tick };
  };
  watcher.onStateChange(watch);
  expect(await waitFor(() => arrival !== undefined, 2000)).toBe(true);
  watcher.onStateChange.remove(watch);
  // The first pose the watcher ever holds of it is where the server had it at that patch's tick: no stale start.
  const truth = poseAt(room.world, mover.sessionId, arrival!.tick)!;
  expect(Math.abs(arrival!.x - truth.x)).toBeLessThanOrEqual(POSE_TOLERANCE);
  expect(Math.abs(arrival!.y - truth.y)).toBeLessThanOrEqual(POSE_TOLERANCE);
  expect(Math.abs(arrival!.angle - truth.angle)).toBeLessThanOrEqual(Math.PI / 256);

  Object.assign(findShip(room.world, mover.sessionId)!, { x: 3200, y: 300, vx: 0, vy: 0 });
  expect(await waitFor(() => !watcher.state.ships.has(mover.sessionId), 2000)).toBe(true);
});

test("rocks and bullets are sent by area too", async () => {
  const { room, clients } = await roomWith(["Ann"]);
  const [ann] = clients as [Client];
  placeShip(room, ann.sessionId, { x: 600, y: 600 });
  const rock = { size: 3 as const, vx: 0, vy: 0, angle: 0, spin: 0 };
  room.world.asteroids.push({ ...rock, id: 9001, x: 700, y: 650 }, { ...rock, id: 9002, x: 2900, y: 1700 });
  room.world.bullets.push({ id: 9003, owner: "nobody", x: 3000, y: 1800, vx: 1, vy: 0, radius: 3, life: 5, rewind: 0 });
  expect(await waitFor(() => ann.state.asteroids.has("9001"), 2000)).toBe(true);
  expect(room.state.asteroids.has("9002")).toBe(true);
  expect(room.state.bullets.has("9003")).toBe(true);
  expect(ann.state.asteroids.has("9002")).toBe(false);
  expect(ann.state.bullets?.has("9003") ?? false).toBe(false);
});

test("a kill reaches every client: in full where it is seen, as a notice without a place elsewhere", async () => {
  const { room, clients } = await roomWith(["Victim", "Watcher", "Far"]);
  const [victim, watcher, far] = clients as [Client, Client, Client];
  const received = new Map<string, EventSeen[]>();
  for (const client of clients) {
    received.set(client.sessionId, []);
    client.onMessage(ServerMessage.Events, (batch: EventsMessage) => received.get(client.sessionId)!.push(...batch.events));
  }
  placeShip(room, victim.sessionId, { x: 1000.4, y: 1000.3 });
  placeShip(room, watcher.sessionId, { x: 1300, y: 1100 });
  placeShip(room, far.sessionId, { x: 3000, y: 1800 });
  expect(await waitFor(() => watcher.state.ships.has(victim.sessionId) && !far.state.ships.has(victim.sessionId), 2000)).toBe(true);
  // A rock the watcher has been sent, then moved onto the victim: nobody's kill, so only the
  // victim and those watching see it in full.
  const rock = { id: 9100, size: 3 as const, x: 1100, y: 1400, vx: 0, vy: 0, angle: 0, spin: 0 };
  room.world.asteroids.push(rock);
  expect(await waitFor(() => watcher.state.asteroids.has(String(rock.id)), 2000)).toBe(true);
  Object.assign(rock, { x: 1000, y: 1000 });
  const killOf = (client: Client) => received.get(client.sessionId)!.find((event) => event.kind === "shipDestroyed");
  expect(await waitFor(() => clients.every((client) => killOf(client) !== undefined), 2000)).toBe(true);
  for (const client of [victim, watcher]) {
    const kill = killOf(client)!;
    expect(isPlaced(kill)).toBe(true);
    // Whole pixels: an explosion needs no more, and they cost a third of a float's bytes.
    expect(kill).toMatchObject({ shipId: victim.sessionId, killerId: null, x: 1000, y: 1000 });
  }
  expect(killOf(far)).toEqual({ kind: "shipDestroyed", shipId: victim.sessionId, killerId: null });
  // The broken rock is news only where it can be seen.
  expect(received.get(far.sessionId)!.some((event) => event.kind === "asteroidDestroyed")).toBe(false);
  expect(received.get(watcher.sessionId)!.some((event) => event.kind === "asteroidDestroyed")).toBe(true);
});

test("a room of 8 seats keeps the original's one screen, and everyone sees everyone", async () => {
  const { room, clients } = await roomWith(["A", "B", "C"], { seats: 8 });
  expect(room.world.size).toEqual(ONE_SCREEN);
  expect(room.maxClients).toBe(8);
  placeShip(room, clients[0]!.sessionId, { x: 10, y: 10 });
  placeShip(room, clients[1]!.sessionId, { x: 950, y: 530 });
  placeShip(room, clients[2]!.sessionId, { x: 480, y: 270 });
  expect(await waitFor(() => clients.every((client) => client.state.ships.size === 3), 2000)).toBe(true);
});
