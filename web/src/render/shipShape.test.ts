import { describe, expect, it } from "@jest/globals";
import {
  CHARGE_FILL_MAX_VERTICES,
  FLAME_BASE,
  FLAME_FLICKER,
  HULL_NOSE_X,
  HULL_TAIL_X,
  HULL_XS,
  HULL_YS,
  PROTECTION_BLINK_MS,
  PROTECTION_DIM_ALPHA,
  chargeFillPolygon,
  flameLength,
  protectionAlpha,
} from "./shipShape";

/** Shoelace formula, absolute. */
function area(xs: Float64Array, ys: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    sum += xs[i]! * ys[j]! - xs[j]! * ys[i]!;
  }
  return Math.abs(sum) / 2;
}

function fill(charge: number): { n: number; xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(CHARGE_FILL_MAX_VERTICES);
  const ys = new Float64Array(CHARGE_FILL_MAX_VERTICES);
  return { n: chargeFillPolygon(charge, xs, ys), xs, ys };
}

const HULL_AREA = area(HULL_XS, HULL_YS, HULL_XS.length);

describe("chargeFillPolygon", () => {
  it("is the SHIP_HULL arrow: tail at −16, nose at 32, area 768 px²", () => {
    expect([HULL_TAIL_X, HULL_NOSE_X]).toEqual([-16, 32]);
    expect(HULL_AREA).toBe(768);
  });

  it.each([0, -0.5, Number.NaN])("fills nothing at charge %p", (charge) => {
    expect(fill(charge).n).toBe(0);
  });

  it.each([1, 1.7])("fills the whole hull at charge %p", (charge) => {
    const { n, xs, ys } = fill(charge);
    expect(n).toBe(3);
    expect(area(xs, ys, n)).toBeCloseTo(HULL_AREA, 9);
  });

  it("fills from the tail to the middle of the length at charge 0.5: a trapezoid cut at x = 8", () => {
    const { n, xs, ys } = fill(0.5);
    expect(n).toBe(4);
    expect(Math.max(...xs.subarray(0, n))).toBeCloseTo(8, 9);
    // The tip beyond the cut is a triangle with half the hull's length, so a quarter of its area.
    expect(area(xs, ys, n)).toBeCloseTo(HULL_AREA * 0.75, 9);
  });

  it("grows strictly with the charge", () => {
    let previous = 0;
    for (let charge = 0.05; charge <= 1; charge += 0.05) {
      const { n, xs, ys } = fill(charge);
      const a = area(xs, ys, n);
      expect(a).toBeGreaterThan(previous);
      previous = a;
    }
  });
});

describe("flameLength and protectionAlpha", () => {
  it("keeps the flame between its base and base + flicker", () => {
    for (let t = 0; t < 2000; t += 7) {
      const length = flameLength(t, 1.3);
      expect(length).toBeGreaterThanOrEqual(FLAME_BASE);
      expect(length).toBeLessThanOrEqual(FLAME_BASE + FLAME_FLICKER);
    }
  });

  it("blinks: bright for half a period, dim for the other half, never invisible", () => {
    expect(protectionAlpha(0)).toBe(1);
    expect(protectionAlpha(PROTECTION_BLINK_MS / 2 + 1)).toBe(PROTECTION_DIM_ALPHA);
    expect(protectionAlpha(PROTECTION_BLINK_MS + 1)).toBe(1);
    expect(PROTECTION_DIM_ALPHA).toBeGreaterThan(0);
  });
});
