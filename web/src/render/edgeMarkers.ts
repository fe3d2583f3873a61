/**
 * Where to point at ships just off screen: a marker on the screen's edge, on the line
 * from the screen's centre to the ship (the short way round the field), so a player sees
 * who is about to come into view and from where. Pure: drawEdgeMarkers.ts draws them.
 */
import type { RenderShip } from "../../../client/frame";
import { wrapDelta } from "../../../shared/sim/vector";
import type { VisibleArea } from "./wrapCopies";

/** A marker in field coordinates around the camera (as the field transform draws them). */
export interface EdgeMarker {
  x: number;
  y: number;
  /** Direction from the screen's centre to the ship, rad (0 = +x). */
  angle: number;
  color: string;
}

/**
 * Where on the edge of a screen of half-size (halfWidth, halfHeight), pulled in by `inset`,
 * a marker points to an object at offset (dx, dy) from the centre; undefined when the
 * object's centre is on screen. The marker is where the line to the object leaves the
 * inset rectangle: a ship far to the right but a little up is marked on the right edge,
 * a little above the middle.
 */
export function edgePlacement(
  dx: number,
  dy: number,
  halfWidth: number,
  halfHeight: number,
  inset: number,
): { x: number; y: number; angle: number } | undefined {
  if (Math.abs(dx) <= halfWidth && Math.abs(dy) <= halfHeight) return undefined;
  const reachX = Math.max(0, halfWidth - inset);
  const reachY = Math.max(0, halfHeight - inset);
  // The line's parameter at each pair of edges; the nearer one is where it leaves (dx and dy are not both 0 here).
  const tx = dx === 0 ? Number.POSITIVE_INFINITY : reachX / Math.abs(dx);
  const ty = dy === 0 ? Number.POSITIVE_INFINITY : reachY / Math.abs(dy);
  const t = Math.min(tx, ty);
  return { x: dx * t, y: dy * t, angle: Math.atan2(dy, dx) };
}

/** Markers for the live remote ships whose centres are off the visible area, in field coordinates near the camera. */
export function edgeMarkers(ships: readonly RenderShip[], area: VisibleArea, inset: number): EdgeMarker[] {
  const markers: EdgeMarker[] = [];
  for (const ship of ships) {
    if (!ship.alive || ship.isLocal) continue;
    const dx = wrapDelta(area.x, ship.x, area.world.width);
    const dy = wrapDelta(area.y, ship.y, area.world.height);
    const place = edgePlacement(dx, dy, area.halfWidth, area.halfHeight, inset);
    if (place) markers.push({ x: area.x + place.x, y: area.y + place.y, angle: place.angle, color: ship.color });
  }
  return markers;
}
