import { ASTEROID_LARGE_PER_SCREEN, MAX_CLIENTS, SCREEN_HEIGHT, SCREEN_WIDTH, VIEW_HEIGHT, VIEW_WIDTH } from "../constants";
import { createWorld } from "./step";
import { asteroidTargetFor, LARGEST_WORLD, ONE_SCREEN, screensPerSide, worldSizeFor } from "./worldSize";

describe("a room's field grows with its seats", () => {
  it.each([
    [2, 1],
    [8, 1],
    [9, 2],
    [32, 2],
    [33, 3],
    [72, 3],
    [100, 4],
  ])("%p seats → %p × %p screens", (seats, side) => {
    expect(screensPerSide(seats)).toBe(side);
    expect(worldSizeFor(seats)).toEqual({ width: SCREEN_WIDTH * side, height: SCREEN_HEIGHT * side });
  });

  it("a full room is several screens of what a player sees; a small one stays the original's screen", () => {
    expect(worldSizeFor(MAX_CLIENTS)).toEqual(LARGEST_WORLD);
    expect((LARGEST_WORLD.width * LARGEST_WORLD.height) / (VIEW_WIDTH * VIEW_HEIGHT)).toBeGreaterThanOrEqual(8);
    expect(worldSizeFor(8)).toEqual(ONE_SCREEN);
  });

  it("rocks scale with the area: 5 on one screen, 80 in a full room, and a new field starts with them inside it", () => {
    expect(asteroidTargetFor(ONE_SCREEN)).toBe(ASTEROID_LARGE_PER_SCREEN);
    expect(asteroidTargetFor(LARGEST_WORLD)).toBe(16 * ASTEROID_LARGE_PER_SCREEN);
    const world = createWorld(3, LARGEST_WORLD);
    expect(world.asteroids).toHaveLength(16 * ASTEROID_LARGE_PER_SCREEN);
    for (const rock of world.asteroids) {
      expect(rock.x).toBeGreaterThanOrEqual(0);
      expect(rock.x).toBeLessThan(LARGEST_WORLD.width);
      expect(rock.y).toBeLessThan(LARGEST_WORLD.height);
    }
    // Spread over the whole field, not bunched in its first screen.
    expect(world.asteroids.some((rock) => rock.x > 2 * SCREEN_WIDTH && rock.y > 2 * SCREEN_HEIGHT)).toBe(true);
  });
});
