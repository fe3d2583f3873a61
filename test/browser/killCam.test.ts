/**
 * The kill-cam in Chromium: when the page's ship is destroyed by another player's shot,
 * an inset plays the last seconds before the death following the killer, drawn from the
 * page's own frames; it ends by the respawn at the latest, and K skips it.
 */
import { Client, type Room } from "@colyseus/sdk";
import type { Page } from "playwright-core";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { KILL_CAM_SECONDS } from "../../client/KillCam";
import { RESPAWN_DELAY } from "../../shared/constants";
import { Key } from "../../shared/sim/input";
import { ClientMessage, ServerMessage } from "../../shared/net/messages";
import { clearField, placeShip } from "../support/arena";
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";
import { sleep, waitFor } from "../support/gameServer";

const game = useBrowserGame();

/** The page's player in a room of its own, and a killer (an SDK client) in the same room. */
async function duel(): Promise<{ page: Page; room: AsteroidsRoom; victim: string; killer: Room }> {
  const page = await game.newPage({ viewport: { width: 1100, height: 700 } });
  page.on("pageerror", (error) => console.error("[page error]", error));
  await page.goto(game.baseUrl);
  await page.getByTestId("name").fill("Victim");
  await page.getByTestId("room-seats").selectOption("8");
  await page.getByTestId("create-room").click();
  const joined = await waitForSnapshot(page, (snapshot) => snapshot.screen === "game" && (snapshot.ships?.length ?? 0) === 1);
  const room = game.server.getRoomById<AsteroidsRoom>(joined.roomId!);
  const killer = await new Client(game.baseUrl.replace("http", "ws")).joinById(room.roomId, { name: "Killer" });
  killer.onMessage(ServerMessage.Events, () => undefined);
  killer.onMessage(ServerMessage.Shutdown, () => undefined);
  clearField(room);
  return { page, room, victim: joined.sessionId!, killer };
}

/** The killer, 200 px behind the victim and facing it, charges and fires: one shot, one kill. */
async function shoot(room: AsteroidsRoom, victim: string, killer: Room): Promise<void> {
  placeShip(room, victim, { x: 500, y: 270 });
  placeShip(room, killer.sessionId, { x: 300, y: 270 });
  const step = room.world.tick + 5;
  killer.send(ClientMessage.Input, { upTo: step, runs: [[step, Key.Fire]] });
  await sleep(200);
  killer.send(ClientMessage.Input, { upTo: step + 12, runs: [[step + 12, 0]] });
}

test("a death plays the kill-cam following the killer, and it is over by the respawn", async () => {
  const { page, room, victim, killer } = await duel();
  try {
    // Let the page draw the two ships for a while: the kill-cam shows what it drew.
    await waitForSnapshot(page, (snapshot) => (snapshot.ships?.length ?? 0) === 2);
    await sleep(1500);
    await shoot(room, victim, killer);
    expect(await waitFor(() => room.world.ships.some((ship) => ship.id === victim && !ship.alive), 3000)).toBe(true);
    const diedAt = Date.now();

    const showing = await waitForSnapshot(page, (snapshot) => snapshot.killCam?.camera !== undefined, 3000);
    expect(showing.killCam!.following).toBe(killer.sessionId);
    // It plays the seconds before the death, from their start: not a jump to the end.
    expect(showing.killCam!.progress).toBeLessThan(0.5);
    await page.getByTestId("killcam").waitFor();
    expect(await page.getByTestId("killcam").textContent()).toContain("following Killer");
    // The inset's camera is on the killer as the page drew it: at 300, 270 then (it did not move).
    const onKiller = await waitForSnapshot(page, (snapshot) => {
      const camera = snapshot.killCam?.camera;
      return !!camera && Math.hypot(camera.x - 300, camera.y - 270) < 2;
    });
    expect(onKiller.killCam!.following).toBe(killer.sessionId);
    // Pixels: the inset is drawn, not blank.
    const lit = await page
      .getByTestId("killcam")
      .locator("canvas")
      .evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        let bright = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! > 300) bright++;
        return bright;
      });
    expect(lit).toBeGreaterThan(50);

    // Over by the respawn: the page's ship is alive and the inset is gone, RESPAWN_DELAY after the death.
    const revived = await waitForSnapshot(
      page,
      (snapshot) => snapshot.ships?.some((ship) => ship.id === victim && ship.alive) === true && snapshot.killCam?.following === undefined,
      (RESPAWN_DELAY + 2) * 1000,
    );
    expect(revived.killCam!.shown).toBe(1);
    expect(Date.now() - diedAt).toBeLessThan((RESPAWN_DELAY + 1) * 1000);
    expect(await page.getByTestId("killcam").count()).toBe(0);
    expect(KILL_CAM_SECONDS).toBeLessThanOrEqual(RESPAWN_DELAY);
  } finally {
    await killer.leave(true).catch(() => undefined);
  }
}, 60_000);

test("K skips the kill-cam at once", async () => {
  const { page, room, victim, killer } = await duel();
  try {
    await waitForSnapshot(page, (snapshot) => (snapshot.ships?.length ?? 0) === 2);
    await sleep(1000);
    await shoot(room, victim, killer);
    await waitForSnapshot(page, (snapshot) => snapshot.killCam?.following === killer.sessionId, 3000);
    await page.keyboard.press("k");
    const skipped = await waitForSnapshot(page, (snapshot) => snapshot.killCam?.following === undefined, 1000);
    // Still dead: the skip ended the kill-cam, not the wait.
    expect(skipped.ships?.find((ship) => ship.id === victim)?.alive).toBe(false);
    // React removes the inset on its next render, which a loaded machine may run a frame or two later.
    await page.getByTestId("killcam").waitFor({ state: "detached", timeout: 1000 });
    expect(await page.getByTestId("killcam").count()).toBe(0);
  } finally {
    await killer.leave(true).catch(() => undefined);
  }
}, 60_000);
