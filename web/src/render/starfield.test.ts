import { describe, expect, it } from "@jest/globals";
import { makeSky, makeStars, tileRange } from "./starfield";

describe("makeStars", () => {
  it("gives the same sky for the same seed: the background never flickers", () => {
    expect(makeStars(50, 7, 500, 400)).toEqual(makeStars(50, 7, 500, 400));
    expect(makeStars(50, 8, 500, 400)).not.toEqual(makeStars(50, 7, 500, 400));
    expect(makeSky(3)).toEqual(makeSky(3));
  });

  it("puts every star inside its tile", () => {
    for (const star of makeStars(500, 1, 300, 200)) {
      expect(star.x).toBeGreaterThanOrEqual(0);
      expect(star.x).toBeLessThan(300);
      expect(star.y).toBeGreaterThanOrEqual(0);
      expect(star.y).toBeLessThan(200);
    }
  });
});

describe("makeSky", () => {
  it("orders the layers far to near: slower layers first, all slower than the field, each with its own stars", () => {
    const sky = makeSky(1);
    expect(sky.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < sky.length; i++) {
      expect(sky[i]!.parallax).toBeGreaterThan(sky[i - 1]!.parallax);
      expect(sky[i]!.stars).not.toEqual(sky[i - 1]!.stars);
    }
    expect(sky[sky.length - 1]!.parallax).toBeLessThan(1);
  });
});

describe("tileRange", () => {
  it("covers the whole axis around the centre with whole tiles", () => {
    for (const scroll of [0, 17, -333, 1e6 + 0.5]) {
      const { first, last, phase } = tileRange(scroll, 640, 500);
      expect(first * 500 - phase).toBeLessThanOrEqual(-640);
      expect((last + 1) * 500 - phase).toBeGreaterThan(640);
      // No tile more than needed at either end.
      expect((first + 1) * 500 - phase).toBeGreaterThan(-640);
      expect(last * 500 - phase).toBeLessThanOrEqual(640);
    }
  });

  it("scrolls the tiles against the camera's travel, by the layer's share of it", () => {
    const before = tileRange(100, 640, 500);
    const after = tileRange(130, 640, 500);
    expect(after.phase - before.phase).toBe(30);
    // Past a whole tile the phase starts again: the pattern is the same, so nothing jumps.
    expect(tileRange(100 + 500, 640, 500)).toEqual(before);
  });

  it("keeps the phase in [0, tile) for negative travel", () => {
    expect(tileRange(-30, 100, 500).phase).toBe(470);
  });
});
