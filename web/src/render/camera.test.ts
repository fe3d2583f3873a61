import { describe, expect, it } from "@jest/globals";
import { VIEW_HEIGHT, VIEW_WIDTH } from "../../../shared/constants";
import { ONE_SCREEN, worldSizeFor } from "../../../shared/sim/worldSize";
import {
  CAMERA_LAG_MS,
  CAMERA_SNAP_DISTANCE,
  coverScale,
  followFocus,
  followView,
  initialCamera,
  nearCamera,
  viewSizeFor,
  wholeFieldView,
  type CameraState,
} from "./camera";

const BIG = worldSizeFor(100);
const FRAME_MS = 1000 / 60;

/** A camera that has settled on (x, y) of `world`, last stepped at time 0. */
function settledAt(x: number, y: number, world = BIG): CameraState {
  return followFocus(initialCamera(world), { x, y }, world, 0);
}

describe("viewSizeFor", () => {
  it("is the view on a field bigger than it, and the whole field on a smaller one", () => {
    expect(viewSizeFor(BIG)).toEqual({ width: VIEW_WIDTH, height: VIEW_HEIGHT });
    expect(viewSizeFor(ONE_SCREEN)).toEqual(ONE_SCREEN);
  });
});

describe("followView", () => {
  it.each([
    ["16:9", 1920, 1080],
    ["a phone upright", 390, 844],
    ["a phone on its side", 640, 360],
    ["a square", 800, 800],
    ["an ultrawide", 3440, 1440],
  ])("on a %s canvas covers it with at most the view, showing all of one axis of it", (_shape, width, height) => {
    for (const world of [BIG, worldSizeFor(32), ONE_SCREEN]) {
      const view = followView(settledAt(100, 100, world), width, height);
      const limit = viewSizeFor(world);
      expect(2 * view.halfWidth).toBeLessThanOrEqual(limit.width + 1e-9);
      expect(2 * view.halfHeight).toBeLessThanOrEqual(limit.height + 1e-9);
      // Cover, not contain: one axis shows the whole view, the other is cropped.
      const fullAxis = Math.abs(2 * view.halfWidth - limit.width) < 1e-9 || Math.abs(2 * view.halfHeight - limit.height) < 1e-9;
      expect(fullAxis).toBe(true);
      expect(view.halfWidth * 2 * view.scale).toBeCloseTo(width, 9);
      expect(view.halfHeight * 2 * view.scale).toBeCloseTo(height, 9);
    }
  });

  it("scales the view to cover the canvas", () => {
    expect(coverScale(1280, 720, { width: 1280, height: 720 })).toBe(1);
    expect(coverScale(2560, 1000, { width: 1280, height: 720 })).toBe(2);
    expect(followView(settledAt(5, 6), 2 * VIEW_WIDTH, 2 * VIEW_HEIGHT)).toMatchObject({
      x: 5,
      y: 6,
      scale: 2,
      halfWidth: VIEW_WIDTH / 2,
      halfHeight: VIEW_HEIGHT / 2,
    });
  });

  it("gives a canvas not laid out yet a finite view", () => {
    const view = followView(settledAt(5, 6), 0, 0);
    expect(Number.isFinite(view.scale) && view.scale > 0).toBe(true);
  });
});

describe("wholeFieldView", () => {
  it("shows the whole field, centred, on a canvas of the field's shape", () => {
    expect(wholeFieldView(BIG, 1440, 810)).toMatchObject({ x: 1920, y: 1080, scale: 1440 / 3840, halfWidth: 1920, halfHeight: 1080 });
    expect(wholeFieldView(ONE_SCREEN, 960, 540)).toMatchObject({ scale: 1, driftX: 0, driftY: 0 });
  });
});

