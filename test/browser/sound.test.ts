/**
 * Sound, in Chromium: the page's synthesized effects start with the first key (browsers allow
 * audio only after a gesture), a released shot plays one, M mutes them (nothing more plays)
 * and the choice survives a reload.
 */
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";
import { sleep } from "../support/gameServer";

const game = useBrowserGame();

test("a shot makes a sound; M mutes, nothing plays then, and the page remembers it", async () => {
  const page = await game.newPage();
  page.on("pageerror", (error) => console.error("[page error]", error));
  await page.goto(game.baseUrl);
  await page.getByTestId("quick-play").click();
  await waitForSnapshot(page, (snapshot) => snapshot.screen === "game" && (snapshot.ships?.length ?? 0) > 0);

  await page.keyboard.down("Space");
  await sleep(200);
  await page.keyboard.up("Space");
  const heard = await waitForSnapshot(page, (snapshot) => !!snapshot.sound?.running && snapshot.sound.played >= 1);
  expect(heard.sound?.muted).toBe(false);
  expect(await page.getByTestId("mute").getAttribute("aria-pressed")).toBe("false");

  await page.keyboard.press("KeyM");
  const quiet = await waitForSnapshot(page, (snapshot) => snapshot.sound?.muted === true);
  expect(await page.getByTestId("mute").getAttribute("aria-pressed")).toBe("true");
  await sleep(300); // the shot's cooldown
  await page.keyboard.down("Space");
  await sleep(200);
  await page.keyboard.up("Space");
  await sleep(500);
  const after = await waitForSnapshot(page, (snapshot) => snapshot.sound !== undefined);
  expect(after.sound?.played).toBe(quiet.sound?.played);

  await page.reload();
  const reloaded = await waitForSnapshot(page, (snapshot) => snapshot.screen === "game" && snapshot.sound !== undefined);
  expect(reloaded.sound?.muted).toBe(true);
  expect(await page.getByTestId("mute").getAttribute("aria-label")).toBe("Unmute sound (M)");
});
