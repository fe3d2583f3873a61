import { describe, expect, it } from "@jest/globals";
import { WORLD_HEIGHT, WORLD_WIDTH } from "../../../shared/constants";
import { computeWrapOffsets, WrapOffsets } from "./wrapCopies";

/** The copies as sorted "dx,dy" strings, so tests compare sets. */
function copies(x: number, y: number, halfWidth: number, halfHeight = halfWidth): string[] {
  const out = new WrapOffsets();
  const n = computeWrapOffsets(x, y, halfWidth, halfHeight, out);
  expect(out.count).toBe(n);
  const result: string[] = [];
  for (let k = 0; k < n; k++) result.push(`${out.dx[k]},${out.dy[k]}`);
  return result.sort();
}

describe("computeWrapOffsets", () => {
  it("draws an object in the middle of the field once, where it is", () => {
    expect(copies(480, 270, 40)).toEqual(["0,0"]);
  });

  it.each([
    ["left edge", 10, 270, ["0,0", `${WORLD_WIDTH},0`]],
    ["right edge", 950, 270, ["0,0", `${-WORLD_WIDTH},0`]],
    ["top edge", 480, 10, ["0,0", `0,${WORLD_HEIGHT}`]],
    ["bottom edge", 480, 530, ["0,0", `0,${-WORLD_HEIGHT}`]],
  ])("adds the copy at the opposite side near the %s", (_edge, x, y, expected) => {
    expect(copies(x, y, 20)).toEqual([...expected].sort());
  });

  it("draws four copies near a corner: both sides, and diagonally across", () => {
    expect(copies(5, 5, 12)).toEqual(["0,0", `0,${WORLD_HEIGHT}`, `${WORLD_WIDTH},0`, `${WORLD_WIDTH},${WORLD_HEIGHT}`].sort());
    expect(copies(955, 535, 12)).toEqual(["0,0", `0,${-WORLD_HEIGHT}`, `${-WORLD_WIDTH},0`, `${-WORLD_WIDTH},${-WORLD_HEIGHT}`].sort());
  });

  it("needs no copy for an object that just touches an edge", () => {
    expect(copies(40, 270, 40)).toEqual(["0,0"]);
    expect(copies(WORLD_WIDTH - 40, 270, 40)).toEqual(["0,0"]);
  });

  it("uses each axis' own half-extent: a wide label near the left edge, far from the top", () => {
    expect(copies(50, 30, 96, 9)).toEqual(["0,0", `${WORLD_WIDTH},0`]);
  });

  it("lists the object's own position first, so it is always drawn", () => {
    const out = new WrapOffsets();
    computeWrapOffsets(3, 3, 10, 10, out);
    expect([out.dx[0], out.dy[0]]).toEqual([0, 0]);
  });

  it("only ever adds copies that overlap the field, and misses none that do", () => {
    const out = new WrapOffsets();
    const half = 30;
    for (let x = 0; x < WORLD_WIDTH; x += 17) {
      for (let y = 0; y < WORLD_HEIGHT; y += 13) {
        const n = computeWrapOffsets(x, y, half, half, out);
        const listed = new Set<string>();
        for (let k = 0; k < n; k++) listed.add(`${out.dx[k]},${out.dy[k]}`);
        for (const dx of [-WORLD_WIDTH, 0, WORLD_WIDTH]) {
          for (const dy of [-WORLD_HEIGHT, 0, WORLD_HEIGHT]) {
            const overlaps = x + dx + half > 0 && x + dx - half < WORLD_WIDTH && y + dy + half > 0 && y + dy - half < WORLD_HEIGHT;
            expect(listed.has(`${dx},${dy}`)).toBe(overlaps);
          }
        }
      }
    }
  });

  it("overwrites the reused buffer: a centre object after a corner one has one copy", () => {
    const out = new WrapOffsets();
    expect(computeWrapOffsets(1, 1, 10, 10, out)).toBe(4);
    expect(computeWrapOffsets(480, 270, 10, 10, out)).toBe(1);
    expect(out.count).toBe(1);
  });
});
