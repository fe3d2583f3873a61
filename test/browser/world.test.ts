/**
 * The big field in Chromium, in a room of 100 seats (3840 × 2160, sixteen screens): the
 * camera carries the own ship across the field's wrap edge without a jump, read from the
 * canvas's pixels; and a player far out of view, whose ship the page is not even sent, is
 * a dot on the minimap where the server has it. (Your own rank on the scoreboard among
 * 35 players is play.test.ts's "in a room of 35" test.)
 */
import type { Page } from "playwright-core";
import type { AsteroidsRoom } from "../../server/rooms/AsteroidsRoom";
import { SHIP_DRAG_PER_STEP, SHIP_THRUST, TICK_DT } from "../../shared/constants";
import { ROOM_NAME, ServerMessage } from "../../shared/net/messages";
import { colorName } from "../../shared/net/palette";
import { wrapDelta } from "../../shared/sim/vector";
import type { DebugSnapshot } from "../../web/src/debugSnapshot";
import { clearField, placeShip } from "../support/arena";
import { waitForSnapshot } from "../support/browser";
import { useBrowserGame } from "../support/browserGame";
import { colorBlob, type ColorBlob } from "../support/canvasPixels";
import { sleep } from "../support/gameServer";

/** The page's own color and the far player's: palette colors unlike each other, the flame, the stars and the HUD. */
const OWN = "#f06292";
const FAR = "#aed581";
const FULL_FIELD = { width: 3840, height: 2160 };
const VIEWPORT = { width: 1280, height: 760 };
/** A ship's top speed under full thrust, px/s: where thrust per step equals the speed drag takes (~533). */
const TOP_SPEED = (SHIP_THRUST * TICK_DT) / (1 - SHIP_DRAG_PER_STEP);

const game = useBrowserGame();

/** A player who picks `color` in the lobby and joins the listed room `roomId`; returns the page and its session id. */
async function joinListed(roomId: string, name: string, color: string): Promise<{ page: Page; sessionId: string }> {
  const page = await game.newPage({ viewport: VIEWPORT });
  page.on("pageerror", (error) => console.error(`[${name} page error]`, error));
  await page.goto(game.baseUrl);
  await page.getByTestId("name").fill(name);
  await page.getByRole("radio", { name: colorName(color) }).click();
  const row = page.locator(`tr[data-room-id="${roomId}"]`);
  await row.waitFor({ timeout: 10_000 });
  await row.getByRole("button", { name: "Join" }).click();
  const snapshot = await waitForSnapshot(page, (candidate) => candidate.screen === "game" && !!ownShip(candidate));
  expect(snapshot.world).toEqual(FULL_FIELD);
  return { page, sessionId: snapshot.sessionId! };
}

function ownShip(snapshot: DebugSnapshot | undefined) {
  return snapshot?.ships?.find((ship) => ship.id === snapshot.sessionId);
}

/** One look at the page: where its own color is on the field canvas, and the frame's ship and camera. */
interface Sample {
  /** When the sample was taken, test-clock ms. */
  atMs: number;
  blob: ColorBlob;
  shipX: number;
  cameraX: number;
  /** Where the snapshot says the own ship is drawn: canvas centre + wrapDelta(camera, ship) × scale. */
  drawnX: number;
  drawnY: number;
}

async function sample(page: Page): Promise<Sample> {
  const blob = await colorBlob(page, "field", OWN);
  const { camera, world } = blob.snapshot ?? {};
  const ship = ownShip(blob.snapshot);
  if (!camera || !world || !ship) throw new Error(`no camera or own ship: ${JSON.stringify(blob.snapshot)}`);
  return {
    atMs: Date.now(),
    blob,
    shipX: ship.x,
    cameraX: camera.x,
    drawnX: blob.width / 2 + wrapDelta(camera.x, ship.x, world.width) * camera.scale,
    drawnY: blob.height / 2 + wrapDelta(camera.y, ship.y, world.height) * camera.scale,
  };
}

