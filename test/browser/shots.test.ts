/**
 * A shot feels instant at 150 ms of latency: in Chromium, on a page opened with
 * `?latency=150`, the bullet is on the canvas, in front of the ship's nose, within two
 * animation frames of Space's key-up, long before any patch could bring it; then the
 * server fires it too. The key-up is dispatched inside the page, and the frames are
 * counted and the canvas read by the page's own requestAnimationFrame, so nothing
 * between the test and the browser blurs the count.
 */
import { colorName } from "../../shared/net/palette";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { SHIP_HULL } from "../../shared/constants";
import { clearField, placeShip } from "../support/arena";
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";
import { COLOR_TOLERANCE } from "../support/canvasPixels";
import { sleep, waitFor } from "../support/gameServer";

/** The shooter's color: a palette color unlike the stars, the flame and the HUD. */
const OWN = "#f06292";
const NOSE_X = SHIP_HULL[1]![0];
/** The strip in front of the nose, field px: from 2 to 40 px ahead, ±10 px across (the hull's outline reaches a little into it). */
const AHEAD = { from: NOSE_X + 2, to: NOSE_X + 40, half: 10 };
/** Pixels a bullet adds to the strip: its dot alone (radius 3 px and more, drawn 1.33 canvas px per field px) lights over 30. */
const LIT_PIXELS = 12;
const FRAMES_WATCHED = 12;
const game = useBrowserGame();

test("at ?latency=150 a released shot is on the shooter's canvas within 2 frames of the key-up", async () => {
  const page = await game.newPage({ viewport: { width: 1280, height: 760 } });
  page.on("pageerror", (error) => console.error("[page error]", error));
  await page.goto(`${game.baseUrl}/?latency=150`);
  await page.getByTestId("name").fill("Gunner");
  await page.getByRole("radio", { name: colorName(OWN) }).click();
  await page.getByTestId("room-seats").selectOption("8");
  await page.getByTestId("create-room").click();
  const joined = await waitForSnapshot(page, (snapshot) => snapshot.screen === "game" && (snapshot.ships?.length ?? 0) === 1);
  const sessionId = joined.sessionId!;
  const room = game.server.getRoomById<AsteroidsRoom>(joined.roomId!);
  clearField(room);
  placeShip(room, sessionId, { x: 480, y: 270, angle: 0 });
  // The own ship is predicted: the placement reaches it a round trip later, as a snap.
  await waitForSnapshot(page, (snapshot) => {
    const own = snapshot.ships?.find((ship) => ship.id === sessionId);
    return !!own && Math.abs(own.x - 480) < 0.5 && Math.abs(own.y - 270) < 0.5 && Math.abs(own.angle) < 1e-6;
  });

  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent("keydown", { code: "Space", key: " " })));
  await sleep(250);
  const lit = await page.evaluate(
    ({ ahead, hex, tolerance, framesWatched }) =>
      new Promise<number[]>((resolve) => {
        const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="field"]')!;
        const ctx = canvas.getContext("2d")!;
        const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        // Bullet pixels (its color, or its white core) in the strip ahead of the ship, which sits at the camera's centre.
        const bulletPixels = (): number => {
          const { camera } = window.__netroids!;
          const left = Math.round(canvas.width / 2 + ahead.from * camera!.scale);
          const right = Math.round(canvas.width / 2 + ahead.to * camera!.scale);
          const top = Math.round(canvas.height / 2 - ahead.half * camera!.scale);
          const bottom = Math.round(canvas.height / 2 + ahead.half * camera!.scale);
          const data = ctx.getImageData(left, top, right - left, bottom - top).data;
          let count = 0;
          for (let i = 0; i < data.length; i += 4) {
            const rgb = [data[i]!, data[i + 1]!, data[i + 2]!];
            const off = (target: number[]) => rgb.reduce((sum, channel, c) => sum + Math.abs(channel - target[c]!), 0);
            if (off(want) < tolerance || off([255, 255, 255]) < tolerance) count++;
          }
          return count;
        };
        const counts = [bulletPixels()];
        window.dispatchEvent(new KeyboardEvent("keyup", { code: "Space", key: " " }));
        // The game's own frame callback was queued before this one, so each read sees that frame drawn.
        const watch = () => {
          counts.push(bulletPixels());
          if (counts.length > framesWatched) resolve(counts);
          else requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      }),
    { ahead: AHEAD, hex: OWN, tolerance: COLOR_TOLERANCE, framesWatched: FRAMES_WATCHED },
  );
  const [before, ...frames] = lit as [number, ...number[]];
  // Frame 0 is the charged ship before the key-up; "frame k" is the k-th animation frame after it.
  const firstLit = frames.findIndex((count) => count - before >= LIT_PIXELS) + 1;
  console.log(`bullet-colored pixels ahead of the nose: ${before} before the key-up, then frame by frame ${frames.join(", ")}`);
  expect(firstLit).toBeGreaterThanOrEqual(1);
  expect(firstLit).toBeLessThanOrEqual(2);
  // The server fires it too, a round trip later, and the page keeps drawing it.
  expect(await waitFor(() => room.world.bullets.some((bullet) => bullet.owner === sessionId), 2000)).toBe(true);
  const later = await waitForSnapshot(page, (snapshot) => (snapshot.bullets ?? 0) >= 1);
  expect(later.bullets).toBe(1);
});
