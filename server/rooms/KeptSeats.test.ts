import { KeptSeats } from "./KeptSeats";

const seat = { name: "Ann", color: "#4fc3f7", score: 3 };

test("a seat left is kept under its token for the window, and taken back once", () => {
  const seats = new KeptSeats(20_000);
  const token = seats.issue("s1");
  expect(seats.holder(token)).toBe("s1");
  seats.keep("s1", seat, 1000);
  expect(seats.holder(token)).toBeUndefined();
  expect(seats.take(token, 15_000)).toEqual(seat);
  expect(seats.take(token, 15_000)).toBeUndefined();
});

test("a seat is no longer kept after the window, and an unknown token takes nothing", () => {
  const seats = new KeptSeats(20_000);
  const token = seats.issue("s1");
  seats.keep("s1", seat, 1000);
  expect(seats.take(token, 21_000)).toBeUndefined();
  expect(seats.take("not-a-token", 1000)).toBeUndefined();
});

test("tokens are secrets: long, and unlike each other", () => {
  const seats = new KeptSeats(20_000);
  const a = seats.issue("s1");
  const b = seats.issue("s2");
  expect(a).not.toBe(b);
  expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
});