/** The largest of `f(previous, next)` over successive items. */
function largestStep<T>(items: readonly T[], f: (previous: T, next: T) => number): number {
  let largest = Number.NEGATIVE_INFINITY;
  for (let i = 1; i < items.length; i++) largest = Math.max(largest, f(items[i - 1]!, items[i]!));
  return largest;
}

test("the camera follows the own ship across the field's edge: on the canvas the ship never jumps", async () => {
  const room = await game.server.createRoom<AsteroidsRoom>(ROOM_NAME, { roomName: "Edge", seed: 7 });
  const { page, sessionId } = await joinListed(room.roomId, "Wrapper", OWN);
  clearField(room);
  const { width, height } = room.world.size;
  const startX = width - 400;
  placeShip(room, sessionId, { x: startX, y: height / 2, angle: 0 });
  // Drawn there, with the camera caught up: the crossing starts from rest at the centre.
  const settled = await waitForSnapshot(page, (snapshot) => {
    const ship = ownShip(snapshot);
    return !!ship && Math.abs(ship.x - startX) < 1 && !!snapshot.camera && Math.abs(snapshot.camera.x - startX) < 0.5;
  });
  // The own ship's spawn-protection blink comes from its interpolated copy, a delay behind
  // its predicted pose: let the end of protection (placeShip) reach it too.
  await sleep((settled.net?.interpolationDelayMs ?? 250) + 150);

  // Full thrust to the right: ~1.9 s to the edge (320 px/s², drag 1 % a step), crossing at ~400 px/s.
  const samples: Sample[] = [];
  await page.keyboard.down("ArrowUp");
  const deadline = Date.now() + 6000;
  while (Date.now() < deadline) {
    const next = await sample(page);
    samples.push(next);
    if (next.shipX > 150 && next.shipX < width / 2) break; // across, and 150 px on
    await sleep(30);
  }
  await page.keyboard.up("ArrowUp");

  // The snapshot's own ship crossed the edge, from the right end of the field to the left.
  const crossing = samples.findIndex((s, i) => i > 0 && samples[i - 1]!.shipX > width / 2 && s.shipX < width / 2);
  expect(crossing).toBeGreaterThan(0);
  expect(samples[crossing - 1]!.shipX).toBeGreaterThan(width - 60);
  expect(samples[crossing]!.shipX).toBeLessThan(60);
  expect(samples.at(-1)!.shipX).toBeGreaterThan(150);
  expect(samples.length).toBeGreaterThanOrEqual(20);

  // The pixels: in every sampled frame the own hull is drawn (hundreds of px of its color)
  // near the canvas's centre, where the snapshot's camera puts it, and from one sample to the
  // next it moves by a few px at most: the camera carried it over the edge without a jump
  // (a camera that lost its lag there would move it by its lead, ~50 px; one that slid the
  // long way round, or a ship drawn the long way round, would take it off the canvas).
  const { width: canvasWidth, height: canvasHeight } = samples[0]!.blob;
  for (const s of samples) {
    expect(s.blob.count).toBeGreaterThan(250);
    // At full speed the ship leads the camera by ~50 field px (CAMERA_LAG_MS): ~70 canvas px.
    expect(Math.abs(s.blob.x - canvasWidth / 2)).toBeLessThan(100);
    expect(Math.abs(s.blob.y - canvasHeight / 2)).toBeLessThan(20);
    expect(Math.hypot(s.blob.x - s.drawnX, s.blob.y - s.drawnY)).toBeLessThan(15);
  }
  const largestPixelMove = largestStep(samples, (a, b) => Math.hypot(b.blob.x - a.blob.x, b.blob.y - a.blob.y));
  expect(largestPixelMove).toBeLessThan(30);
  // The camera itself moved on the short way round, never faster than a ship can fly (plus
  // a frame or three of slack for when the page drew against the test's clock): never by
  // the field's width, nor sliding back across it.
  const cameraOverrun = largestStep(samples, (a, b) => {
    const allowed = TOP_SPEED * ((b.atMs - a.atMs + 50) / 1000);
    return Math.abs(wrapDelta(a.cameraX, b.cameraX, width)) - allowed;
  });
  expect(cameraOverrun).toBeLessThan(0);
  const largestCameraStep = largestStep(samples, (a, b) => Math.abs(wrapDelta(a.cameraX, b.cameraX, width)));
  expect(samples[0]!.cameraX).toBeGreaterThan(width - 450);
  expect(samples.at(-1)!.cameraX).toBeLessThan(width / 2);
  console.info(
    `wrap crossing: ${samples.length} samples, own hull ≥ ${Math.min(...samples.map((s) => s.blob.count))} px, ` +
      `largest move on the canvas ${largestPixelMove.toFixed(1)} px, largest camera step ${largestCameraStep.toFixed(1)} field px`,
  );
}, 60_000);

