/**
 * A ship's own motion and trigger through step(): thrust, drag, rotation, charge, firing, cooldown.
 * Ships are float32-rounded at the end of every step, so values are compared to ~5 decimals.
 */
import {
  BULLET_BASE_RADIUS,
  BULLET_CHARGE_RADIUS,
  BULLET_LIFETIME,
  BULLET_SPEED,
  MAX_BULLETS_PER_SHIP,
  SHIP_DRAG_PER_STEP,
  SHIP_THRUST,
  SHOT_COOLDOWN,
} from "../constants";
import { Key } from "./input";
import { step } from "./step";
import { DT, emptyWorld, putBullet, putShip, run } from "../../test/support/testWorld";
import type { Ship, World } from "./world";

function soloShip(fields: Partial<Ship> = {}): { world: World; ship: Ship } {
  const world = emptyWorld();
  const ship = putShip(world, "a", fields);
  return { world, ship };
}

describe("thrust and drag", () => {
  it("one step of Up from rest: vx = 320/60 × 0.99 = 5.28 and x advances by 5.28/60 = 0.088", () => {
    const { world, ship } = soloShip({ x: 480, y: 270 });
    step(world, { a: Key.Up }, DT);
    expect(ship.vx).toBeCloseTo(5.28, 5);
    expect(ship.vy).toBe(0);
    expect(ship.x).toBeCloseTo(480.088, 4);
    expect(ship.y).toBe(270);
  });

  it("Down accelerates backward: vx = −5.28, x = 480 − 0.088", () => {
    const { world, ship } = soloShip({ x: 480, y: 270 });
    step(world, { a: Key.Down }, DT);
    expect(ship.vx).toBeCloseTo(-5.28, 5);
    expect(ship.x).toBeCloseTo(479.912, 4);
  });

  it("thrust follows the heading: at angle π/2 Up adds vy = 5.28 and no vx", () => {
    const { world, ship } = soloShip({ angle: Math.PI / 2 });
    step(world, { a: Key.Up }, DT);
    expect(ship.vx).toBeCloseTo(0, 5);
    expect(ship.vy).toBeCloseTo(5.28, 5);
    expect(ship.y).toBeCloseTo(270.088, 4);
  });

  it("Up and Down together cancel: only drag acts", () => {
    const { world, ship } = soloShip({ vx: 100 });
    step(world, { a: Key.Up | Key.Down }, DT);
    expect(ship.vx).toBeCloseTo(99, 4);
  });

  it("60 steps of Up match the geometric series: v = 239.101 px/s, x = 100 + 133.483", () => {
    // v_n = T·dt · Σ_{k=1..n} q^k = T·dt·q(1 − q^n)/(1 − q), q = 0.99, T·dt = 16/3
    //     = 528 × (1 − 0.99^60) = 528 × (1 − 0.547157) = 239.101
    // x_n − x_0 = dt · Σ_{j=1..n} v_j = T·dt²·q/(1 − q) · (n − q(1 − q^n)/(1 − q))
    //           = 8.8 × (60 − 99 × 0.452843) = 133.483
    const { world, ship } = soloShip({ x: 100 });
    run(world, { a: Key.Up }, 60);
    const q = SHIP_DRAG_PER_STEP;
    const n = 60;
    const v = (SHIP_THRUST * DT * q * (1 - q ** n)) / (1 - q);
    const dx = ((SHIP_THRUST * DT * DT * q) / (1 - q)) * (n - (q * (1 - q ** n)) / (1 - q));
    expect(v).toBeCloseTo(239.101, 3);
    expect(dx).toBeCloseTo(133.483, 3);
    expect(ship.vx).toBeCloseTo(v, 3);
    expect(ship.x).toBeCloseTo(100 + dx, 2);
    expect(ship.y).toBe(270);
  });

  it("drag alone multiplies velocity by 0.99 per step: 100 → 99 → … → 90.438 after 10 steps", () => {
    const { world, ship } = soloShip({ x: 100, vx: 100, vy: -50 });
    step(world, {}, DT);
    expect(ship.vx).toBeCloseTo(99, 4);
    expect(ship.vy).toBeCloseTo(-49.5, 4);
    run(world, {}, 9);
    // 100 × 0.99^10 = 90.4382; x moved (100/60) × Σ_{k=1..10} 0.99^k = (100/60) × 9.46617 = 15.777
    expect(ship.vx).toBeCloseTo(90.4382, 3);
    expect(ship.vy).toBeCloseTo(-45.2191, 3);
    expect(ship.x).toBeCloseTo(115.777, 3);
  });

  it("drag is per 1/60 s whatever dt is: one 1/30 s step multiplies by 0.99² = 0.9801", () => {
    const { world, ship } = soloShip({ vx: 100 });
    step(world, {}, 2 * DT);
    expect(ship.vx).toBeCloseTo(98.01, 4);
  });

  it("the pose is float32-rounded at the end of the step", () => {
    const { world, ship } = soloShip({ x: 100.1, y: 200.3, vx: 33.3, vy: -7.7, angle: 0.3 });
    step(world, { a: Key.Up | Key.Left }, DT);
    for (const value of [ship.x, ship.y, ship.vx, ship.vy, ship.angle]) expect(Math.fround(value)).toBe(value);
  });
});

