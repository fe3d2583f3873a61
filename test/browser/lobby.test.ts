/**
 * The lobby's rough edges, in Chromium: controls have names a screen reader can say (color
 * names, not hex codes; a labelled room-name box); players who pick no color get ones nobody
 * in the room has; and coming back from a game shows no "Connecting…" flash.
 */
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { PALETTE } from "../../shared/net/palette";
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";

const game = useBrowserGame();

test("swatches are named by color and the room-name box and size have labels", async () => {
  const page = await game.newPage();
  await page.goto(game.baseUrl);
  const swatches = page.getByRole("radiogroup", { name: "Ship color" }).getByRole("radio");
  expect(await swatches.count()).toBe(PALETTE.length);
  const names = await swatches.evaluateAll((buttons) => buttons.map((button) => button.getAttribute("aria-label")));
  expect(names).toEqual(["sky blue", "coral", "lime", "amber", "violet", "teal", "pink", "slate"]);
  await page.getByLabel("Room name").fill("Labelled");
  expect(await page.getByTestId("room-name").inputValue()).toBe("Labelled");
  expect(await page.getByLabel("Room size").count()).toBe(1);
});

test("players who pick no color get colors nobody in the room has", async () => {
  const pages = await Promise.all([0, 1, 2].map(() => game.newPage()));
  const [first, ...others] = pages as [(typeof pages)[number], ...typeof pages];
  await first.goto(game.baseUrl);
  await first.getByTestId("room-seats").selectOption("8");
  await first.getByTestId("create-room").click();
  const created = await waitForSnapshot(first, (snapshot) => snapshot.screen === "game" && !!snapshot.roomId);
  for (const page of others) {
    await page.goto(game.baseUrl);
    const row = page.locator(`tr[data-room-id="${created.roomId}"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.getByRole("button", { name: "Join" }).click();
    await waitForSnapshot(page, (snapshot) => snapshot.roomId === created.roomId);
  }
  const room = game.server.getRoomById<AsteroidsRoom>(created.roomId!);
  const colors = Array.from(room.state.players.values(), (player) => player.color);
  expect(colors).toHaveLength(3);
  expect(new Set(colors).size).toBe(3);
});

test("coming back to the lobby from a game shows no 'Connecting…' flash", async () => {
  const page = await game.newPage();
  await page.goto(game.baseUrl);
  await page.getByTestId("quick-play").click();
  await waitForSnapshot(page, (snapshot) => snapshot.screen === "game");
  // Watch the page for the notice from before Esc until the lobby has settled.
  await page.evaluate(() => {
    const seen = { connecting: false };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      if (document.body.textContent?.includes("Connecting to the server")) seen.connecting = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.keyboard.press("Escape");
  await waitForSnapshot(page, (snapshot) => snapshot.screen === "lobby");
  await page.getByTestId("quick-play").waitFor();
  await page.locator('[data-testid="room-list"], [data-testid="no-rooms"]').first().waitFor({ timeout: 5000 });
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => (window as unknown as { __seen: { connecting: boolean } }).__seen.connecting)).toBe(false);
});
