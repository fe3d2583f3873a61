import { LARGEST_WORLD } from "../shared/sim/worldSize";
import { EntityTracker } from "./EntityTracker";

const pose = (x: number, y = 100) => ({ x, y, angle: 0 });

describe("EntityTracker", () => {
  it("a new object given a birth is drawn from it (a bullet from its launch), and the birth is used only once", () => {
    const tracker = new EntityTracker<{ x: number; y: number; angle: number }>();
    const birthOf = (id: string) => (id === "b" ? { t: 20, value: pose(40) } : undefined);
    tracker.record(50, [["b", pose(100)]], birthOf);
    expect(tracker.idsAt(20)).toEqual(["b"]);
    expect(tracker.sample("b", 20, LARGEST_WORLD)?.x).toBe(40);
    expect(tracker.sample("b", 35, LARGEST_WORLD)?.x).toBeCloseTo(70, 9);
    tracker.record(100, [["b", pose(200)]], () => ({ t: 60, value: pose(0) }));
    expect(tracker.sample("b", 75, LARGEST_WORLD)?.x).toBeCloseTo(150, 9);
  });

  it("interpolates an object between patches, across a large field's wrap", () => {
    const tracker = new EntityTracker<{ x: number; y: number; angle: number }>();
    tracker.record(0, [["a", pose(LARGEST_WORLD.width - 10)]]);
    tracker.record(50, [["a", pose(10)]]);
    expect(tracker.sample("a", 25, LARGEST_WORLD)?.x).toBeCloseTo(0, 9);
  });

  it("an object that left the view and comes back starts afresh where it is: no slide from where it left", () => {
    const tracker = new EntityTracker<{ x: number; y: number; angle: number }>();
    tracker.record(0, [["a", pose(100)]]);
    tracker.record(50, [["a", pose(110)]]);
    tracker.record(100, []); // out of view
    tracker.record(150, [["a", pose(140)]]); // back, 30 px on, before the render time reached its leaving
    // Drawn at its new place at once, not lerped from 110 (which a reused buffer would do).
    expect(tracker.sample("a", 120, LARGEST_WORLD)?.x).toBe(140);
    tracker.record(200, [["a", pose(150)]]);
    expect(tracker.sample("a", 175, LARGEST_WORLD)?.x).toBeCloseTo(145, 9);
  });

  it("an object entering the view is held at its first pose until the render time reaches it, then moves on", () => {
    const tracker = new EntityTracker<{ x: number; y: number; angle: number }>();
    tracker.record(1000, [["b", pose(500)]]);
    expect(tracker.idsAt(900)).toEqual(["b"]);
    expect(tracker.sample("b", 900, LARGEST_WORLD)?.x).toBe(500);
    tracker.record(1050, [["b", pose(520)]]);
    expect(tracker.sample("b", 1025, LARGEST_WORLD)?.x).toBeCloseTo(510, 9);
  });
});
