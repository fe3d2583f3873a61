import { describeOwnDeath, KILL_FEED_LINES, KILL_FEED_SHOW_MS, KillFeed } from "./killFeed";

const names: Record<string, string> = { a: "Ann", b: "Ben" };
const nameOf = (id: string) => names[id];

function destroyed(shipId: string, killerId: string | null) {
  return { kind: "shipDestroyed" as const, shipId, killerId, x: 0, y: 0 };
}

test("says who destroyed whom, and who hit a rock; a ship that left is 'someone'", () => {
  const feed = new KillFeed();
  feed.record(destroyed("b", "a"), nameOf, 0);
  feed.record(destroyed("a", null), nameOf, 10);
  feed.record(destroyed("b", "gone"), nameOf, 20);
  expect(feed.recent(30)).toEqual(["Ann destroyed Ben", "Ann hit a rock", "someone destroyed Ben"]);
});

test("keeps the newest lines for a while, and each ship's last death for its respawn screen", () => {
  const feed = new KillFeed();
  for (let i = 0; i < KILL_FEED_LINES + 2; i++) feed.record(destroyed("b", i % 2 === 0 ? "a" : null), nameOf, i);
  expect(feed.recent(100)).toHaveLength(KILL_FEED_LINES);
  expect(feed.recent(KILL_FEED_LINES + 2 + KILL_FEED_SHOW_MS)).toEqual([]);
  expect(describeOwnDeath(feed.lastDeathOf("b")!)).toBe("Destroyed by Ann");
  feed.record(destroyed("a", null), nameOf, 0);
  expect(describeOwnDeath(feed.lastDeathOf("a")!)).toBe("You hit a rock");
  expect(feed.lastDeathOf("nobody")).toBeUndefined();
});