describe("rotation", () => {
  it("Right turns +π/60 per step (180°/s), Left −π/60", () => {
    const right = soloShip();
    step(right.world, { a: Key.Right }, DT);
    expect(right.ship.angle).toBeCloseTo(Math.PI / 60, 6); // 0.0523599
    const left = soloShip();
    step(left.world, { a: Key.Left }, DT);
    expect(left.ship.angle).toBeCloseTo(-Math.PI / 60, 6);
  });

  it("Left and Right together do not turn", () => {
    const { world, ship } = soloShip({ angle: 1 });
    step(world, { a: Key.Left | Key.Right }, DT);
    expect(ship.angle).toBeCloseTo(1, 6);
  });

  it("30 steps of Right is a quarter turn: π/2", () => {
    const { world, ship } = soloShip();
    run(world, { a: Key.Right }, 30);
    expect(ship.angle).toBeCloseTo(Math.PI / 2, 4);
  });

  it("wraps past +π to the negative side: 3.1 + π/60 − 2π = −3.130825", () => {
    const { world, ship } = soloShip({ angle: 3.1 });
    step(world, { a: Key.Right }, DT);
    expect(ship.angle).toBeCloseTo(-3.130825, 5);
  });

  it("wraps past −π to the positive side: −3.1 − π/60 + 2π = 3.130825", () => {
    const { world, ship } = soloShip({ angle: -3.1 });
    step(world, { a: Key.Left }, DT);
    expect(ship.angle).toBeCloseTo(3.130825, 5);
  });

  it("stays in [−π, π) through two full turns, and a full turn (120 steps) comes back to 0", () => {
    const { world, ship } = soloShip();
    for (let i = 1; i <= 240; i++) {
      step(world, { a: Key.Right }, DT);
      expect(ship.angle).toBeGreaterThanOrEqual(-Math.PI);
      expect(ship.angle).toBeLessThan(Math.PI);
      if (i === 120) expect(ship.angle).toBeCloseTo(0, 4);
    }
  });
});

