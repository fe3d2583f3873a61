import { TELEPORT_DISTANCE } from "../shared/net/netConstants";
import { InterpolationBuffer, interpolatePose } from "./interpolation";

function bufferOf(...snapshots: Array<[number, number, number, number]>): InterpolationBuffer {
  const buffer = new InterpolationBuffer();
  for (const [t, x, y, angle] of snapshots) buffer.push(t, { x, y, angle });
  return buffer;
}

describe("InterpolationBuffer.sample", () => {
  test("between two snapshots it lerps position and angle by time", () => {
    const buffer = bufferOf([1000, 100, 200, 0], [1050, 110, 190, 0.5]);
    // 20 ms of 50: alpha 0.4.
    expect(buffer.sample(1020)).toEqual({ x: 104, y: 196, angle: expect.closeTo(0.2, 10) as number });
  });

  test("picks the right pair among several snapshots", () => {
    const buffer = bufferOf([0, 0, 0, 0], [50, 10, 0, 0], [100, 30, 0, 0], [150, 60, 0, 0]);
    expect(buffer.sample(125)?.x).toBeCloseTo(45);
    expect(buffer.sample(75)?.x).toBeCloseTo(20);
  });

  test("before the first snapshot it holds the first", () => {
    expect(bufferOf([1000, 5, 6, 1], [1050, 15, 6, 1]).sample(900)).toEqual({ x: 5, y: 6, angle: 1 });
  });

  test("after the last snapshot it holds the last, never extrapolating", () => {
    const buffer = bufferOf([1000, 100, 100, 0], [1050, 150, 100, 0]);
    expect(buffer.sample(1200)).toEqual({ x: 150, y: 100, angle: 0 });
  });

  test("an empty buffer has nothing to draw", () => {
    expect(new InterpolationBuffer().sample(0)).toBeUndefined();
  });

  test("a snapshot not newer than the last is ignored", () => {
    const buffer = bufferOf([100, 0, 0, 0], [100, 50, 0, 0], [90, 70, 0, 0]);
    expect(buffer.size).toBe(1);
    expect(buffer.sample(100)?.x).toBe(0);
  });

  test("an object removed at t is drawn until the render time reaches t", () => {
    const buffer = bufferOf([0, 0, 0, 0]);
    buffer.markRemoved(200);
    expect(buffer.isGone(199)).toBe(false);
    expect(buffer.isGone(200)).toBe(true);
  });
});

describe("angle wrap at ±π", () => {
  test("turns the short way through π, not the long way through 0", () => {
    // From 170° to −170°: 20° through ±180°, so halfway is ±180°.
    const from = { x: 0, y: 0, angle: (170 * Math.PI) / 180 };
    const to = { x: 0, y: 0, angle: (-170 * Math.PI) / 180 };
    const mid = interpolatePose(from, to, 0.5).angle;
    expect(Math.abs(Math.cos(mid) - -1)).toBeLessThan(1e-9);
    const quarter = interpolatePose(from, to, 0.25).angle;
    expect(quarter).toBeCloseTo((175 * Math.PI) / 180, 9);
  });

  test("turns the short way through 0 as well", () => {
    const angle = interpolatePose({ x: 0, y: 0, angle: -0.1 }, { x: 0, y: 0, angle: 0.3 }, 0.5).angle;
    expect(angle).toBeCloseTo(0.1, 9);
  });
});

describe("position wrap at the field edges", () => {
  test("crossing the right edge moves a few pixels across it, not back across the field", () => {
    const pose = interpolatePose({ x: 955, y: 100, angle: 0 }, { x: 5, y: 100, angle: 0 }, 0.5);
    expect(pose.x).toBeCloseTo(0, 9); // 955 → 960 ≡ 0 → 5
    const early = interpolatePose({ x: 955, y: 100, angle: 0 }, { x: 5, y: 100, angle: 0 }, 0.2);
    expect(early.x).toBeCloseTo(957, 9);
  });

  test("crossing the top edge wraps to the bottom", () => {
    const pose = interpolatePose({ x: 10, y: 2, angle: 0 }, { x: 10, y: 532, angle: 0 }, 0.5);
    expect(pose.y).toBeCloseTo(537, 9); // 2 → −3 ≡ 537 → 532 (a 10 px move upwards)
  });

  test("a jump too long to be motion is drawn at the new place, never streaked across", () => {
    const from = { x: 100, y: 100, angle: 0 };
    const to = { x: 100 + TELEPORT_DISTANCE + 200, y: 400, angle: 1 };
    expect(interpolatePose(from, to, 0.1)).toEqual(to);
    expect(interpolatePose(from, to, 0)).toEqual(from);
    const buffer = bufferOf([0, 100, 100, 0], [50, 700, 400, 1]);
    expect(buffer.sample(10)).toEqual({ x: 700, y: 400, angle: 1 });
  });
});

test("other fields step: the older snapshot's value holds until the newer snapshot's time", () => {
  const buffer = new InterpolationBuffer<{ x: number; y: number; angle: number; alive: boolean }>();
  buffer.push(0, { x: 0, y: 0, angle: 0, alive: true });
  buffer.push(50, { x: 10, y: 0, angle: 0, alive: false });
  expect(buffer.sample(49)).toMatchObject({ alive: true });
  expect(buffer.sample(49)?.x).toBeCloseTo(9.8, 9);
  expect(buffer.sample(50)).toMatchObject({ alive: false, x: 10 });
});
