import { Key } from "../shared/sim/input";
import { ONE_SCREEN } from "../shared/sim/worldSize";
import { CHARGE_MS, createMind, nearestTarget, think, type BotSight } from "./botBrain";

const self = { x: 100, y: 100, angle: 0, alive: true };

describe("nearestTarget", () => {
  it("picks the closest living ship, across the wrapped edges", () => {
    const others = [
      { x: 400, y: 100, alive: true },
      { x: 900, y: 100, alive: true }, // 160 px away through the left edge
      { x: 110, y: 100, alive: false },
    ];
    expect(nearestTarget(self, others, ONE_SCREEN)).toEqual({ x: -160, y: 0 });
    expect(nearestTarget(self, [], ONE_SCREEN)).toBeUndefined();
  });
});

describe("think", () => {
  it("turns toward the target and closes in when far", () => {
    const mind = createMind(1);
    const keys = think(mind, { self, others: [{ x: 400, y: 300, alive: true }], size: ONE_SCREEN }, 0);
    expect(keys & Key.Right).toBe(Key.Right); // the target is down-right: +y is clockwise on screen
    expect(keys & Key.Left).toBe(0);
    expect(keys & Key.Up).toBe(Key.Up);
  });

  it("charges once aimed and releases after a bounded charge time", () => {
    const mind = createMind(7);
    const sight: BotSight = { self, others: [{ x: 160, y: 100, alive: true }], size: ONE_SCREEN };
    expect(think(mind, sight, 0) & Key.Fire).toBe(Key.Fire);
    const releaseAt = mind.releaseAt!;
    expect(releaseAt).toBeGreaterThanOrEqual(CHARGE_MS.min);
    expect(releaseAt).toBeLessThan(CHARGE_MS.max);
    expect(think(mind, sight, releaseAt - 1) & Key.Fire).toBe(Key.Fire);
    expect(think(mind, sight, releaseAt) & Key.Fire).toBe(0);
  });

  it("changes keys a few times per second at most, like a person", () => {
    const mind = createMind(3);
    let changes = 0;
    let previous = 0;
    let angle = 0;
    let lastChangeAt = -Infinity;
    let minGap = Infinity;
    // Ten seconds at 60 Hz against a target circling the bot.
    for (let frame = 0; frame < 600; frame++) {
      const t = frame * (1000 / 60);
      const target = { x: 480 + 200 * Math.cos(t / 700), y: 270 + 200 * Math.sin(t / 700), alive: true };
      const keys = think(mind, { self: { x: 480, y: 270, angle, alive: true }, others: [target], size: ONE_SCREEN }, t);
      angle += (((keys & Key.Right ? 1 : 0) - (keys & Key.Left ? 1 : 0)) * Math.PI) / 60;
      if (keys !== previous) {
        changes++;
        minGap = Math.min(minGap, t - lastChangeAt);
        lastChangeAt = t;
      }
      previous = keys;
    }
    // "A few per second": between 1 and 7 key changes a second (a decision every 150–450 ms, plus releases).
    expect(changes).toBeGreaterThanOrEqual(10);
    expect(changes).toBeLessThanOrEqual(70);
    // Not frame-by-frame jitter: changes are at least a few frames apart.
    expect(minGap).toBeGreaterThanOrEqual(3 * (1000 / 60));
  });

  it("lets go of every key while dead, and is deterministic for a seed", () => {
    const dead = createMind(5);
    expect(think(dead, { self: { ...self, alive: false }, others: [], size: ONE_SCREEN }, 0)).toBe(0);
    const run = (seed: number) => {
      const mind = createMind(seed);
      return Array.from({ length: 50 }, (_, i) => think(mind, { self, others: [], size: ONE_SCREEN }, i * 100));
    };
    expect(run(11)).toEqual(run(11));
    expect(run(11)).not.toEqual(run(12));
  });
});
