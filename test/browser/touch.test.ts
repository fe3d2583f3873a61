/**
 * Playing on a phone, in Chromium emulating one (390 × 844, touch): the on-screen pads
 * turn and thrust the ship while held, a held fire pad charges a bigger shot, and a tap
 * fires one that kills; the HUD fits on one line above the scoreboard. Holds are real touch
 * events (CDP Input.dispatchTouchEvent), taps Playwright's own.
 */
import type { CDPSession, Page } from "playwright-core";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { BULLET_BASE_RADIUS, BULLET_CHARGE_RADIUS } from "../../shared/constants";
import { findShip } from "../../shared/sim/world";
import { clearField, placeShip } from "../support/arena";
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";
import { sleep, waitFor } from "../support/gameServer";

const game = useBrowserGame();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** Holds a finger on the pad `testId` for `ms`, then lifts it. */
async function hold(page: Page, cdp: CDPSession, testId: string, ms: number): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2, id: 1 };
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [point] });
  await sleep(ms);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

test("on a phone the touch pads turn, thrust, charge and fire a killing shot, and the HUD fits", async () => {
  const page = await game.newPage(PHONE);
  page.on("pageerror", (error) => console.error("[page error]", error));
  await page.goto(game.baseUrl);
  await page.getByTestId("name").fill("Thumbs");
  await page.getByTestId("room-seats").selectOption("8");
  await page.getByTestId("create-room").tap();
  const joined = await waitForSnapshot(page, (snapshot) => snapshot.screen === "game" && !!snapshot.sessionId);
  await page.getByTestId("touch-fire").waitFor();
  const room = game.server.getRoomById<AsteroidsRoom>(joined.roomId!);
  const id = joined.sessionId!;
  const cdp = await page.context().newCDPSession(page);

  // The HUD keeps to one line above the scoreboard.
  const hud = (await page.getByTestId("hud").boundingBox())!;
  const scoreboard = (await page.getByTestId("scoreboard").boundingBox())!;
  expect(hud.height).toBeLessThan(30);
  expect(scoreboard.y).toBeGreaterThanOrEqual(hud.y + hud.height);

  clearField(room);
  placeShip(room, id, { x: 400, y: 300, angle: 0 });
  await sleep(300);
  await hold(page, cdp, "touch-right-turn", 400);
  expect(await waitFor(() => (findShip(room.world, id)?.angle ?? 0) > 0.5)).toBe(true);
  await hold(page, cdp, "touch-thrust", 400);
  expect(await waitFor(() => Math.hypot(findShip(room.world, id)!.vx, findShip(room.world, id)!.vy) > 20)).toBe(true);

  // A held fire pad charges: the bullet is bigger than a tap's.
  placeShip(room, id, { x: 400, y: 300, angle: Math.PI });
  await sleep(300);
  await hold(page, cdp, "touch-fire", 300);
  expect(
    await waitFor(() =>
      room.world.bullets.some((bullet) => bullet.owner === id && bullet.radius > BULLET_BASE_RADIUS + BULLET_CHARGE_RADIUS / 2),
    ),
  ).toBe(true);

  // A tap fires at a ship straight ahead: the server destroys it and scores the phone's player.
  const target = await game.server.connectTo(room, { name: "Target" });
  await sleep(600); // the charged shot's cooldown and flight are over
  clearField(room);
  placeShip(room, target.sessionId, { x: 400, y: 150, angle: 0 });
  placeShip(room, id, { x: 400, y: 300, angle: -Math.PI / 2 });
  await sleep(300);
  await page.getByTestId("touch-fire").tap();
  expect(await waitFor(() => findShip(room.world, target.sessionId)?.alive === false, 3000)).toBe(true);
  expect(findShip(room.world, id)?.score).toBeGreaterThan(0);
  // The in-process client leaves before the file's server shuts down: its 'shutdown' notice would come after the tests.
  await target.leave(true);
});
