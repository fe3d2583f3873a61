/**
 * Two real browsers play through the real server: lobby → same room → see each other →
 * one flies and the other sees it drawn moving → one shoots the other and both pages
 * show the outcome. Ships are placed through the server's world so the shot is sure
 * to be aimed; everything else goes through keys, the network and the canvas. The duel
 * is in a room of 8 seats, whose field is one screen: everyone is in everyone's view.
 */
import type { Page } from "playwright-core";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { SCORE_SHIP_KILL } from "../../shared/constants";
import { ROOM_NAME, ServerMessage } from "../../shared/net/messages";
import { colorName } from "../../shared/net/palette";
import { findShip } from "../../shared/sim/world";
import { clearField, placeShip } from "../support/arena";
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";
import { pixelsOfColorNear, pixelsOfColorNearWithin } from "../support/canvasPixels";

const ALICE_COLOR = "#f06292";
const BOB_COLOR = "#4fc3f7";
const game = useBrowserGame();

/** A page on the lobby with `name` typed in and, when given, the ship color `color` picked. */
async function openLobby(name: string, color?: string): Promise<Page> {
  const page = await game.newPage({ viewport: { width: 1280, height: 760 } });
  // The page's own errors end up in the test output, where a failure can be read.
  page.on("pageerror", (error) => console.error(`[${name} page error]`, error));
  page.on("console", (message) => {
    if (message.type() === "error") console.error(`[${name} console]`, message.text());
  });
  await page.goto(game.baseUrl);
  await page.getByTestId("name").fill(name);
  if (color) await page.getByRole("radio", { name: colorName(color) }).click();
  return page;
}

test("two players meet in the lobby, see each other fly, and one shoots the other", async () => {
  // Colors unlike each other and the background's stars, so the canvas reads are sure.
  const alice = await openLobby("Alice", ALICE_COLOR);
  const bob = await openLobby("Bob", BOB_COLOR);

  // Alice creates a named room of 8 seats; Bob sees it appear in his live list and joins it.
  await alice.getByTestId("room-name").fill("Arena");
  await alice.getByTestId("room-seats").selectOption("8");
  await alice.getByTestId("create-room").click();
  const aliceSnapshot = await waitForSnapshot(alice, (snapshot) => snapshot.screen === "game" && (snapshot.ships?.length ?? 0) === 1);
  const roomRow = bob.locator(`tr[data-room-id="${aliceSnapshot.roomId}"]`);
  await roomRow.waitFor({ timeout: 10_000 });
  expect(await roomRow.textContent()).toContain("Arena");
  expect(await roomRow.textContent()).toContain("1/8");
  await roomRow.getByRole("button", { name: "Join" }).click();

  const bobSnapshot = await waitForSnapshot(bob, (snapshot) => snapshot.screen === "game" && (snapshot.ships?.length ?? 0) === 2);
  await waitForSnapshot(alice, (snapshot) => (snapshot.ships?.length ?? 0) === 2);
  expect(bobSnapshot.roomId).toBe(aliceSnapshot.roomId);
  expect(bobSnapshot.world).toEqual({ width: 960, height: 540 });
  expect(bobSnapshot.ships?.map((ship) => ship.name).sort()).toEqual(["Alice", "Bob"]);
  const aliceId = aliceSnapshot.sessionId!;
  const bobId = bobSnapshot.sessionId!;

  const room = game.server.getRoomById<AsteroidsRoom>(aliceSnapshot.roomId!);
  clearField(room);
  placeShip(room, aliceId, { x: 200, y: 270, angle: 0 });
  placeShip(room, bobId, { x: 620, y: 270, angle: Math.PI / 2 });
  // Placed ships lose their spawn protection; until Bob's screen shows that, Alice blinks dim and her color is off.
  const seenStill = await waitForSnapshot(bob, (snapshot) => {
    const ship = snapshot.ships?.find((candidate) => candidate.id === aliceId);
    return !!ship && Math.abs(ship.x - 200) < 1 && Math.abs(ship.y - 270) < 1 && !ship.protected;
  });
  const aliceColor = seenStill.ships!.find((ship) => ship.id === aliceId)!.color;
  expect(aliceColor).toBe(ALICE_COLOR);
  // Bob's canvas has Alice's color where Alice's ship is drawn, and not in an empty spot.
  expect(await pixelsOfColorNearWithin(bob, 200, 270, aliceColor, 21)).toBeGreaterThan(20);
  expect(await pixelsOfColorNear(bob, 400, 450, aliceColor)).toBe(0);

  // Alice holds Up: Bob's page draws her ship moving along +x.
  await alice.keyboard.down("ArrowUp");
  await waitForSnapshot(bob, (snapshot) => (snapshot.ships?.find((ship) => ship.id === aliceId)?.x ?? 0) > 240);
  await alice.keyboard.up("ArrowUp");
  // Inputs already on their way still thrust for a moment; let them land before resetting.
  await new Promise((resolve) => setTimeout(resolve, 500));

  // Put Alice back, facing Bob, at rest; she charges for 0.4 s and releases.
  placeShip(room, aliceId, { x: 200, y: 270, angle: 0 });
  placeShip(room, bobId, { x: 620, y: 270, angle: Math.PI / 2 });
  await waitForSnapshot(alice, (snapshot) => Math.abs((snapshot.ships?.find((ship) => ship.id === aliceId)?.x ?? 0) - 200) < 1);
  await alice.keyboard.down("Space");
  await new Promise((resolve) => setTimeout(resolve, 400));
  await alice.keyboard.up("Space");

  // Bob's page shows the explosion and Alice's points; Alice's HUD shows her score.
  await waitForSnapshot(
    bob,
    (snapshot) => (snapshot.explosionsSeen ?? 0) >= 1 && snapshot.ships?.find((ship) => ship.id === bobId)?.alive === false,
  );
  await bob.getByTestId("respawn").waitFor({ timeout: 5000 });
  // Bob's death screen names his killer; both kill feeds tell it; the HUD counts 2 players.
  await bob.getByTestId("death").filter({ hasText: "Destroyed by Alice" }).waitFor({ timeout: 5000 });
  for (const page of [alice, bob])
    await page.getByTestId("kill-feed").filter({ hasText: "Alice destroyed Bob" }).waitFor({ timeout: 5000 });
  await expect(bob.getByTestId("players").textContent()).resolves.toBe("2 players");
  // Your own row is marked on your scoreboard.
  await bob.locator(`[data-testid="scoreboard"] li.own[data-ship-id="${bobId}"]`).waitFor({ timeout: 5000 });
  const aliceLine = bob.locator(`[data-testid="scoreboard"] li[data-ship-id="${aliceId}"]`);
  await expect(aliceLine.textContent()).resolves.toContain("Alice");
  await waitForSnapshot(alice, (snapshot) => snapshot.score === SCORE_SHIP_KILL);
  await alice
    .getByTestId("score")
    .filter({ hasText: `score ${SCORE_SHIP_KILL}` })
    .waitFor({ timeout: 5000 });
  await bob
    .locator(`[data-testid="scoreboard"] li[data-ship-id="${aliceId}"] .points`)
    .filter({ hasText: String(SCORE_SHIP_KILL) })
    .waitFor({ timeout: 5000 });

  // Esc takes Alice back to the lobby; Bob's room list is not involved, his game goes on.
  await alice.keyboard.press("Escape");
  await waitForSnapshot(alice, (snapshot) => snapshot.screen === "lobby");
  await waitForSnapshot(bob, (snapshot) => snapshot.ships?.length === 1);
  await bob.keyboard.press("Escape");
  await waitForSnapshot(bob, (snapshot) => snapshot.screen === "lobby");
}, 60_000);

