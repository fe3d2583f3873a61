import { MAX_INTERPOLATION_DELAY_MS, MIN_INTERPOLATION_DELAY_MS, PATCH_INTERVAL_MS } from "../shared/net/netConstants";
import { targetInterpolationDelay } from "../shared/net/interpolationDelay";
import { adaptInterpolationDelay } from "./interpolationDelay";

test("the target is two patch intervals plus the jitter, within bounds", () => {
  expect(targetInterpolationDelay(0)).toBe(2 * PATCH_INTERVAL_MS);
  expect(targetInterpolationDelay(20)).toBe(2 * PATCH_INTERVAL_MS + 20);
  expect(targetInterpolationDelay(1000)).toBe(MAX_INTERPOLATION_DELAY_MS);
  expect(targetInterpolationDelay(-50)).toBe(MIN_INTERPOLATION_DELAY_MS);
});

test("the delay glides towards the target instead of jumping", () => {
  let delay = 100;
  delay = adaptInterpolationDelay(delay, 40, 16);
  expect(delay).toBeGreaterThan(100);
  expect(delay).toBeLessThan(102);
  for (let i = 0; i < 600; i++) delay = adaptInterpolationDelay(delay, 40, 16);
  expect(delay).toBeCloseTo(140, 3);
});
