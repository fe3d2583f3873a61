/**
 * The camera over a wrapping field: which part of the field the canvas shows, and how big.
 *
 * The view is the most of the field a screen may show (VIEW_WIDTH × VIEW_HEIGHT, or the
 * whole field when it is smaller). It is scaled to cover the canvas, so one axis may be
 * cropped but no window, whatever its shape, shows more than the view: the server only
 * sends what lies near it. The camera follows the own ship with a short exponential lag,
 * measured the short way round the field, so crossing an edge moves it by the step
 * taken, never by a field. An object is drawn at canvasCentre + wrapDelta(camera, object)
 * × scale. Pure: the follower's state is data, stepped by explicit times.
 */
import { VIEW_HEIGHT, VIEW_WIDTH } from "../../../shared/constants";
import { wrapCoord, wrapDelta, type Vec2 } from "../../../shared/sim/vector";
import type { WorldSize } from "../../../shared/sim/worldSize";

/**
 * Time constant of the camera's lag behind its focus, ms: ~63 % of a gap is closed in
 * this time. @default 90 ms — the ship leads the centre a little as it speeds up (about
 * 50 px at full speed), which shows motion, without the ship drifting towards the edge.
 */
export const CAMERA_LAG_MS = 90;
/**
 * A focus that moves further than this in one frame has teleported (a respawn, the first
 * frame): the camera jumps there instead of sliding across the field, px.
 * @default 300 px — a full-speed ship covers ~9 px a frame, a long hitch (INPUT_MAX_CATCH_UP_STEPS) under 100.
 */
export const CAMERA_SNAP_DISTANCE = 300;

/** What the renderer needs to place the field on the canvas. */
export interface CameraView {
  /** The field point at the canvas's centre, in [0, width) × [0, height). */
  x: number;
  y: number;
  /** Canvas (backing-store) px per field px. */
  scale: number;
  /** Half the field shown, px: canvas / scale / 2 on each axis, at most half the view. */
  halfWidth: number;
  halfHeight: number;
  world: WorldSize;
  /**
   * How far the camera has travelled since it started, unwrapped, px: the parallax star
   * layers scroll by it, so a wrap of the field never makes them jump.
   */
  driftX: number;
  driftY: number;
}

/** The follower's state between frames. */
export interface CameraState {
  x: number;
  y: number;
  driftX: number;
  driftY: number;
  /** Time of the last step, ms; undefined before the first. */
  atMs: number | undefined;
  /** The field the position is in: a new field starts the camera afresh. */
  world: WorldSize;
}

/** The field region a screen is sized for: the view, or the whole field when that is smaller. */
export function viewSizeFor(world: WorldSize): WorldSize {
  return { width: Math.min(VIEW_WIDTH, world.width), height: Math.min(VIEW_HEIGHT, world.height) };
}

/** Canvas px per field px that makes `view` cover a canvas of the given size (the other axis is cropped). */
export function coverScale(canvasWidth: number, canvasHeight: number, view: WorldSize): number {
  return Math.max(canvasWidth / view.width, canvasHeight / view.height);
}

/** Canvas px per field px that fits all of `view` in the canvas (the spectator's whole field). */
export function containScale(canvasWidth: number, canvasHeight: number, view: WorldSize): number {
  return Math.min(canvasWidth / view.width, canvasHeight / view.height);
}

/** A camera at the middle of `world`, not yet stepped. */
export function initialCamera(world: WorldSize): CameraState {
  return { x: world.width / 2, y: world.height / 2, driftX: 0, driftY: 0, atMs: undefined, world };
}

/**
 * The camera one frame later: it closes 1 − e^(−dt/CAMERA_LAG_MS) of the gap to `focus`,
 * the short way round; it jumps on the first focus, after a teleport, or on a new field;
 * with no focus it stays where it is.
 */
export function followFocus(state: CameraState, focus: Vec2 | undefined, world: WorldSize, nowMs: number): CameraState {
  const sameWorld = state.world.width === world.width && state.world.height === world.height;
  const from = sameWorld ? state : initialCamera(world);
  if (focus === undefined) return { ...from, atMs: nowMs };
  const dx = wrapDelta(from.x, focus.x, world.width);
  const dy = wrapDelta(from.y, focus.y, world.height);
  const dtMs = from.atMs === undefined ? Number.POSITIVE_INFINITY : Math.max(0, nowMs - from.atMs);
  const teleported = from.atMs === undefined || Math.hypot(dx, dy) > CAMERA_SNAP_DISTANCE;
  const share = teleported ? 1 : 1 - Math.exp(-dtMs / CAMERA_LAG_MS);
  return {
    x: wrapCoord(from.x + dx * share, world.width),
    y: wrapCoord(from.y + dy * share, world.height),
    driftX: from.driftX + dx * share,
    driftY: from.driftY + dy * share,
    atMs: nowMs,
    world,
  };
}

/** The view of a following camera on a canvas of the given backing-store size. */
export function followView(state: CameraState, canvasWidth: number, canvasHeight: number): CameraView {
  const scale = coverScale(canvasWidth, canvasHeight, viewSizeFor(state.world));
  return viewAt(state.x, state.y, scale, canvasWidth, canvasHeight, state.world, state.driftX, state.driftY);
}

/** The whole field fitted to the canvas, centred, with no camera motion: the dashboard's spectator. */
export function wholeFieldView(world: WorldSize, canvasWidth: number, canvasHeight: number): CameraView {
  const scale = containScale(canvasWidth, canvasHeight, world);
  return viewAt(world.width / 2, world.height / 2, scale, canvasWidth, canvasHeight, world, 0, 0);
}

/** A camera at (x, y) with `scale` canvas px per field px: the replay's free camera. */
export function freeView(world: WorldSize, x: number, y: number, scale: number, canvasWidth: number, canvasHeight: number): CameraView {
  return viewAt(x, y, scale, canvasWidth, canvasHeight, world, 0, 0);
}

function viewAt(
  x: number,
  y: number,
  scale: number,
  canvasWidth: number,
  canvasHeight: number,
  world: WorldSize,
  driftX: number,
  driftY: number,
): CameraView {
  // A canvas not laid out yet (0 px) still gets a usable, finite view.
  const safeScale = scale > 0 && Number.isFinite(scale) ? scale : 1;
  return {
    x,
    y,
    scale: safeScale,
    halfWidth: canvasWidth / safeScale / 2,
    halfHeight: canvasHeight / safeScale / 2,
    world,
    driftX,
    driftY,
  };
}

/** The field coordinate drawn nearest the camera for `value` on one axis: the camera's own value plus the short way to it. */
export function nearCamera(center: number, value: number, size: number): number {
  return center + wrapDelta(center, value, size);
}
