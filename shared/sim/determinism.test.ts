/**
 * step() is a pure function of the world and the inputs: the same seed and the same scripted
 * inputs give the same world, bit for bit, and nothing reads Math.random.
 */
import { Key } from "./input";
import { addShip } from "./lifecycle";
import { createWorld, step } from "./step";
import { DT } from "../../test/support/testWorld";
import { cloneWorld, type InputsByShip, type World } from "./world";

const SHIP_IDS = ["p0", "p1", "p2", "p3"] as const;
const STEPS = 1000;

/** Varied, repeatable key patterns: thrust bursts, reversing, turning both ways, taps and long charges. */
function scriptedInputs(tick: number): InputsByShip {
  const inputs: Record<string, number> = {};
  SHIP_IDS.forEach((id, i) => {
    const phase = (tick + 37 * i) % 240;
    let keys = 0;
    if (phase < 90) keys |= Key.Up;
    if (phase >= 200) keys |= Key.Down;
    if (Math.floor(tick / (16 + 4 * i)) % 3 === 0) keys |= Key.Left;
    else if (Math.floor(tick / (16 + 4 * i)) % 3 === 1) keys |= Key.Right;
    // Ship i holds Fire for 1 + 7i steps out of every 14 + 7i: p0 taps, p3 charges fully.
    if (tick % (14 + 7 * i) < 1 + 7 * i) keys |= Key.Fire;
    inputs[id] = keys;
  });
  return inputs;
}

interface Tally {
  shots: number;
  rocks: number;
  kills: number;
  respawns: number;
}

/** A seeded world with four ships, stepped STEPS times with the script; counts what happened. */
function play(seed: number): { world: World; tally: Tally } {
  const world = createWorld(seed);
  for (const id of SHIP_IDS) addShip(world, id);
  const tally: Tally = { shots: 0, rocks: 0, kills: 0, respawns: 0 };
  for (let tick = 0; tick < STEPS; tick++) {
    step(world, scriptedInputs(tick), DT);
    for (const event of world.events) {
      if (event.kind === "shot") tally.shots++;
      else if (event.kind === "asteroidDestroyed") tally.rocks++;
      else if (event.kind === "shipDestroyed") tally.kills++;
      else tally.respawns++;
    }
  }
  return { world, tally };
}

it("the script exercises the game: shots, rock hits, deaths and respawns all happen", () => {
  const { world, tally } = play(1234);
  expect(world.tick).toBe(STEPS);
  expect(tally.shots).toBeGreaterThan(50);
  expect(tally.rocks).toBeGreaterThan(0);
  expect(tally.kills).toBeGreaterThan(0);
  expect(tally.respawns).toBeGreaterThan(0);
});

it("the same seed and inputs give an identical world after 1,000 steps", () => {
  const first = play(1234).world;
  const second = play(1234).world;
  expect(cloneWorld(second)).toEqual(cloneWorld(first));
  expect(JSON.stringify(second)).toBe(JSON.stringify(first));
});

it("a different seed gives a different world", () => {
  const first = play(1234).world;
  const other = play(4321).world;
  expect(JSON.stringify(other)).not.toBe(JSON.stringify(first));
  expect(other.asteroids).not.toEqual(first.asteroids);
});

it("stepping a clone leaves the original untouched, and the clone follows the original exactly", () => {
  const original = createWorld(99);
  for (const id of SHIP_IDS) addShip(original, id);
  for (let tick = 0; tick < 300; tick++) step(original, scriptedInputs(tick), DT);
  const snapshot = JSON.stringify(original);
  const copy = cloneWorld(original);
  for (let tick = 300; tick < 600; tick++) step(copy, scriptedInputs(tick), DT);
  expect(JSON.stringify(original)).toBe(snapshot);
  for (let tick = 300; tick < 600; tick++) step(original, scriptedInputs(tick), DT);
  expect(copy).toEqual(original);
});

it("creating, joining and stepping never call Math.random", () => {
  const random = jest.spyOn(Math, "random");
  try {
    play(2024);
    expect(random).not.toHaveBeenCalled();
  } finally {
    random.mockRestore();
  }
});
