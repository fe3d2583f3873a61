import { MAX_REWIND_TICKS, POSE_HISTORY_TICKS } from "../constants";
import { Key } from "./input";
import { clampRewind, poseAt } from "./rewind";
import { step } from "./step";
import { DT, emptyWorld, putShip } from "../../test/support/testWorld";
import type { World } from "./world";

/** Steps of interpolation delay plus round trip a 150 ms player sees others behind: 150 + 100 ms = 15 steps. */
const LAG_AT_150MS = 15;

test("the history keeps one second of poses and returns the pose at a given step", () => {
  const world = emptyWorld();
  putShip(world, "a", { x: 100, y: 100, vx: 60 });
  const xAt = new Map<number, number>();
  for (let i = 0; i < 100; i++) {
    step(world, {}, DT);
    xAt.set(world.tick, world.ships[0]!.x);
  }
  expect(world.history).toHaveLength(POSE_HISTORY_TICKS);
  expect(world.history[0]!.tick).toBe(100 - POSE_HISTORY_TICKS + 1);
  expect(poseAt(world, "a", 80)?.x).toBe(xAt.get(80));
  expect(poseAt(world, "a", 100)?.x).toBe(xAt.get(100));
  expect(poseAt(world, "a", 100 - POSE_HISTORY_TICKS)).toBeUndefined(); // forgotten
  expect(poseAt(world, "b", 90)).toBeUndefined();
});

test("the rewind is whole steps, never negative, and capped", () => {
  expect(clampRewind(14.6)).toBe(15);
  expect(clampRewind(-3)).toBe(0);
  expect(clampRewind(Number.NaN)).toBe(0);
  expect(clampRewind(Infinity)).toBe(0);
  expect(clampRewind(500)).toBe(MAX_REWIND_TICKS);
});

/**
 * A fires along +x at B, who crosses the line of fire downwards near top speed
 * (thrusting, ~500 px/s: 8 px a step, 125 px in 15 steps). Releasing
 * Fire at step `releaseAt`, returns the step at which B died, or undefined.
 */
function duel(releaseAt: number, shooterLag: number): { world: World; hitTick: number | undefined } {
  const world = emptyWorld(5);
  putShip(world, "a", { x: 100, y: 270, angle: 0 });
  putShip(world, "b", { x: 400, y: 20, angle: Math.PI / 2, vy: 500 });
  let hitTick: number | undefined;
  for (let i = 1; i <= 90 && hitTick === undefined; i++) {
    step(world, { a: i < releaseAt ? Key.Fire : 0, b: Key.Up }, DT, { a: shooterLag });
    if (world.events.some((event) => event.kind === "shipDestroyed" && event.shipId === "b")) hitTick = world.tick;
  }
  return { world, hitTick };
}

test("a shot the shooter saw hit at 150 ms is counted with compensation and missed without", () => {
  // The first release time at which the 150 ms shooter's shot lands on B as that shooter saw B.
  const releaseAt = Array.from({ length: 40 }, (_, i) => i + 2).find((tick) => duel(tick, LAG_AT_150MS).hitTick !== undefined);
  expect(releaseAt).toBeDefined();
  const compensated = duel(releaseAt!, LAG_AT_150MS);
  const hitTick = compensated.hitTick!;
  // The hit is where B was 15 steps before, which is what the shooter was drawing.
  const seen = poseAt(compensated.world, "b", hitTick - LAG_AT_150MS)!;
  const kill = compensated.world.events.find((event) => event.kind === "shipDestroyed");
  expect(kill).toBeDefined();
  expect(Math.abs(seen.y - 270)).toBeLessThan(40);
  // Without compensation the same shot passes behind B, who has moved on by then.
  expect(duel(releaseAt!, 0).hitTick).toBeUndefined();
  // Without compensation the shooter would have had to fire earlier, leading a target it sees late.
  const leadRelease = Array.from({ length: 40 }, (_, i) => i + 2).find((tick) => duel(tick, 0).hitTick !== undefined);
  expect(leadRelease).toBeLessThan(releaseAt!);
});

test("a rewound shot cannot hit a ship that was spawn-protected at the time the shooter saw", () => {
  const world = emptyWorld();
  putShip(world, "a", { x: 100, y: 270, angle: 0 });
  const target = putShip(world, "b", { x: 300, y: 270, protection: 0.5 });
  for (let i = 0; i < 40; i++) step(world, {}, DT); // B's protection (30 steps) runs out at step 30
  expect(target.protection).toBe(0);
  // A bullet that rewinds 15 steps sees B at step 25: still protected, so it flies through.
  world.bullets.push({ id: 999, owner: "a", x: 280, y: 270, vx: 640, vy: 0, radius: 3, life: 1, rewind: 15 });
  step(world, {}, DT);
  expect(target.alive).toBe(true);
  expect(world.bullets.some((bullet) => bullet.id === 999)).toBe(true);
});
