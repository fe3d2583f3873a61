/** When the kill-cam plays: from the own ship's death to the respawn, a skip, or the clip's end. */
import type { RenderFrame } from "./frame";
import { drawnShip } from "../test/support/testShips";
import { KillCamDirector } from "./KillCamDirector";

const FRAME_MS = 1000 / 60;

function frame(ownAlive: boolean): RenderFrame {
  return {
    world: { width: 960, height: 540 },
    focus: { x: 500, y: 100 },
    ships: [
      { ...drawnShip("me", 500, 100), isLocal: true, alive: ownAlive },
      { ...drawnShip("killer", 300, 100), name: "Ann" },
    ],
    bullets: [],
    asteroids: [],
    blips: [],
  };
}

const killedBy = (killerId: string | null) => ({ kind: "shipDestroyed", shipId: "me", killerId, bulletId: 1, x: 500, y: 100 }) as const;

/** Plays `frames` frames from `fromMs`, the own ship alive or not; what each returned. */
function play(director: KillCamDirector, fromMs: number, frames: number, ownAlive: boolean) {
  return Array.from({ length: frames }, (_, i) => director.update(frame(ownAlive), [], fromMs + i * FRAME_MS, "me"));
}

test("a death by a ship starts a kill-cam that follows the killer, named, until the own ship is alive again", () => {
  const director = new KillCamDirector();
  expect(play(director, 0, 120, true).every((showing) => showing === undefined)).toBe(true);
  const first = director.update(frame(false), [killedBy("killer")], 2000, "me");
  expect(first).toMatchObject({ followed: "killer", label: "following Ann", started: true });
  expect(first!.shot.frame.ships.find((ship) => ship.isLocal)?.id).toBe("killer");
  const during = play(director, 2000 + FRAME_MS, 60, false);
  expect(during.every((showing) => showing !== undefined && !showing.started)).toBe(true);
  expect(director.shown).toBe(1);
  // Revived: over at once, even with the clip not played through.
  expect(director.update(frame(true), [], 3100, "me")).toBeUndefined();
  expect(director.update(frame(false), [], 3200, "me")).toBeUndefined();
});

test("a death by a rock follows the own ship; a skip ends it until the next death", () => {
  const director = new KillCamDirector();
  play(director, 0, 60, true);
  expect(director.update(frame(false), [killedBy(null)], 1000, "me")).toMatchObject({ followed: "me", label: "your last seconds" });
  director.skip();
  expect(director.update(frame(false), [], 1000 + FRAME_MS, "me")).toBeUndefined();
  play(director, 1100, 60, true);
  expect(director.update(frame(false), [killedBy("killer")], 5000, "me")).toMatchObject({ followed: "killer", started: true });
  expect(director.shown).toBe(2);
});

test("another ship's death starts nothing, and a kill-cam not ended otherwise ends when its clip is over", () => {
  const director = new KillCamDirector();
  play(director, 0, 60, true);
  const otherDeath = { ...killedBy("me"), shipId: "killer" };
  expect(director.update(frame(true), [otherDeath], 1000, "me")).toBeUndefined();
  expect(director.update(frame(false), [killedBy("killer")], 2000, "me")).toBeDefined();
  const after = play(director, 2000, 60 * 10, false);
  expect(after.at(-1)).toBeUndefined();
  expect(after.findIndex((showing) => showing === undefined)).toBeGreaterThan(60);
});
