import { describe, expect, it } from "@jest/globals";
import type { RenderShip } from "../../../client/frame";
import { worldSizeFor } from "../../../shared/sim/worldSize";
import { edgeMarkers, edgePlacement } from "./edgeMarkers";
import type { VisibleArea } from "./wrapCopies";

const WORLD = worldSizeFor(100); // 3840 × 2160

function ship(id: string, x: number, y: number, extra: Partial<RenderShip> = {}): RenderShip {
  const base = { name: id, color: "#ff0000", angle: 0, alive: true, charge: 0, keys: 0, protected: false, respawnIn: 0, isLocal: false };
  return { ...base, id, x, y, ...extra };
}

describe("edgePlacement", () => {
  it("marks nothing for an object on screen, edges included", () => {
    expect(edgePlacement(0, 0, 640, 360, 10)).toBeUndefined();
    expect(edgePlacement(640, -360, 640, 360, 10)).toBeUndefined();
  });

  it.each([
    ["right", 900, 0, 630, 0, 0],
    ["left", -900, 0, -630, 0, Math.PI],
    ["below", 0, 500, 0, 350, Math.PI / 2],
    ["above", 0, -500, 0, -350, -Math.PI / 2],
  ])("puts a marker for an object straight %s on that edge, pulled in by the inset, pointing at it", (_side, dx, dy, x, y, angle) => {
    const marker = edgePlacement(dx, dy, 640, 360, 10)!;
    expect(marker.x).toBeCloseTo(x, 9);
    expect(marker.y).toBeCloseTo(y, 9);
    expect(marker.angle).toBeCloseTo(angle, 9);
  });

  it("puts it where the line to the object leaves the screen: on the side edge for a shallow line, on the top for a steep one", () => {
    const shallow = edgePlacement(1260, -180, 640, 360, 10)!;
    expect(shallow.x).toBeCloseTo(630, 9);
    expect(shallow.y).toBeCloseTo(-90, 9);
    const steep = edgePlacement(200, -700, 640, 360, 10)!;
    expect(steep.y).toBeCloseTo(-350, 9);
    expect(steep.x).toBeCloseTo(100, 9);
  });

  it("keeps the marker on the screen's edge for an object towards a corner", () => {
    const corner = edgePlacement(6400, 3600, 640, 360, 10)!;
    expect(corner.x).toBeCloseTo((6400 * 350) / 3600, 9);
    expect(corner.y).toBeCloseTo(350, 9);
  });
});

describe("edgeMarkers", () => {
  const area: VisibleArea = { x: 100, y: 1080, halfWidth: 640, halfHeight: 360, world: WORLD };

  it("marks live remote ships off screen, in their color, the short way round the field", () => {
    // 1000 px left of the camera, across the field's left edge (2840 px the other way): marked on the left.
    const markers = edgeMarkers([ship("a", WORLD.width - 900, 1080, { color: "#00ff00" })], area, 10);
    expect(markers).toEqual([{ x: 100 - 630, y: 1080, angle: Math.PI, color: "#00ff00" }]);
  });

  it("marks no ship that is on screen, dead, or your own", () => {
    const ships = [
      ship("near", 300, 1000),
      ship("dead", 1500, 1080, { alive: false }),
      ship("own", 1500, 1080, { isLocal: true }),
      ship("off", 1500, 1080),
    ];
    expect(edgeMarkers(ships, area, 10).map((marker) => marker.color)).toHaveLength(1);
    expect(edgeMarkers(ships, area, 10)[0]).toMatchObject({ x: 100 + 630, y: 1080 });
  });
});
