import { describe, expect, it } from "@jest/globals";
import { WORLD_HEIGHT, WORLD_WIDTH } from "../../../shared/constants";
import { STAR_LEVELS, makeStars } from "./starfield";

describe("makeStars", () => {
  it("gives the same sky for the same seed: the background never flickers", () => {
    expect(makeStars(50, 7)).toEqual(makeStars(50, 7));
    expect(makeStars(50, 8)).not.toEqual(makeStars(50, 7));
  });

  it("puts every star inside the field with a valid level, bright ones rarer than faint ones", () => {
    const stars = makeStars(500, 1);
    const perLevel = new Array<number>(STAR_LEVELS).fill(0);
    for (const star of stars) {
      expect(star.x).toBeGreaterThanOrEqual(0);
      expect(star.x).toBeLessThan(WORLD_WIDTH);
      expect(star.y).toBeGreaterThanOrEqual(0);
      expect(star.y).toBeLessThan(WORLD_HEIGHT);
      expect(Number.isInteger(star.level)).toBe(true);
      expect(star.level).toBeGreaterThanOrEqual(0);
      expect(star.level).toBeLessThan(STAR_LEVELS);
      perLevel[star.level] = perLevel[star.level]! + 1;
    }
    expect(perLevel[0]!).toBeGreaterThan(perLevel[STAR_LEVELS - 1]!);
  });
});
