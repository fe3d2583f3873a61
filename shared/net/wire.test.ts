import { TICK_RATE } from "../constants";
import { AsteroidState, BulletState, ShipState } from "./schema";
import {
  asteroidAt,
  bulletAt,
  decodeAngle,
  decodePosition,
  encodeAngle,
  encodeCharge,
  encodePosition,
  POSITION_STEPS_PER_PX,
  readPublicShip,
} from "./wire";
import { LARGEST_WORLD, ONE_SCREEN } from "../sim/worldSize";

describe("fixed-point ship pose", () => {
  it("keeps positions within half a step (under 1/32 px) across the largest field, clamped to it", () => {
    expect(POSITION_STEPS_PER_PX * Math.max(LARGEST_WORLD.width, LARGEST_WORLD.height)).toBeLessThanOrEqual(0xffff);
    for (const px of [0, 0.004, 123.456, 539.99, 959.999, 2159.99, 3839.999]) {
      expect(Math.abs(decodePosition(encodePosition(px)) - px)).toBeLessThanOrEqual(1 / (2 * POSITION_STEPS_PER_PX) + 1e-9);
    }
    expect(1 / (2 * POSITION_STEPS_PER_PX)).toBeLessThan(1 / 32);
    expect(encodePosition(-5)).toBe(0);
    expect(encodePosition(1e6)).toBe(0xffff);
  });

  it("keeps angles within half of 1/256 turn (0.7°) and returns them in [−π, π)", () => {
    for (const radians of [0, 1, -1, Math.PI - 1e-6, -Math.PI, 7, -12.5]) {
      const back = decodeAngle(encodeAngle(radians));
      expect(back).toBeGreaterThanOrEqual(-Math.PI);
      expect(back).toBeLessThan(Math.PI);
      const error = Math.abs(Math.atan2(Math.sin(back - radians), Math.cos(back - radians)));
      expect(error).toBeLessThanOrEqual(Math.PI / 256 + 1e-12);
    }
  });

  it("reads charge and the respawn countdown back", () => {
    const ship = new ShipState();
    ship.chargeLevel = encodeCharge(0.5);
    expect(readPublicShip(ship, 0).charge).toBeCloseTo(0.5, 2);
    ship.alive = false;
    ship.respawnTick = 1000;
    expect(readPublicShip(ship, 1000 - 2 * TICK_RATE).respawnIn).toBeCloseTo(2, 9);
    expect(readPublicShip(ship, 1200).respawnIn).toBe(0);
  });
});

describe("straight-line bodies", () => {
  it("computes a bullet's position at any tick, wrapping at the edges", () => {
    const bullet = Object.assign(new BulletState(), { x: 950, y: 10, vx: 600, vy: -60, tick: 100 });
    expect(bulletAt(bullet, 100, ONE_SCREEN)).toEqual({ x: 950, y: 10 });
    const later = bulletAt(bullet, 100 + TICK_RATE / 2, ONE_SCREEN);
    expect(later.x).toBeCloseTo(950 + 300 - 960, 9);
    expect(later.y).toBeCloseTo(10 - 30 + 540, 9);
  });

  it("computes a rock's position and spin", () => {
    const rock = Object.assign(new AsteroidState(), { x: 100, y: 100, vx: 30, vy: 0, angle: 1, spin: 0.5, tick: 0 });
    const at = asteroidAt(rock, 2 * TICK_RATE, ONE_SCREEN);
    expect(at.x).toBeCloseTo(160, 9);
    expect(at.angle).toBeCloseTo(2, 9);
  });
});