describe("charging and firing", () => {
  it("charge grows 3/s while Fire is held (0.05 per step) and caps at 1; nothing fires meanwhile", () => {
    const { world, ship } = soloShip();
    step(world, { a: Key.Fire }, DT);
    expect(ship.charge).toBeCloseTo(0.05, 6);
    expect(ship.charging).toBe(true);
    run(world, { a: Key.Fire }, 9);
    expect(ship.charge).toBeCloseTo(0.5, 5);
    run(world, { a: Key.Fire }, 10);
    expect(ship.charge).toBeCloseTo(1, 5);
    run(world, { a: Key.Fire }, 10);
    expect(ship.charge).toBe(1);
    expect(world.bullets).toHaveLength(0);
  });

  it("release fires one bullet from the nose at 640 px/s, radius 3 + 4 × 0.5 = 5, life 1.25 s", () => {
    const { world, ship } = soloShip({ x: 480, y: 270 });
    run(world, { a: Key.Fire }, 10); // charge 0.5
    const id = world.nextId;
    step(world, {}, DT);
    expect(world.bullets).toHaveLength(1);
    const bullet = world.bullets[0]!;
    // Nose at ship space (32, 0): 480 + 32 = 512. The ship is at rest, so vx = 640.
    expect(bullet).toMatchObject({ id, owner: "a", y: 270, vy: 0, life: BULLET_LIFETIME });
    expect(bullet.x).toBeCloseTo(512, 6);
    expect(bullet.vx).toBeCloseTo(BULLET_SPEED, 6);
    expect(bullet.radius).toBeCloseTo(BULLET_BASE_RADIUS + BULLET_CHARGE_RADIUS * 0.5, 5);
    expect(world.events).toContainEqual({ kind: "shot", shipId: "a", bulletId: id, charge: expect.closeTo(0.5, 5) });
    expect(world.nextId).toBe(id + 1);
    expect(ship).toMatchObject({ charge: 0, charging: false, cooldown: SHOT_COOLDOWN });
  });

  it("a tap (Fire for one step) fires a bullet of radius 3 + 4 × 0.05 = 3.2", () => {
    const { world } = soloShip();
    step(world, { a: Key.Fire }, DT);
    step(world, {}, DT);
    expect(world.bullets[0]!.radius).toBeCloseTo(3.2, 5);
  });

  it("adds the ship's velocity and follows the heading: at π/2 moving +x at 30 px/s", () => {
    // This step: vx = 30 × 0.99 = 29.7, x = 480 + 29.7/60 = 480.495. Nose = (x, 270 + 32).
    // Bullet velocity = (29.7, 0) + 640 × (cos π/2, sin π/2) = (29.7, 640).
    const { world } = soloShip({ angle: Math.PI / 2, vx: 30, charging: true, charge: 0.25 });
    step(world, {}, DT);
    const bullet = world.bullets[0]!;
    expect(bullet.x).toBeCloseTo(480.495, 4);
    expect(bullet.y).toBeCloseTo(302, 4);
    expect(bullet.vx).toBeCloseTo(29.7, 4);
    expect(bullet.vy).toBeCloseTo(640, 4);
    expect(bullet.radius).toBeCloseTo(4, 6);
  });

  it("a bullet flies straight at 640/60 px per step and vanishes after 75 steps (1.25 s)", () => {
    const { world } = soloShip({ x: 480, y: 100 });
    step(world, { a: Key.Fire }, DT);
    step(world, {}, DT); // fired at x = 512, not moved yet
    run(world, {}, 74);
    // 512 + 74 × 32/3 = 1301.33 → wraps to 341.33; life 1.25 − 74/60 = 1/60
    const bullet = world.bullets[0]!;
    expect(bullet.x).toBeCloseTo(341.333, 3);
    expect(bullet.y).toBe(100);
    expect(bullet.life).toBeCloseTo(1 / 60, 9);
    step(world, {}, DT);
    expect(world.bullets).toHaveLength(0);
  });
});

describe("cooldown", () => {
  /** A world where ship "a" has just fired (its cooldown is SHOT_COOLDOWN = 0.2 s = 12 steps). */
  function justFired(): { world: World; ship: Ship } {
    const setup = soloShip({ charging: true, charge: 0 });
    step(setup.world, {}, DT);
    expect(setup.world.bullets).toHaveLength(1);
    return setup;
  }

  it("a release 2 steps after a shot fires nothing and drops the charge", () => {
    const { world, ship } = justFired();
    step(world, { a: Key.Fire }, DT);
    step(world, {}, DT);
    expect(world.bullets).toHaveLength(1);
    expect(world.events.filter((event) => event.kind === "shot")).toHaveLength(0);
    expect(ship).toMatchObject({ charge: 0, charging: false });
  });

  it("a release 11 steps after a shot is still too soon", () => {
    const { world } = justFired();
    run(world, { a: Key.Fire }, 10);
    step(world, {}, DT);
    expect(world.bullets).toHaveLength(1);
  });

  it("a release exactly 12 steps (0.2 s) after a shot fires", () => {
    const { world, ship } = justFired();
    run(world, { a: Key.Fire }, 11);
    step(world, {}, DT);
    expect(world.bullets).toHaveLength(2);
    expect(ship.cooldown).toBe(SHOT_COOLDOWN);
  });

  it(`no more than ${MAX_BULLETS_PER_SHIP} bullets of one ship fly at once`, () => {
    const { world } = soloShip({ charging: true });
    for (let i = 0; i < MAX_BULLETS_PER_SHIP; i++) putBullet(world, "a", { x: 10 + i, y: 10 });
    step(world, {}, DT);
    expect(world.bullets).toHaveLength(MAX_BULLETS_PER_SHIP);
    world.bullets.pop();
    step(world, { a: Key.Fire }, DT);
    step(world, {}, DT);
    expect(world.bullets).toHaveLength(MAX_BULLETS_PER_SHIP);
    expect(world.bullets.at(-1)!.x).toBeCloseTo(512, 4);
  });
});
