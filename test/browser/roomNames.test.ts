/**
 * One room name everywhere, in Chromium: the player whose Quick play created a room and
 * the one who joined it read the same name in their HUDs, the lobby's; and a second room
 * asked for under a taken name is listed, and shown to its creator, with a suffix.
 */
import type { Page } from "playwright-core";
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";

const game = useBrowserGame();

async function inLobby(name: string): Promise<Page> {
  const page = await game.newPage({ viewport: { width: 1280, height: 760 } });
  page.on("pageerror", (error) => console.error(`[${name} page error]`, error));
  await page.goto(game.baseUrl);
  await page.getByTestId("name").fill(name);
  return page;
}

async function hudRoomName(page: Page): Promise<string> {
  await waitForSnapshot(page, (snapshot) => snapshot.screen === "game");
  const name = page.locator('[data-testid="hud"] .room-name');
  await name.waitFor();
  return (await name.textContent()) ?? "";
}

test("the Quick play creator's HUD names the room as the joiner's does, as the lobby lists it", async () => {
  const creator = await inLobby("Ann");
  await creator.getByTestId("quick-play").click();
  const created = await waitForSnapshot(creator, (snapshot) => snapshot.screen === "game" && !!snapshot.roomId);

  const joiner = await inLobby("Ben");
  const row = joiner.locator(`tr[data-room-id="${created.roomId}"]`);
  await row.waitFor({ timeout: 10_000 });
  const listed = await row.getAttribute("data-room-name");
  await joiner.getByTestId("quick-play").click();
  const joined = await waitForSnapshot(joiner, (snapshot) => snapshot.screen === "game" && !!snapshot.roomId);
  expect(joined.roomId).toBe(created.roomId);

  expect(listed).toMatch(/^Sector \d+$/);
  // The room's state brings its name a moment after the first frame: wait for the creator's HUD to show it.
  await creator.waitForFunction((want) => document.querySelector('[data-testid="hud"] .room-name')?.textContent === want, listed);
  expect(await hudRoomName(creator)).toBe(listed);
  expect(await hudRoomName(joiner)).toBe(listed);
});

test("a room created under a taken name is listed and shown with a suffix", async () => {
  const first = await inLobby("Cat");
  await first.getByTestId("room-name").fill("Arena");
  await first.getByTestId("create-room").click();
  await first.waitForFunction(() => document.querySelector('[data-testid="hud"] .room-name')?.textContent === "Arena");

  const second = await inLobby("Dan");
  await second.locator('tr[data-room-name="Arena"]').waitFor({ timeout: 10_000 });
  await second.getByTestId("room-name").fill("Arena");
  await second.getByTestId("create-room").click();
  await second.waitForFunction(() => document.querySelector('[data-testid="hud"] .room-name')?.textContent === "Arena 2");

  const watcher = await inLobby("Eve");
  await watcher.locator('tr[data-room-name="Arena 2"]').waitFor({ timeout: 10_000 });
  expect(await watcher.locator('tr[data-room-name="Arena"]').count()).toBe(1);
  expect(await watcher.locator('tr[data-room-name="Arena 2"]').count()).toBe(1);
});
