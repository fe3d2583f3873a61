import { REFUSED_SHOT_FADE_MS } from "../shared/net/netConstants";
import { TICK_DT } from "../shared/constants";
import { BulletState } from "../shared/net/schema";
import type { Bullet } from "../shared/sim/world";
import { ONE_SCREEN } from "../shared/sim/worldSize";
import { OwnShots, ownShotId } from "./OwnShots";

const field = ONE_SCREEN;
const launch: Bullet = { id: 0, owner: "me", x: 100, y: 200, vx: 600, vy: -60, radius: 5, life: 1.25, rewind: 0 };

function serverBullet(step: number, flight: Partial<Bullet> = {}): BulletState {
  const { x, y, vx, vy, radius } = { ...launch, ...flight };
  return Object.assign(new BulletState(), { owner: "me", step: step & 0xff, x, y, vx, vy, radius, tick: 5000 });
}

function drawnOne(shots: OwnShots, nowStep: number, now: number) {
  const drawn = shots.drawn(nowStep, now, field, "#fff");
  expect(drawn).toHaveLength(1);
  return drawn[0]!;
}

test("a predicted shot is drawn from its launch on the step it is fired, then flies on", () => {
  const shots = new OwnShots();
  shots.predicted(300, launch);
  expect(drawnOne(shots, 300, 0)).toMatchObject({ id: ownShotId(300), x: 100, y: 200, radius: 5 });
  const later = drawnOne(shots, 310, 0);
  expect(later.x).toBeCloseTo(100 + 600 * 10 * TICK_DT, 9);
  expect(later.y).toBeCloseTo(200 - 60 * 10 * TICK_DT, 9);
});

test("the server's bullet takes over with no jump: same id, same place; its step is matched through the low byte", () => {
  const shots = new OwnShots();
  shots.predicted(300, launch);
  const before = drawnOne(shots, 320, 1000);
  // Step 300 travels as 300 & 0xff = 44; the ack (310) tells which 44 it is.
  shots.reconcile(310, [["77", serverBullet(300)]], 320, 1000, field);
  const after = drawnOne(shots, 320, 1000);
  expect(after).toEqual(before);
  expect(shots.inFlight).toBe(1);
});

test("a server flight unlike the prediction takes over without a jump and then converges on the server's", () => {
  const shots = new OwnShots();
  shots.predicted(300, launch);
  const before = drawnOne(shots, 320, 1000);
  shots.reconcile(310, [["77", serverBullet(300, { x: 110 })]], 320, 1000, field);
  expect(drawnOne(shots, 320, 1000).x).toBeCloseTo(before.x, 9);
  const settled = drawnOne(shots, 320, 2000);
  expect(settled.x).toBeCloseTo(before.x + 10, 3);
});

test("a shot the server did not fire fades out once its step is acknowledged, and is then gone", () => {
  const shots = new OwnShots();
  shots.predicted(300, launch);
  shots.reconcile(299, [], 305, 1000, field);
  expect(drawnOne(shots, 305, 1000).opacity).toBeUndefined();
  shots.reconcile(300, [], 306, 1000, field);
  expect(shots.inFlight).toBe(0);
  const fading = drawnOne(shots, 307, 1000 + REFUSED_SHOT_FADE_MS / 2);
  expect(fading.opacity).toBeCloseTo(0.5, 9);
  expect(shots.drawn(308, 1000 + REFUSED_SHOT_FADE_MS, field, "#fff")).toEqual([]);
});

test("a shot leaves the screen when its bullet leaves the server's state (a hit), or when its flight is over", () => {
  const shots = new OwnShots();
  shots.predicted(300, launch);
  shots.predicted(320, launch);
  shots.reconcile(
    325,
    [
      ["77", serverBullet(300)],
      ["78", serverBullet(320)],
    ],
    330,
    1000,
    field,
  );
  shots.reconcile(328, [["78", serverBullet(320)]], 333, 1050, field);
  expect(shots.drawn(333, 1050, field, "#fff").map((bullet) => bullet.id)).toEqual([ownShotId(320)]);
  expect(shots.drawn(320 + 76, 1100, field, "#fff")).toEqual([]);
});

test("an own bullet the client did not predict is drawn from the server's launch, in the present", () => {
  const shots = new OwnShots();
  shots.reconcile(305, [["90", serverBullet(302)]], 312, 1000, field);
  const drawn = drawnOne(shots, 312, 1000);
  expect(drawn.id).toBe(ownShotId(302));
  expect(drawn.x).toBeCloseTo(100 + 600 * 10 * TICK_DT, 9);
});