describe("followFocus", () => {
  it("centres on the field's middle before there is a focus, and stays there", () => {
    const camera = followFocus(initialCamera(BIG), undefined, BIG, 100);
    expect([camera.x, camera.y]).toEqual([BIG.width / 2, BIG.height / 2]);
  });

  it("jumps to the first focus", () => {
    const camera = followFocus(initialCamera(BIG), { x: 10, y: 20 }, BIG, 0);
    expect([camera.x, camera.y]).toEqual([10, 20]);
  });

  it("closes 1 − e^(−dt/τ) of the gap to a moving focus: smooth, and framerate-independent", () => {
    const start = settledAt(1000, 1000);
    const oneStep = followFocus(start, { x: 1100, y: 1000 }, BIG, CAMERA_LAG_MS);
    expect(oneStep.x).toBeCloseTo(1000 + 100 * (1 - Math.exp(-1)), 9);
    // Two half steps towards a still focus land where one whole step does.
    const half = followFocus(start, { x: 1100, y: 1000 }, BIG, CAMERA_LAG_MS / 2);
    const twoSteps = followFocus(half, { x: 1100, y: 1000 }, BIG, CAMERA_LAG_MS);
    expect(twoSteps.x).toBeCloseTo(oneStep.x, 9);
  });

  it("settles on a still focus within a second", () => {
    let camera = settledAt(1000, 1000);
    for (let f = 1; f <= 60; f++) camera = followFocus(camera, { x: 1150, y: 900 }, BIG, f * FRAME_MS);
    expect(Math.abs(camera.x - 1150)).toBeLessThan(0.01);
    expect(Math.abs(camera.y - 900)).toBeLessThan(0.01);
  });

  it("moves by the step taken when the focus crosses the field's edge: from x = W − 1 to x = 1 is 2 px, not W", () => {
    const W = BIG.width;
    const before = settledAt(W - 1, 500);
    // A long frame, so the camera catches all of the step.
    const after = followFocus(before, { x: 1, y: 500 }, BIG, 10_000);
    expect(after.x).toBeCloseTo(1, 9);
    expect(after.driftX - before.driftX).toBeCloseTo(2, 9);
    // Part way, it lies between the two, across the edge: never in the field's middle.
    const partway = followFocus(before, { x: 1, y: 500 }, BIG, CAMERA_LAG_MS);
    const travelled = nearCamera(before.x, partway.x, W) - before.x;
    expect(travelled).toBeGreaterThan(0);
    expect(travelled).toBeLessThan(2);
  });

  it("follows a ship flying round the field without a jump, on both axes", () => {
    let camera = settledAt(BIG.width - 50, BIG.height - 30);
    const speed = 8; // px per frame
    for (let f = 1; f <= 40; f++) {
      const focus = { x: (BIG.width - 50 + speed * f) % BIG.width, y: (BIG.height - 30 + speed * f) % BIG.height };
      const next = followFocus(camera, focus, BIG, f * FRAME_MS);
      const stepX = next.driftX - camera.driftX;
      const stepY = next.driftY - camera.driftY;
      expect(stepX).toBeGreaterThanOrEqual(0);
      expect(stepX).toBeLessThan(2 * speed);
      expect(stepY).toBeLessThan(2 * speed);
      expect(next.x).toBeGreaterThanOrEqual(0);
      expect(next.x).toBeLessThan(BIG.width);
      camera = next;
    }
  });

  it("snaps to a focus that teleported (a respawn) instead of sliding across the field", () => {
    const before = settledAt(500, 500);
    const after = followFocus(before, { x: 500 + CAMERA_SNAP_DISTANCE + 1, y: 500 }, BIG, FRAME_MS);
    expect(after.x).toBe(500 + CAMERA_SNAP_DISTANCE + 1);
    const near = followFocus(before, { x: 500 + CAMERA_SNAP_DISTANCE - 1, y: 500 }, BIG, FRAME_MS);
    expect(near.x).toBeLessThan(500 + CAMERA_SNAP_DISTANCE - 1);
  });

  it("stays put when the focus goes away, and starts afresh on a new field", () => {
    const camera = settledAt(700, 300);
    expect(followFocus(camera, undefined, BIG, 50)).toMatchObject({ x: 700, y: 300 });
    const moved = followFocus(camera, { x: 20, y: 20 }, ONE_SCREEN, 50);
    expect(moved).toMatchObject({ x: 20, y: 20, world: ONE_SCREEN });
  });
});
