import { FieldGrid } from "./fieldGrid";
import { fieldDelta } from "./vector";
import { LARGEST_WORLD, ONE_SCREEN } from "./worldSize";

const { width, height } = LARGEST_WORLD;

describe("FieldGrid", () => {
  const corners = [
    { x: 5, y: 5 },
    { x: width - 5, y: height - 5 },
    { x: 1900, y: 1000 },
  ];

  it("finds the points in the cells around a point, across both wraps", () => {
    const grid = new FieldGrid(LARGEST_WORLD, corners);
    expect(grid.near(0, 0, 100, 100, []).sort()).toEqual([0, 1]);
    expect(grid.near(1900, 1000, 100, 100, [])).toEqual([2]);
  });

  it("a box larger than the field visits each cell, and so each point, once", () => {
    const grid = new FieldGrid(LARGEST_WORLD, corners);
    expect(grid.near(1900, 1000, 100_000, 100_000, []).sort()).toEqual([0, 1, 2]);
    const oneScreen = new FieldGrid(ONE_SCREEN, [{ x: 1, y: 1 }]);
    expect(oneScreen.near(480, 270, 2000, 2000, [])).toEqual([0]);
  });

  it("returns a superset of the points inside the box, and nearInOrder returns them in their own order", () => {
    // A fixed pseudo-random scatter: the same every run.
    let seed = 12345;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const points = Array.from({ length: 300 }, () => ({ x: random() * width, y: random() * height }));
    const grid = new FieldGrid(LARGEST_WORLD, points);
    const out: number[] = [];
    for (let query = 0; query < 200; query++) {
      const [x, y, halfWidth, halfHeight] = [random() * width, random() * height, random() * 400, random() * 300];
      const inside = points.flatMap((point, index) =>
        Math.abs(fieldDelta(x, point.x, width)) <= halfWidth && Math.abs(fieldDelta(y, point.y, height)) <= halfHeight ? [index] : [],
      );
      const found = grid.nearInOrder(x, y, halfWidth, halfHeight, out);
      expect(new Set(found).size).toBe(found.length);
      expect(found).toEqual([...found].sort((a, b) => a - b));
      for (const index of inside) expect(found).toContain(index);
    }
  });

  it("reuses the array it is given", () => {
    const grid = new FieldGrid(LARGEST_WORLD, corners);
    const out = [7, 7, 7, 7];
    expect(grid.near(1900, 1000, 10, 10, out)).toBe(out);
    expect(out).toEqual([2]);
  });
});
