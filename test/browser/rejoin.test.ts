/**
 * Leaving and coming back, in Chromium: a page reloaded mid-game is back in its room with
 * its name, color and score within 3 s, with no ghost of its old ship; Esc and closing the
 * tab free the seat at once, as the other player's HUD shows within a second.
 */
import { colorName } from "../../shared/net/palette";
import type { Page } from "playwright-core";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { findShip } from "../../shared/sim/world";
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";
import { waitFor } from "../support/gameServer";

const game = useBrowserGame();
const RELOAD_BUDGET_MS = 3000;
const LEAVE_BUDGET_MS = 1000;

async function inLobby(name: string, color: string): Promise<Page> {
  const page = await game.newPage({ viewport: { width: 1280, height: 760 } });
  page.on("pageerror", (error) => console.error(`[${name} page error]`, error));
  await page.goto(game.baseUrl);
  await page.getByTestId("name").fill(name);
  await page.getByRole("radio", { name: colorName(color) }).click();
  return page;
}

/** `host` creates an 8-seat room and `guest` joins it from the list; returns the server's room. */
async function meet(host: Page, guest: Page): Promise<AsteroidsRoom> {
  await host.getByTestId("room-seats").selectOption("8");
  await host.getByTestId("create-room").click();
  const created = await waitForSnapshot(host, (snapshot) => snapshot.screen === "game" && !!snapshot.roomId);
  const row = guest.locator(`tr[data-room-id="${created.roomId}"]`);
  await row.waitFor({ timeout: 10_000 });
  await row.getByRole("button", { name: "Join" }).click();
  await waitForSnapshot(guest, (snapshot) => snapshot.roomId === created.roomId && (snapshot.ships?.length ?? 0) === 2);
  return game.server.getRoomById<AsteroidsRoom>(created.roomId!);
}

async function playersShown(page: Page): Promise<string> {
  return (await page.getByTestId("players").textContent()) ?? "";
}

test("a page reloaded mid-game is back in its room with its ship and score within 3 s, and no ghost remains", async () => {
  const ann = await inLobby("Ann", "#ffd54f");
  const ben = await inLobby("Ben", "#4fc3f7");
  const room = await meet(ann, ben);
  const before = await waitForSnapshot(ann, (snapshot) => !!snapshot.sessionId);
  findShip(room.world, before.sessionId!)!.score = 5;
  await waitForSnapshot(ann, (snapshot) => snapshot.score === 5);

  const reloadedAt = Date.now();
  await ann.reload();
  const back = await waitForSnapshot(ann, (snapshot) => snapshot.screen === "game" && snapshot.score === 5, RELOAD_BUDGET_MS + 2000);
  const tookMs = Date.now() - reloadedAt;
  console.info(`reload to back in the room with score 5: ${tookMs} ms`);
  expect(tookMs).toBeLessThan(RELOAD_BUDGET_MS);
  expect(back.roomId).toBe(room.roomId);
  expect(back.sessionId).not.toBe(before.sessionId);
  const own = await waitForSnapshot(ann, (snapshot) => !!snapshot.ships?.some((ship) => ship.id === snapshot.sessionId));
  expect(own.ships!.find((ship) => ship.id === own.sessionId)).toMatchObject({ name: "Ann", color: "#ffd54f" });

  // No ghost: two players, both connected, the old session gone, on the server and on Ben's HUD.
  expect(room.state.players.size).toBe(2);
  expect(room.state.players.has(before.sessionId!)).toBe(false);
  expect(Array.from(room.state.players.values()).every((player) => player.connected)).toBe(true);
  // Ben's HUD refreshes four times a second: it shows the leave and the rejoin in turn, and settles at two.
  await ben.waitForFunction(() => document.querySelector('[data-testid="players"]')?.textContent === "2 players");
  expect(await playersShown(ben)).toBe("2 players");
  expect(room.state.players.size).toBe(2);
});

test("Esc and closing the tab free the seat at once: the other player's HUD counts one fewer within a second", async () => {
  const cat = await inLobby("Cat", "#aed581");
  const dan = await inLobby("Dan", "#ba68c8");
  const room = await meet(dan, cat);
  expect(await waitFor(() => room.state.players.size === 2)).toBe(true);

  const pressedAt = Date.now();
  await cat.keyboard.press("Escape");
  await dan.waitForFunction(() => document.querySelector('[data-testid="players"]')?.textContent === "1 player", undefined, {
    timeout: LEAVE_BUDGET_MS + 2000,
  });
  const escMs = Date.now() - pressedAt;
  await waitForSnapshot(cat, (snapshot) => snapshot.screen === "lobby");

  const eve = await inLobby("Eve", "#4db6ac");
  const row = eve.locator(`tr[data-room-id="${room.roomId}"]`);
  await row.waitFor({ timeout: 10_000 });
  await row.getByRole("button", { name: "Join" }).click();
  await dan.waitForFunction(() => document.querySelector('[data-testid="players"]')?.textContent === "2 players");
  const closedAt = Date.now();
  await eve.close({ runBeforeUnload: true });
  await dan.waitForFunction(() => document.querySelector('[data-testid="players"]')?.textContent === "1 player", undefined, {
    timeout: LEAVE_BUDGET_MS + 2000,
  });
  const closeMs = Date.now() - closedAt;
  console.info(`seat freed, as Dan's HUD shows: Esc ${escMs} ms, tab closed ${closeMs} ms`);
  expect(escMs).toBeLessThan(LEAVE_BUDGET_MS);
  expect(closeMs).toBeLessThan(LEAVE_BUDGET_MS);
  expect(room.state.players.size).toBe(1);
});