/** Polls the minimap until it shows a dot of `hex` within `tolerance` minimap px of field point (x, y). */
async function waitForMinimapDot(page: Page, hex: string, x: number, y: number, tolerance = 3, timeoutMs = 5000): Promise<ColorBlob> {
  const deadline = Date.now() + timeoutMs;
  let blob: ColorBlob | undefined;
  let off = NaN;
  while (Date.now() < deadline) {
    blob = await colorBlob(page, "minimap", hex);
    // minimapGeometry.ts's minimapPoint: the whole field scaled into the minimap's backing store.
    off = Math.hypot(blob.x - (x / FULL_FIELD.width) * blob.width, blob.y - (y / FULL_FIELD.height) * blob.height);
    if (blob.count >= 6 && off <= tolerance) return blob;
    await sleep(100);
  }
  throw new Error(`no ${hex} dot near (${x}, ${y}) on the minimap; last: ${blob?.count} px, ${off.toFixed(1)} px off`);
}

test("a player far out of view is not sent to the page, but is a dot on its minimap where the server has it", async () => {
  const room = await game.server.createRoom<AsteroidsRoom>(ROOM_NAME, { roomName: "Far", seed: 11 });
  const far = await game.server.connectTo(room, { name: "Faraway", color: FAR });
  far.onMessage(ServerMessage.Events, () => undefined);
  try {
    const { page, sessionId } = await joinListed(room.roomId, "Watcher", OWN);
    clearField(room);
    // 2000 px across and 1000 down: far beyond the view (909 × 540 here) and its margin.
    placeShip(room, sessionId, { x: 600, y: 600 });
    placeShip(room, far.sessionId, { x: 2600, y: 1600 });
    const seen = await waitForSnapshot(page, (snapshot) => {
      const ship = ownShip(snapshot);
      return !!ship && Math.abs(ship.x - 600) < 1 && Math.abs(ship.y - 600) < 1 && snapshot.blips === 2;
    });
    expect(seen.ships?.map((ship) => ship.id)).toEqual([sessionId]);

    // Both dots: the own one where its ship is drawn, the far one at its coarse minimap cell.
    await waitForMinimapDot(page, OWN, 600, 600);
    await waitForMinimapDot(page, FAR, 2600, 1600);
    // It moves: the dot follows within the once-a-second refresh.
    placeShip(room, far.sessionId, { x: 3300, y: 250 });
    await waitForMinimapDot(page, FAR, 3300, 250);

    // Still, neither side is sent the other's ship: the page draws only its own, and the far
    // color nowhere on the field; the far SDK client's state has Watcher as a player, not a ship.
    const after = await colorBlob(page, "field", FAR);
    expect(after.count).toBe(0);
    expect(after.snapshot?.ships?.map((ship) => ship.id)).toEqual([sessionId]);
    expect(far.state.ships.has(sessionId)).toBe(false);
    expect(far.state.players.has(sessionId)).toBe(true);
  } finally {
    await far.leave(true);
  }
}, 60_000);
