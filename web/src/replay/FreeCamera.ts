/**
 * The replay's free camera: the whole field to start with; a drag moves it, the wheel
 * zooms about the pointer (down to half a screen's worth of field), a double click goes
 * back to the whole field. Positions wrap with the field.
 */
import { wrapCoord } from "../../../shared/sim/vector";
import type { WorldSize } from "../../../shared/sim/worldSize";
import { containScale, freeView, viewSizeFor, type CameraView } from "../render/camera";

export class FreeCamera {
  private x: number | undefined;
  private y = 0;
  /** 1 shows the whole field; more is closer. */
  private zoom = 1;
  private dragFrom: { x: number; y: number } | undefined;

  view(world: WorldSize, canvasWidth: number, canvasHeight: number): CameraView {
    const [x, y] = this.centre(world);
    return freeView(world, x, y, containScale(canvasWidth, canvasHeight, world) * this.zoom, canvasWidth, canvasHeight);
  }

  /** A drag starts at canvas px (x, y). */
  press(x: number, y: number): void {
    this.dragFrom = { x, y };
  }

  /** The pointer is at canvas px (x, y): while dragging, the field moves with it. */
  moveTo(x: number, y: number, world: WorldSize, canvasWidth: number, canvasHeight: number): void {
    if (!this.dragFrom) return;
    this.drag(x - this.dragFrom.x, y - this.dragFrom.y, world, canvasWidth, canvasHeight);
    this.dragFrom = { x, y };
  }

  release(): void {
    this.dragFrom = undefined;
  }

  /** Moves the camera by a drag of (dx, dy) canvas px on a canvas of the given size. */
  drag(dx: number, dy: number, world: WorldSize, canvasWidth: number, canvasHeight: number): void {
    const scale = containScale(canvasWidth, canvasHeight, world) * this.zoom;
    const [x, y] = this.centre(world);
    this.x = wrapCoord(x - dx / scale, world.width);
    this.y = wrapCoord(y - dy / scale, world.height);
  }

  /** Zooms by `factor` keeping the field point under canvas px (cx, cy) where it is. */
  zoomAt(factor: number, cx: number, cy: number, world: WorldSize, canvasWidth: number, canvasHeight: number): void {
    const whole = containScale(canvasWidth, canvasHeight, world);
    // Closest: half a screen's worth of field (twice the game's own view) fills the canvas.
    const screen = viewSizeFor(world);
    const closest = Math.max(1, containScale(canvasWidth, canvasHeight, { width: screen.width / 2, height: screen.height / 2 }) / whole);
    const zoom = Math.min(Math.max(1, this.zoom * factor), closest);
    // The field point under the pointer stays under it.
    const [x, y] = this.centre(world);
    const offsetX = cx - canvasWidth / 2;
    const offsetY = cy - canvasHeight / 2;
    const pointX = x + offsetX / (whole * this.zoom);
    const pointY = y + offsetY / (whole * this.zoom);
    this.zoom = zoom;
    this.x = wrapCoord(pointX - offsetX / (whole * zoom), world.width);
    this.y = wrapCoord(pointY - offsetY / (whole * zoom), world.height);
  }

  reset(): void {
    this.x = undefined;
    this.zoom = 1;
  }

  private centre(world: WorldSize): [number, number] {
    return this.x === undefined ? [world.width / 2, world.height / 2] : [this.x, this.y];
  }
}
