import { KeptSeats } from "./KeptSeats";

const seat = { name: "Ann", color: "#4fc3f7", score: 3 };

test("a kept seat remembers the address it is held for, until its window runs out", () => {
  const seats = new KeptSeats(20_000);
  seats.issue("s1", "203.0.113.1");
  seats.issue("s2", "203.0.113.1");
  seats.issue("s3", "198.51.100.2");
  seats.issue("s4");
  seats.keep("s1", seat, 1000);
  seats.keep("s2", seat, 2000);
  seats.keep("s4", seat, 3000);
  // s3 is still playing: its seat is not kept, so its address holds nothing.
  expect(seats.holders(5000).sort()).toEqual(["", "203.0.113.1"]);
  expect(seats.holders(22_500)).toEqual([""]);
  expect(seats.holders(23_000)).toEqual([]);
});

test("a seat taken back no longer holds anything for its address", () => {
  const seats = new KeptSeats(20_000);
  const token = seats.issue("s1", "203.0.113.1");
  seats.keep("s1", seat, 1000);
  expect(seats.take(token, 2000)).toEqual(seat);
  expect(seats.holders(2000)).toEqual([]);
});
