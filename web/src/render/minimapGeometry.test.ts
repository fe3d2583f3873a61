import { describe, expect, it } from "@jest/globals";
import { worldSizeFor } from "../../../shared/sim/worldSize";
import { minimapPoint, minimapViewRects } from "./minimapGeometry";
import type { VisibleArea } from "./wrapCopies";

const WORLD = worldSizeFor(100); // 3840 × 2160
const MAP = { width: 192, height: 108 }; // 1/20 of the field

function area(x: number, y: number, halfWidth = 640, halfHeight = 360): VisibleArea {
  return { x, y, halfWidth, halfHeight, world: WORLD };
}

describe("minimapPoint", () => {
  it("scales the field into the minimap: corners to corners, the middle to the middle", () => {
    expect(minimapPoint(0, 0, WORLD, MAP)).toEqual({ x: 0, y: 0 });
    expect(minimapPoint(1920, 1080, WORLD, MAP)).toEqual({ x: 96, y: 54 });
    expect(minimapPoint(3800, 2140, WORLD, MAP)).toEqual({ x: 190, y: 107 });
  });

  it("places any copy of a point where the point is", () => {
    expect(minimapPoint(-40, 2160 + 20, WORLD, MAP)).toEqual(minimapPoint(3800, 20, WORLD, MAP));
  });
});

describe("minimapViewRects", () => {
  it("is one rectangle of the view's size, around the camera, in the field's middle", () => {
    expect(minimapViewRects(area(1920, 1080), MAP)).toEqual([{ x: 64, y: 36, width: 64, height: 36 }]);
  });

  it("is cut in two at the field's edge and shown at both sides, keeping its area", () => {
    const rects = minimapViewRects(area(100, 1080), MAP);
    expect(rects).toEqual([
      { x: (3840 - 540) / 20, y: 36, width: 540 / 20, height: 36 },
      { x: 0, y: 36, width: 740 / 20, height: 36 },
    ]);
  });

  it("is cut in four at a corner, every piece inside the minimap", () => {
    const rects = minimapViewRects(area(3800, 50), MAP);
    expect(rects).toHaveLength(4);
    let areaSum = 0;
    for (const rect of rects) {
      expect(rect.x).toBeGreaterThanOrEqual(0);
      expect(rect.y).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width).toBeLessThanOrEqual(MAP.width + 1e-9);
      expect(rect.y + rect.height).toBeLessThanOrEqual(MAP.height + 1e-9);
      areaSum += rect.width * rect.height;
    }
    expect(areaSum).toBeCloseTo(64 * 36, 9);
  });

  it("is the whole minimap when the screen shows the whole field", () => {
    const world = worldSizeFor(8);
    const whole: VisibleArea = { x: 300, y: 200, halfWidth: world.width / 2, halfHeight: world.height / 2, world };
    expect(minimapViewRects(whole, MAP)).toEqual([{ x: 0, y: 0, width: 192, height: 108 }]);
  });
});
