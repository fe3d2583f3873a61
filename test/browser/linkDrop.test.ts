/**
 * A dropped link, in Chromium: even in the first seconds of a game (the SDK would give up
 * under 5 s of uptime), the page keeps its seat and says "reconnecting… N s" in its own HUD
 * instead of a stale ping, and is back in the game, same session, when the link returns.
 */
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { RECONNECT_WINDOW } from "../../shared/constants";
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";

const game = useBrowserGame();

test("a link cut in the first seconds shows 'reconnecting…' with the seconds left, then the game goes on", async () => {
  const page = await game.newPage();
  page.on("pageerror", (error) => console.error("[page error]", error));
  await page.goto(game.baseUrl);
  await page.getByTestId("quick-play").click();
  const joined = await waitForSnapshot(page, (snapshot) => snapshot.screen === "game" && !!snapshot.sessionId);
  const room = game.server.getRoomById<AsteroidsRoom>(joined.roomId!);

  // The network goes: no new connection gets through, and the server cuts the open one.
  await page.context().setOffline(true);
  const socket = room.clients.find((client) => client.sessionId === joined.sessionId)!;
  (socket.ref as unknown as { terminate(): void }).terminate();
  const shown = page.getByTestId("reconnecting");
  await shown.waitFor({ timeout: 3000 });
  const text = (await shown.textContent()) ?? "";
  const secondsLeft = Number(/reconnecting… (\d+) s/.exec(text)?.[1]);
  expect(secondsLeft).toBeGreaterThan(RECONNECT_WINDOW - 5);
  expect(secondsLeft).toBeLessThanOrEqual(RECONNECT_WINDOW);
  expect(await page.getByTestId("ping").count()).toBe(0);
  expect(room.state.players.get(joined.sessionId!)?.connected).toBe(false);

  await page.context().setOffline(false);
  await page.getByTestId("ping").waitFor({ timeout: 6000 });
  const back = await waitForSnapshot(page, (snapshot) => snapshot.screen === "game");
  expect(back.sessionId).toBe(joined.sessionId);
  expect(room.state.players.get(joined.sessionId!)?.connected).toBe(true);
});
