import { SNAP_DISTANCE } from "../shared/net/netConstants";
import { TICK_DT } from "../shared/constants";
import { Key } from "../shared/sim/input";
import { addShip } from "../shared/sim/lifecycle";
import { createWorld, step } from "../shared/sim/step";
import { decodeTrigger, encodeCooldown } from "../shared/net/triggerWire";
import { encodeCharge } from "../shared/net/wire";
import type { Bullet, Ship, World } from "../shared/sim/world";
import { OwnShipPredictor, type AuthoritativeShip } from "./OwnShipPredictor";

/** Keys a player holds on step `seq`: thrust, turns and a pause, mixed. */
const keysAt = (seq: number) => [Key.Up, Key.Up | Key.Left, Key.Up | Key.Left, 0, Key.Right, Key.Down, Key.Up][seq % 7]!;

function serverWorld(): { world: World; ship: Ship } {
  const world = createWorld(11);
  world.asteroids = [];
  world.refillIn = Infinity;
  const ship = addShip(world, "own");
  return { world, ship };
}

const authoritative = (ship: Ship, ack: number): AuthoritativeShip => ({
  x: ship.x,
  y: ship.y,
  vx: ship.vx,
  vy: ship.vy,
  angle: ship.angle,
  alive: ship.alive,
  // The trigger as the wire carries it: the public charge level and the owner's cooldown byte.
  ...decodeTrigger(encodeCharge(ship.charge), encodeCooldown(ship.cooldown)),
  ack,
});

/** Fire held for 6 steps of every 17, released 1, held 2 more (a release the cooldown refuses), plus motion. */
const shootingKeysAt = (seq: number) => {
  const phase = seq % 17;
  const fire = phase < 6 || phase === 7 || phase === 8 ? Key.Fire : 0;
  return fire | keysAt(seq);
};

test("predicted shots leave at the server's steps, from the server's nose, through replays mid-charge and mid-cooldown", () => {
  const { world, ship } = serverWorld();
  const predictor = new OwnShipPredictor();
  predictor.reconcile(authoritative(ship, 0), TICK_DT);
  const lagSteps = 2;
  const predicted = new Map<number, Bullet>();
  const fired = new Map<number, Bullet>();
  for (let seq = 1; seq <= 300; seq++) {
    const shot = predictor.applyLocal({ seq, keys: shootingKeysAt(seq) }, TICK_DT);
    if (shot) predicted.set(seq, shot);
    const serverSeq = seq - lagSteps;
    if (serverSeq < 1) continue;
    step(world, { own: shootingKeysAt(serverSeq) }, TICK_DT);
    for (const event of world.events)
      if (event.kind === "shot") fired.set(serverSeq, { ...world.bullets.find((b) => b.id === event.bulletId)! });
    // A patch every third step, landing while Space is held, released, or cooling down.
    if (serverSeq % 3 === 0) predictor.reconcile(authoritative(ship, serverSeq), TICK_DT);
  }
  expect(fired.size).toBeGreaterThan(10);
  const pick = ({ x, y, vx, vy, radius }: Bullet) => ({ x, y, vx, vy, radius });
  for (const [seq, bullet] of fired) expect(predicted.has(seq) && pick(predicted.get(seq)!)).toEqual(pick(bullet));
  // Only the last lagSteps steps' shots are not on the server yet; none was predicted that the server refused.
  expect([...predicted.keys()].filter((seq) => seq <= 300 - lagSteps && !fired.has(seq))).toEqual([]);
});

test("replay after an ack reproduces the server's pose exactly", () => {
  const { world, ship } = serverWorld();
  const predictor = new OwnShipPredictor();
  predictor.reconcile(authoritative(ship, 0), TICK_DT);

  // The client runs 40 inputs ahead; the server has applied the first 25 when its patch arrives.
  for (let seq = 1; seq <= 40; seq++) predictor.applyLocal({ seq, keys: keysAt(seq) }, TICK_DT);
  for (let seq = 1; seq <= 25; seq++) step(world, { own: keysAt(seq) }, TICK_DT);
  predictor.reconcile(authoritative(ship, 25), TICK_DT);
  expect(predictor.pendingCount).toBe(15);

  // The server goes on with the same inputs: it ends exactly where the client predicted.
  for (let seq = 26; seq <= 40; seq++) step(world, { own: keysAt(seq) }, TICK_DT);
  const predicted = predictor.predicted!;
  expect({ x: predicted.x, y: predicted.y, vx: predicted.vx, vy: predicted.vy, angle: predicted.angle }).toEqual({
    x: ship.x,
    y: ship.y,
    vx: ship.vx,
    vy: ship.vy,
    angle: ship.angle,
  });
  expect(predictor.lastCorrection).toBe(0);
  expect(predictor.visibleError).toBe(0);
  // The first patch had no prediction to check; the second checked one and found it exact.
  expect([predictor.reconciliations, predictor.correctedPatches]).toEqual([1, 0]);
});

test("a misprediction is corrected smoothly: the drawn ship keeps its place, then the offset fades", () => {
  const { world, ship } = serverWorld();
  const predictor = new OwnShipPredictor();
  predictor.reconcile(authoritative(ship, 0), TICK_DT);
  for (let seq = 1; seq <= 20; seq++) predictor.applyLocal({ seq, keys: Key.Up }, TICK_DT);
  const drawnBefore = predictor.drawnPose(0)!;
  // The server never saw inputs 1–10 (held nothing instead): its ship is behind the prediction.
  for (let seq = 1; seq <= 10; seq++) step(world, { own: 0 }, TICK_DT);
  predictor.reconcile(authoritative(ship, 10), TICK_DT);
  expect(predictor.lastCorrection).toBeGreaterThan(1);
  expect(predictor.lastCorrection).toBeLessThan(SNAP_DISTANCE);
  expect([predictor.reconciliations, predictor.correctedPatches]).toEqual([1, 1]);
  // Right after the correction the ship is drawn where it was; the prediction itself moved.
  const drawnAfter = predictor.drawnPose(0)!;
  expect(drawnAfter.x).toBeCloseTo(drawnBefore.x, 6);
  expect(drawnAfter.y).toBeCloseTo(drawnBefore.y, 6);
  const error = predictor.visibleError;
  predictor.drawnPose(80);
  expect(predictor.visibleError).toBeCloseTo(error * Math.exp(-1), 6);
  predictor.drawnPose(1000);
  expect(predictor.visibleError).toBeLessThan(0.01);
});

test("a jump too large to be a misprediction (respawn) snaps", () => {
  const { ship } = serverWorld();
  const predictor = new OwnShipPredictor();
  predictor.reconcile(authoritative(ship, 0), TICK_DT);
  predictor.reconcile({ ...authoritative(ship, 0), x: (ship.x + 400) % 960 }, TICK_DT);
  expect(predictor.lastCorrection).toBeGreaterThan(SNAP_DISTANCE);
  expect(predictor.visibleError).toBe(0);
});

test("a dead ship is not predicted; inputs up to the ack are forgotten", () => {
  const { ship } = serverWorld();
  const predictor = new OwnShipPredictor();
  predictor.reconcile(authoritative(ship, 0), TICK_DT);
  for (let seq = 1; seq <= 5; seq++) predictor.applyLocal({ seq, keys: Key.Up }, TICK_DT);
  predictor.reconcile({ ...authoritative(ship, 3), alive: false }, TICK_DT);
  expect(predictor.predicted).toBeUndefined();
  expect(predictor.drawnPose(16)).toBeUndefined();
  expect(predictor.pendingCount).toBe(2);
});
