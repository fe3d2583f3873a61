import { standingsOf, type ScoreLine } from "./standings";

function line(id: string, score: number): ScoreLine {
  return { id, name: id, color: "#ffffff", score, alive: true, connected: true };
}

test("a room of 40: the ten leaders, then your own row with its rank", () => {
  const lines = Array.from({ length: 40 }, (_, i) => line(`p${String(i).padStart(2, "0")}`, 100 - i));
  const standings = standingsOf(lines, "p27");
  expect(standings.players).toBe(40);
  expect(standings.top.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(standings.top[0]).toMatchObject({ id: "p00", own: false });
  expect(standings.own).toMatchObject({ id: "p27", rank: 28, own: true });
});

test("among the leaders, your row is marked in place and not repeated", () => {
  const standings = standingsOf([line("a", 1), line("b", 5), line("c", 3)], "c");
  expect(standings.top.map((row) => [row.id, row.rank, row.own])).toEqual([
    ["b", 1, false],
    ["c", 2, true],
    ["a", 3, false],
  ]);
  expect(standings.own).toBeUndefined();
});

test("equal scores are ordered by name; an unknown own id shows no own row", () => {
  const standings = standingsOf([line("zed", 2), line("amy", 2)], "nobody", 1);
  expect(standings.top.map((row) => row.id)).toEqual(["amy"]);
  expect(standings.own).toBeUndefined();
});
