/** Two real SDK clients in one real room: inputs move ships, the server decides a kill. */
import type { Room as ClientRoom } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { Key } from "../shared/sim/input";
import { ClientMessage, ServerMessage, ROOM_NAME, type EventSeen, type EventsMessage } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { POSITION_STEPS_PER_PX, readPublicShip } from "../shared/net/wire";
import { BULLET_BASE_RADIUS, BULLET_CHARGE_RADIUS, SCORE_SHIP_KILL, SHIP_HULL } from "../shared/constants";
import { clearField, placeShip } from "./support/arena";
import { sleep, waitFor, useGameServer } from "./support/gameServer";

const server = useGameServer();

async function twoPlayers(): Promise<{ room: AsteroidsRoom; a: ClientRoom<unknown, GameState>; b: ClientRoom<unknown, GameState> }> {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 7 });
  const a = await server().connectTo(room, { name: "Alice" });
  const b = await server().connectTo(room, { name: "Bob" });
  return { room, a: a as unknown as ClientRoom<unknown, GameState>, b: b as unknown as ClientRoom<unknown, GameState> };
}

test("both clients see both ships with names and colors", async () => {
  const { a, b } = await twoPlayers();
  expect(await waitFor(() => b.state.ships.size === 2 && a.state.ships.size === 2)).toBe(true);
  const alice = b.state.players.get(a.sessionId);
  expect(alice?.name).toBe("Alice");
  expect(alice?.color).toMatch(/^#[0-9a-f]{6}$/);
  expect(a.state.players.get(b.sessionId)?.name).toBe("Bob");
});

test("one client's input moves its ship as the other client sees it", async () => {
  const { room, a, b } = await twoPlayers();
  clearField(room);
  placeShip(room, a.sessionId, { x: 100, y: 100, angle: 0 });
  placeShip(room, b.sessionId, { x: 800, y: 400 });
  await b.waitForNextPatch();
  await b.waitForNextPatch();
  const aliceAsSeen = () => readPublicShip(b.state.ships.get(a.sessionId)!, b.state.tick);
  const startX = aliceAsSeen().x;
  expect(startX).toBeCloseTo(100, 0);

  a.send(ClientMessage.Input, { upTo: 1, runs: [[1, Key.Up]] });
  // Half a second of thrust along +x: ~0.5·320·0.5² ≈ 40 px less drag; anything clearly forward will do.
  expect(await waitFor(() => aliceAsSeen().x > startX + 20, 3000)).toBe(true);
  expect(Math.abs(aliceAsSeen().y - 100)).toBeLessThan(1);
  expect(b.state.ships.get(a.sessionId)!.keys).toBe(Key.Up);
  expect(await waitFor(() => a.state.ships.get(a.sessionId)!.ack >= 1)).toBe(true);
  // Bob's own ship did not move.
  expect(b.state.ships.get(b.sessionId)!.x).toBeCloseTo(800, 0);
});

test("each client gets its own exact pose, velocity and ack; others get the compact pose only", async () => {
  const { room, a, b } = await twoPlayers();
  clearField(room);
  placeShip(room, b.sessionId, { x: 800, y: 400 });
  placeShip(room, a.sessionId, { x: 200, y: 200 });
  a.send(ClientMessage.Input, { upTo: 1, runs: [[1, Key.Up]] });
  expect(await waitFor(() => a.state.ships.get(a.sessionId)!.ack >= 1 && a.state.ships.get(a.sessionId)!.vx > 0, 2000)).toBe(true);
  // Released from the step after the newest one applied: at once.
  const released = a.state.ships.get(a.sessionId)!.ack + 1;
  a.send(ClientMessage.Input, { upTo: released, runs: [[released, 0]] });
  await b.waitForNextPatch();
  const hidden = b.state.ships.get(a.sessionId)!;
  // Never sent to Bob: his decoder has no value for them at all.
  expect([hidden.x, hidden.y, hidden.vx, hidden.vy, hidden.angle, hidden.ack]).toEqual(Array(6).fill(undefined));

  // At rest at an awkward spot: the owner reads it exactly (as float32), the other within the fixed-point step.
  placeShip(room, a.sessionId, { x: 123.456, y: 78.9, angle: 1 });
  expect(
    await waitFor(
      () => a.state.ships.get(a.sessionId)!.vx === 0 && readPublicShip(b.state.ships.get(a.sessionId)!, b.state.tick).x < 130,
      2000,
    ),
  ).toBe(true);
  const own = a.state.ships.get(a.sessionId)!;
  expect([own.x, own.y, own.angle]).toEqual([Math.fround(123.456), Math.fround(78.9), Math.fround(1)]);
  const seenByBob = readPublicShip(b.state.ships.get(a.sessionId)!, b.state.tick);
  expect(Math.abs(seenByBob.x - 123.456)).toBeLessThanOrEqual(1 / (2 * POSITION_STEPS_PER_PX));
  expect(Math.abs(seenByBob.y - 78.9)).toBeLessThanOrEqual(1 / (2 * POSITION_STEPS_PER_PX));
  expect(Math.abs(seenByBob.angle - 1)).toBeLessThanOrEqual(Math.PI / 256); // the public heading is a byte
});

test("a charged shot kills the other ship and the shooter's score shows up", async () => {
  const { room, a, b } = await twoPlayers();
  clearField(room);
  placeShip(room, a.sessionId, { x: 200, y: 270, angle: 0 });
  placeShip(room, b.sessionId, { x: 500, y: 270, angle: Math.PI / 2 });
  const events: EventSeen[] = [];
  b.onMessage(ServerMessage.Events, (batch: EventsMessage) => events.push(...batch.events));

  let biggestBullet = 0;
  const watchBullets = setInterval(
    () =>
      b.state.bullets.forEach((bullet) => {
        if (bullet.owner === a.sessionId) biggestBullet = Math.max(biggestBullet, bullet.radius);
      }),
    5,
  );
  a.send(ClientMessage.Input, { upTo: 1, runs: [[1, Key.Fire]] });
  await sleep(400); // ~1.0 charge after 1/3 s
  a.send(ClientMessage.Input, { upTo: 24, runs: [[24, 0]] });

  expect(await waitFor(() => b.state.ships.get(b.sessionId)!.alive === false, 3000)).toBe(true);
  clearInterval(watchBullets);
  expect(await waitFor(() => b.state.players.get(a.sessionId)!.score === SCORE_SHIP_KILL, 2000)).toBe(true);
  expect(await waitFor(() => events.some((event) => event.kind === "shipDestroyed"), 2000)).toBe(true);
  const kill = events.find((event) => event.kind === "shipDestroyed");
  expect(kill).toMatchObject({ shipId: b.sessionId, killerId: a.sessionId });
  // Held for ~0.4 s at 3 charge/s: a full-charge, full-size bullet, seen in Bob's state on its way.
  expect(biggestBullet).toBeGreaterThan(BULLET_BASE_RADIUS + 0.9 * BULLET_CHARGE_RADIUS);
  // Shots are not broadcast as events: the bullet in the state says it all.
  expect(events.some((event) => event.kind === "shot")).toBe(false);
  expect(readPublicShip(b.state.ships.get(b.sessionId)!, b.state.tick).respawnIn).toBeGreaterThan(2);
  expect(readPublicShip(b.state.ships.get(b.sessionId)!, b.state.tick).respawnIn).toBeLessThanOrEqual(3);
});

test("a tap's press and release in one message: both steps are applied, in order", async () => {
  const { room, a, b } = await twoPlayers();
  clearField(room);
  placeShip(room, a.sessionId, { x: 200, y: 100 });
  placeShip(room, b.sessionId, { x: 800, y: 400 });
  // A one-step tap of Fire and its release in one message: the charge step, then the shot.
  a.send(ClientMessage.Input, {
    upTo: 2,
    runs: [
      [1, Key.Fire],
      [2, 0],
    ],
  });
  expect(await waitFor(() => a.state.ships.get(a.sessionId)!.ack >= 2, 2000)).toBe(true);
  expect(await waitFor(() => Array.from(a.state.bullets.values()).some((bullet) => bullet.owner === a.sessionId), 2000)).toBe(true);
  expect(room.messageStats(a.sessionId)).toMatchObject({ accepted: 1 });
});

test("a shot reaches its shooter in the patch that acknowledges its step: from the nose, at its launch tick, tagged with the step", async () => {
  const { room, a, b } = await twoPlayers();
  clearField(room);
  placeShip(room, a.sessionId, { x: 200, y: 100, angle: Math.PI / 2 });
  placeShip(room, b.sessionId, { x: 800, y: 400 });
  const firstAcked: Array<{ bullets: Array<{ step: number; x: number; y: number; tick: number }>; cooldownSteps: number }> = [];
  a.onStateChange((state) => {
    const own = state.ships.get(a.sessionId);
    if (!own || own.ack < 2 || firstAcked.length > 0) return;
    const bullets = Array.from(state.bullets.values())
      .filter((bullet) => bullet.owner === a.sessionId)
      .map(({ step, x, y, tick }) => ({ step, x, y, tick }));
    firstAcked.push({ bullets, cooldownSteps: own.cooldownSteps });
  });
  a.send(ClientMessage.Input, {
    upTo: 2,
    runs: [
      [1, Key.Fire],
      [2, 0],
    ],
  });
  expect(await waitFor(() => firstAcked.length > 0, 2000)).toBe(true);
  const [{ bullets, cooldownSteps }] = firstAcked as [(typeof firstAcked)[number]];
  expect(bullets).toHaveLength(1);
  const [bullet] = bullets as [(typeof bullets)[number]];
  expect(bullet.step).toBe(2);
  // The nose of a ship facing +y at (200, 100), as it was on the launch step, whatever patch brought it.
  expect(bullet.x).toBeCloseTo(200, 3);
  expect(bullet.y).toBeCloseTo(100 + SHIP_HULL[1]![0], 3);
  expect(bullet.tick).toBeLessThanOrEqual(a.state.tick);
  // The shooter's trigger came along (12 steps of cooldown at the shot), to the shooter only.
  expect(cooldownSteps).toBeGreaterThan(8);
  expect(cooldownSteps).toBeLessThanOrEqual(12);
  await b.waitForNextPatch();
  expect(b.state.ships.get(a.sessionId)?.cooldownSteps ?? 0).toBe(0);
});

test("patches go out right after every third step, each carrying the step it describes", async () => {
  const { a } = await twoPlayers();
  const ticks: number[] = [];
  a.onStateChange((state) => ticks.push(state.tick));
  expect(await waitFor(() => ticks.length >= 12, 3000)).toBe(true);
  const steady = ticks.slice(2);
  for (const tick of steady) expect(tick % 3).toBe(0);
  for (let i = 1; i < steady.length; i++) expect(steady[i]! - steady[i - 1]!).toBe(3);
});

test("a room's name is its listing's on every client, and a taken name gets a suffix", async () => {
  const first = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { roomName: "Arena" });
  const second = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { roomName: "Arena" });
  const unnamed = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const listed = await matchMaker.query({ name: ROOM_NAME });
  const nameOf = (roomId: string) => listed.find((room) => room.roomId === roomId)?.metadata?.roomName;
  expect(nameOf(first.roomId)).toBe("Arena");
  expect(nameOf(second.roomId)).toBe("Arena 2");
  expect(nameOf(unnamed.roomId)).toMatch(/^Sector \d+$/);
  const joiner = (await server().connectTo(second, { name: "Joiner" })) as unknown as ClientRoom<unknown, GameState>;
  expect(await waitFor(() => joiner.state.roomName === "Arena 2")).toBe(true);
  expect(second.state.roomName).toBe("Arena 2");
});
