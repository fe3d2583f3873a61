/** The kill-cam's frames: the last seconds kept, played back at their own pace following the killer. */
import type { RenderFrame } from "./frame";
import { drawnShip } from "../test/support/testShips";
import { KILL_CAM_SECONDS, KILL_CAM_SPEED, KillCamRecorder } from "./KillCam";

const ship = (id: string, x: number) => drawnShip(id, x, 100);

/** A frame at `ms` with the killer at x = ms / 10 and the victim still. */
const frameAt = (ms: number, withKiller = true): RenderFrame => ({
  world: { width: 960, height: 540 },
  focus: { x: 500, y: 100 },
  ships: [ship("me", 500), ...(withKiller ? [ship("killer", ms / 10)] : [])],
  bullets: [],
  asteroids: [],
  blips: [],
});

const death = { kind: "shipDestroyed", shipId: "me", killerId: "killer", bulletId: 7, x: 500, y: 100 } as const;

test("keeps the last KILL_CAM_SECONDS of frames and plays them at KILL_CAM_SPEED, focused on the killer, then holds the kill", () => {
  const recorder = new KillCamRecorder();
  for (let ms = 0; ms <= 5000; ms += 100) recorder.push(frameAt(ms), ms === 5000 ? [death] : [], ms);
  const clip = recorder.clip("killer", 10_000)!;
  // The clip starts KILL_CAM_SECONDS before the last frame pushed.
  const first = clip.shotAt(10_000)!;
  expect(first.frame.focus).toEqual({ x: 500 - KILL_CAM_SECONDS * 100, y: 100 });
  expect(first.progress).toBe(0);
  expect(first.frame.ships.find((drawn) => drawn.isLocal)?.id).toBe("killer");
  const playMs = (KILL_CAM_SECONDS * 1000) / KILL_CAM_SPEED;
  const middle = clip.shotAt(10_000 + playMs / 2)!;
  expect(middle.frame.focus?.x).toBeCloseTo(350);
  expect(middle.progress).toBeCloseTo(0.5);
  // The kill: the last frame's events come with it, then the frame is held (its events once).
  expect(clip.shotAt(10_000 + playMs)!.events).toEqual([death]);
  const held = clip.shotAt(10_000 + playMs + 500)!;
  expect(held).toMatchObject({ progress: 1, events: [] });
  expect(held.frame.focus?.x).toBe(500);
  expect(clip.shotAt(10_000 + playMs + 2000)).toBeUndefined();
});

test("a killer out of a frame keeps the camera where it was last seen", () => {
  const recorder = new KillCamRecorder();
  recorder.push(frameAt(0), [], 0);
  recorder.push(frameAt(100, false), [], 100);
  const clip = recorder.clip("killer", 0)!;
  expect(clip.shotAt(0)!.frame.focus).toEqual({ x: 0, y: 100 });
  expect(clip.shotAt(100)!.frame.focus).toEqual({ x: 0, y: 100 });
  expect(new KillCamRecorder().clip("killer", 0)).toBeUndefined();
});