test("the lobby updates live, says when the server is unreachable, and recovers by itself", async () => {
  const carol = await openLobby("Carol");
  const dave = await openLobby("Dave");
  await carol.getByTestId("quick-play").click();
  const carolSnapshot = await waitForSnapshot(carol, (snapshot) => snapshot.screen === "game");
  const row = dave.locator(`tr[data-room-id="${carolSnapshot.roomId}"]`);
  await row.waitFor({ timeout: 10_000 });
  expect(await row.textContent()).toContain("1/100");
  // Carol leaves: her room empties and closes, and it leaves Dave's list without a reload.
  await carol.keyboard.press("Escape");
  await row.waitFor({ state: "detached", timeout: 10_000 });

  // A page whose requests to the server are refused, as when the server is down.
  const erin = await game.newPage();
  const refuse = "**/matchmake/**";
  await erin.route(refuse, (route) => route.abort("connectionrefused"));
  await erin.goto(game.baseUrl);
  const offline = erin.getByTestId("lobby-offline");
  await offline.waitFor({ timeout: 10_000 });
  expect(await offline.textContent()).toMatch(/unreachable.*Retrying/s);
  // The server comes back: the lobby reconnects on its own and the notice goes.
  await erin.unroute(refuse);
  await offline.waitFor({ state: "detached", timeout: 15_000 });
  await erin.getByTestId("no-rooms").waitFor({ timeout: 5000 });
}, 60_000);

test("in a room of 35 the scoreboard shows the ten leaders and, below them, your own row with your rank", async () => {
  const room = await game.server.createRoom<AsteroidsRoom>(ROOM_NAME, { roomName: "Crowd" });
  const others = [];
  for (let i = 0; i < 34; i++) {
    const other = await game.server.connectTo(room, { name: `pilot ${String(i).padStart(2, "0")}` });
    other.onMessage(ServerMessage.Events, () => undefined);
    findShip(room.world, other.sessionId)!.score = 100 - i;
    others.push(other);
  }
  const page = await openLobby("Zed");
  const row = page.locator(`tr[data-room-id="${room.roomId}"]`);
  await row.waitFor({ timeout: 10_000 });
  await row.getByRole("button", { name: "Join" }).click();
  // Everyone is on the minimap; only the ships near Zed's are sent to his page and drawn.
  const inRoom = await waitForSnapshot(page, (snapshot) => snapshot.screen === "game" && snapshot.blips === 35);
  expect(inRoom.world).toEqual({ width: 3840, height: 2160 });
  expect(inRoom.ships?.length ?? 0).toBeLessThan(35);

  await page.getByTestId("players").filter({ hasText: "35 players" }).waitFor({ timeout: 5000 });
  const rows = page.locator('[data-testid="scoreboard"] li[data-rank]');
  await expect(rows.count()).resolves.toBe(11);
  await expect(rows.first().textContent()).resolves.toContain("pilot 00");
  const own = page.locator('[data-testid="scoreboard"] li.own');
  await expect(own.getAttribute("data-rank")).resolves.toBe("35");
  await expect(own.textContent()).resolves.toContain("Zed");
  // The own row sits below the leaders, inside the window: the list fits the screen.
  const box = await page.getByTestId("scoreboard").boundingBox();
  expect(box && box.y + box.height).toBeLessThan(760);

  await page.keyboard.press("Escape");
  await Promise.all(others.map((other) => other.leave(true)));
}, 60_000);
