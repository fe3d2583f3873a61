import { describe, expect, it } from "@jest/globals";
import { ONE_SCREEN, worldSizeFor, type WorldSize } from "../../../shared/sim/worldSize";
import { computeWrapOffsets, WrapOffsets, type VisibleArea } from "./wrapCopies";

const W = ONE_SCREEN.width;
const H = ONE_SCREEN.height;

/** The whole field seen at once, centred: the spectator's view, and the old fixed screen. */
function wholeField(world: WorldSize = ONE_SCREEN): VisibleArea {
  return { x: world.width / 2, y: world.height / 2, halfWidth: world.width / 2, halfHeight: world.height / 2, world };
}

/** The copies as sorted "dx,dy" strings, so tests compare sets. */
function copies(x: number, y: number, halfWidth: number, halfHeight = halfWidth, area = wholeField()): string[] {
  const out = new WrapOffsets();
  const n = computeWrapOffsets(x, y, halfWidth, halfHeight, area, out);
  expect(out.count).toBe(n);
  const result: string[] = [];
  for (let k = 0; k < n; k++) result.push(`${out.dx[k]},${out.dy[k]}`);
  return result.sort();
}

describe("computeWrapOffsets over the whole field", () => {
  it("draws an object in the middle of the field once, where it is", () => {
    expect(copies(480, 270, 40)).toEqual(["0,0"]);
  });

  it.each([
    ["left edge", 10, 270, ["0,0", `${W},0`]],
    ["right edge", 950, 270, ["0,0", `${-W},0`]],
    ["top edge", 480, 10, ["0,0", `0,${H}`]],
    ["bottom edge", 480, 530, ["0,0", `0,${-H}`]],
  ])("adds the copy at the opposite side near the %s", (_edge, x, y, expected) => {
    expect(copies(x, y, 20)).toEqual([...expected].sort());
  });

  it("draws four copies near a corner: both sides, and diagonally across", () => {
    expect(copies(5, 5, 12)).toEqual(["0,0", `0,${H}`, `${W},0`, `${W},${H}`].sort());
    expect(copies(955, 535, 12)).toEqual(["0,0", `0,${-H}`, `${-W},0`, `${-W},${-H}`].sort());
  });

  it("needs no copy for an object that just touches an edge", () => {
    expect(copies(40, 270, 40)).toEqual(["0,0"]);
    expect(copies(W - 40, 270, 40)).toEqual(["0,0"]);
  });

  it("uses each axis' own half-extent: a wide label near the left edge, far from the top", () => {
    expect(copies(50, 30, 96, 9)).toEqual(["0,0", `${W},0`]);
  });

  it("brings a position given outside the field to its place inside it", () => {
    expect(copies(480 + W, 270 - H, 10)).toEqual([`${-W},${H}`]);
    expect(copies(-5, 270, 10)).toEqual([`${W},0`, "0,0"].sort());
  });

  it("only ever adds copies that overlap the field, and misses none that do", () => {
    const out = new WrapOffsets();
    const half = 30;
    const wrong: string[] = [];
    for (let x = 0; x < W; x += 17) {
      for (let y = 0; y < H; y += 13) {
        const n = computeWrapOffsets(x, y, half, half, wholeField(), out);
        const listed = new Set<string>();
        for (let k = 0; k < n; k++) listed.add(`${out.dx[k]},${out.dy[k]}`);
        for (const dx of [-W, 0, W]) {
          for (const dy of [-H, 0, H]) {
            const overlaps = x + dx + half > 0 && x + dx - half < W && y + dy + half > 0 && y + dy - half < H;
            if (listed.has(`${dx},${dy}`) !== overlaps) wrong.push(`(${x}, ${y}) copy ${dx},${dy}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("overwrites the reused buffer: a centre object after a corner one has one copy", () => {
    const out = new WrapOffsets();
    expect(computeWrapOffsets(1, 1, 10, 10, wholeField(), out)).toBe(4);
    expect(computeWrapOffsets(480, 270, 10, 10, wholeField(), out)).toBe(1);
    expect(out.count).toBe(1);
  });
});

describe("computeWrapOffsets through a camera", () => {
  it("on a one-screen field seen whole around a ship near its right edge, shows a rock past that edge where it wraps to", () => {
    // The camera sits on a ship at x = 900: the screen spans 420…1380, i.e. 420…960 and 0…420 of the field.
    const area: VisibleArea = { x: 900, y: 270, halfWidth: W / 2, halfHeight: H / 2, world: ONE_SCREEN };
    // A rock at x = 30 is 90 px right of the ship, drawn at 990: one field to the right.
    expect(copies(30, 270, 40, 40, area)).toEqual([`${W},0`]);
    // A rock at x = 430 is near both ends of the screen: drawn at 430 and at 1390.
    expect(copies(430, 270, 40, 40, area)).toEqual(["0,0", `${W},0`]);
  });

  it("lists the copy nearest the camera first", () => {
    const area: VisibleArea = { x: 900, y: 270, halfWidth: W / 2, halfHeight: H / 2, world: ONE_SCREEN };
    const out = new WrapOffsets();
    computeWrapOffsets(430, 270, 40, 40, area, out);
    expect([out.dx[0], out.dy[0]]).toEqual([0, 0]);
  });

  it("on a big field, draws an object in sight once, the short way round, and one out of sight not at all", () => {
    const world = worldSizeFor(100);
    const area: VisibleArea = { x: 20, y: 20, halfWidth: 640, halfHeight: 360, world };
    // 60 px left of and above a camera near the field's top-left corner: across both edges.
    expect(copies(world.width - 40, world.height - 40, 20, 20, area)).toEqual([`${-world.width},${-world.height}`]);
    expect(copies(1500, 1000, 40, 40, area)).toEqual([]);
  });

  it("sees an object whose body reaches into the screen though its centre is outside", () => {
    const world = worldSizeFor(32);
    const area: VisibleArea = { x: 1000, y: 500, halfWidth: 640, halfHeight: 360, world };
    expect(copies(1000 + 640 + 30, 500, 40, 40, area)).toEqual(["0,0"]);
    expect(copies(1000 + 640 + 50, 500, 40, 40, area)).toEqual([]);
  });
});
