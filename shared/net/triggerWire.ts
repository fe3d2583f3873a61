/**
 * A ship's trigger (charge and cooldown) as its owner is sent it, so the owner's client can
 * replay its trigger exactly, as it replays its motion, and predict its shots. Both timers
 * only ever move by whole steps from a fixed start (charge up from 0 while Space is held,
 * cooldown down from SHOT_COOLDOWN), so each value is one of a few dozen, and a step count
 * names it exactly: the public charge level (a byte) already does for the charge, and one
 * owner-only byte does for the cooldown.
 */
import { SHOT_COOLDOWN, TICK_DT } from "../constants";
import { Key } from "../sim/input";
import { newShip } from "../sim/lifecycle";
import { quantizeShip, triggerShip } from "../sim/ship";
import type { Ship } from "../sim/world";
import { encodeCharge } from "./wire";
import { ONE_SCREEN } from "../sim/worldSize";

/** Every value the timer takes, from its start, stepping `advance` until it stops changing. */
function valuesOf(start: Partial<Ship>, keys: number): number[] {
  const ship: Ship = { ...newShip("trigger"), ...start };
  const read = (): number => (keys === 0 ? ship.cooldown : ship.charge);
  const values = [read()];
  for (;;) {
    triggerShip(ship, keys, TICK_DT, 0, true, ONE_SCREEN);
    quantizeShip(ship);
    if (read() === values[values.length - 1]) return values;
    values.push(read());
  }
}

let charges: number[] | undefined;
let cooldowns: number[] | undefined;

/** Charges after 0, 1, 2… steps of Space held, as the simulation computes them. */
function chargeValues(): number[] {
  return (charges ??= valuesOf({}, Key.Fire));
}

/** Cooldowns after 0, 1, 2… steps since a shot, down to 0. */
function cooldownValues(): number[] {
  return (cooldowns ??= valuesOf({ cooldown: SHOT_COOLDOWN }, 0));
}

/** The cooldown in whole steps left: one byte for the owner. */
export function encodeCooldown(cooldown: number): number {
  return Math.round(cooldown / TICK_DT);
}

/** The trigger state the simulation had, from the public charge level and the owner's cooldown byte. */
export function decodeTrigger(chargeLevel: number, cooldownSteps: number): Pick<Ship, "charge" | "charging" | "cooldown"> {
  const charge = chargeValues().find((value) => encodeCharge(value) === chargeLevel) ?? 0;
  const cooldown = cooldownValues().find((value) => encodeCooldown(value) === cooldownSteps) ?? 0;
  // Holding Space adds charge from the first step, and releasing it clears both.
  return { charge, charging: charge > 0, cooldown };
}
