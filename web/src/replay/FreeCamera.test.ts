/** The replay's free camera: the whole field at first, drags move it, the wheel zooms about the pointer within limits. */
import { VIEW_WIDTH } from "../../../shared/constants";
import { FreeCamera } from "./FreeCamera";

const field = { width: 3840, height: 2160 };
const canvas = { width: 1920, height: 1080 };
const view = (camera: FreeCamera) => camera.view(field, canvas.width, canvas.height);
/** The field point drawn at canvas px (x, y). */
const pointAt = (camera: FreeCamera, x: number, y: number) => {
  const { x: cx, y: cy, scale } = view(camera);
  return { x: cx + (x - canvas.width / 2) / scale, y: cy + (y - canvas.height / 2) / scale };
};

test("starts on the whole field; a double click (reset) goes back to it", () => {
  const camera = new FreeCamera();
  expect(view(camera)).toMatchObject({ x: 1920, y: 1080, scale: 0.5 });
  camera.zoomAt(1.25, 100, 100, field, canvas.width, canvas.height);
  camera.reset();
  expect(view(camera)).toMatchObject({ x: 1920, y: 1080, scale: 0.5 });
});

test("the wheel zooms about the pointer, between the whole field and half a screen of it", () => {
  const camera = new FreeCamera();
  const under = pointAt(camera, 400, 300);
  camera.zoomAt(1.25, 400, 300, field, canvas.width, canvas.height);
  const after = pointAt(camera, 400, 300);
  expect(after.x).toBeCloseTo(under.x, 6);
  expect(after.y).toBeCloseTo(under.y, 6);
  expect(view(camera).scale).toBeCloseTo(0.625);
  for (let i = 0; i < 20; i++) camera.zoomAt(1.25, 400, 300, field, canvas.width, canvas.height);
  // The closest: half a screen of field (480 × 270 px) fills the canvas.
  expect(view(camera).scale).toBeCloseTo(canvas.width / (VIEW_WIDTH / 2));
  for (let i = 0; i < 20; i++) camera.zoomAt(0.8, 400, 300, field, canvas.width, canvas.height);
  expect(view(camera).scale).toBeCloseTo(0.5);
});

test("a drag moves the field with the pointer, wrapping at its edges", () => {
  const camera = new FreeCamera();
  camera.press(1000, 500);
  camera.moveTo(1100, 450, field, canvas.width, canvas.height);
  camera.moveTo(1200, 400, field, canvas.width, canvas.height);
  camera.release();
  camera.moveTo(1500, 400, field, canvas.width, canvas.height);
  // 200 canvas px right and 100 up at 0.5 canvas px per field px: the camera went 400 left and 200 down.
  expect(view(camera)).toMatchObject({ x: 1520, y: 1280 });
  camera.press(0, 0);
  camera.moveTo(-1000, 0, field, canvas.width, canvas.height);
  expect(view(camera).x).toBe((1520 + 2000) % 3840);
});
