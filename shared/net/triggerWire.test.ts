import { SHOT_COOLDOWN, TICK_DT } from "../constants";
import { Key } from "../sim/input";
import { newShip } from "../sim/lifecycle";
import { quantizeShip, triggerShip } from "../sim/ship";
import { decodeTrigger, encodeCooldown } from "./triggerWire";
import { encodeCharge } from "./wire";
import { ONE_SCREEN } from "../sim/worldSize";

test("every trigger state the simulation reaches comes back exactly from the charge level and the cooldown byte", () => {
  const ship = newShip("s");
  const seen: Array<{ charge: number; charging: boolean; cooldown: number }> = [];
  // Charge for 0..30 steps, release (fire or not), then let the cooldown run out step by step.
  for (let held = 0; held <= 30; held++) {
    for (let i = 0; i < held; i++) {
      triggerShip(ship, Key.Fire, TICK_DT, 1, true, ONE_SCREEN);
      quantizeShip(ship);
      seen.push({ charge: ship.charge, charging: ship.charging, cooldown: ship.cooldown });
    }
    for (let i = 0; i < 14; i++) {
      triggerShip(ship, 0, TICK_DT, 1, true, ONE_SCREEN);
      quantizeShip(ship);
      seen.push({ charge: ship.charge, charging: ship.charging, cooldown: ship.cooldown });
    }
  }
  expect(seen.some((state) => state.cooldown === SHOT_COOLDOWN)).toBe(true);
  expect(seen.some((state) => state.charge === 1)).toBe(true);
  for (const state of seen) expect(decodeTrigger(encodeCharge(state.charge), encodeCooldown(state.cooldown))).toEqual(state);
});

test("a cooldown byte fits a uint8 and names distinct cooldowns", () => {
  expect(encodeCooldown(SHOT_COOLDOWN)).toBe(Math.round(SHOT_COOLDOWN / TICK_DT));
  expect(encodeCooldown(0)).toBe(0);
  expect(decodeTrigger(0, 0)).toEqual({ charge: 0, charging: false, cooldown: 0 });
});
