import { KeptOpenRooms, type KeptOpenRoom } from "./KeptOpenRooms";
import { RoomCaps, type RoomCensus } from "./RoomCaps";

/** A stand-in for a room left empty with seats kept: it says when it was closed. */
function emptiedRoom(holders: string[]): KeptOpenRoom & { closed: boolean } {
  const room = {
    holders,
    closed: false,
    isOpen: () => !room.closed,
    close: () => {
      room.closed = true;
    },
  };
  return room;
}

/** A census over a set of empty rooms the test controls (closing a kept room takes it out, as the driver does). */
function censusOf(empty: () => number): RoomCensus {
  return {
    emptyRoomCount: async () => empty(),
    playersIn: async (roomIds) => new Map(roomIds.map((roomId) => [roomId, 0])),
  };
}

test("an address holds at most perAddress kept-open rooms: past it, a room it empties is not kept", () => {
  const kept = new KeptOpenRooms();
  kept.configure({ perAddress: 2, includeLoopback: true });
  const rooms = [1, 2, 3].map(() => emptiedRoom(["203.0.113.9"]));
  expect(rooms.map((room, i) => kept.keep(`r${i}`, room))).toEqual([true, true, false]);
  expect(kept.heldBy("203.0.113.9")).toBe(2);
  // A room one of them leaves behind for good (its window ran out, or it closed) frees a place.
  rooms[0]!.closed = true;
  expect(kept.keep("r3", emptiedRoom(["203.0.113.9"]))).toBe(true);
});

test("a room is kept when any holder is under its cap; unknown and (by default) loopback holders are never over", () => {
  const kept = new KeptOpenRooms();
  kept.configure({ perAddress: 1 });
  expect(kept.keep("a", emptiedRoom(["198.51.100.1"]))).toBe(true);
  expect(kept.keep("b", emptiedRoom(["198.51.100.1"]))).toBe(false);
  expect(kept.keep("c", emptiedRoom(["198.51.100.1", "198.51.100.2"]))).toBe(true);
  expect(kept.keep("d", emptiedRoom([""]))).toBe(true);
  expect(kept.keep("e", emptiedRoom(["127.0.0.1"]))).toBe(true);
  expect(kept.keep("f", emptiedRoom(["127.0.0.1"]))).toBe(true);
  expect(kept.keep("g", emptiedRoom([]))).toBe(false);
  // With no caps configured every room with a seat is kept.
  kept.configure(undefined);
  expect(kept.keep("h", emptiedRoom(["198.51.100.1"]))).toBe(true);
});

test("closeOldest closes the rooms emptied first, skips those gone already, and a released room is not closed", () => {
  const kept = new KeptOpenRooms();
  const rooms = [0, 1, 2, 3].map((i) => emptiedRoom([`192.0.2.${i}`]));
  rooms.forEach((room, i) => kept.keep(`r${i}`, room));
  rooms[0]!.closed = true; // gone on its own
  kept.release("r1"); // a player came back
  // Kept again later: it goes to the back of the line.
  kept.keep("r2", rooms[2]!);
  expect(kept.closeOldest(1)).toBe(1);
  expect(rooms.map((room) => room.closed)).toEqual([true, false, false, true]);
  expect(kept.closeOldest(5)).toBe(1);
  expect(rooms[2]!.closed).toBe(true);
  expect(kept.size).toBe(0);
});

test("release with a record removes only that record, not a newer one for the same room", () => {
  const kept = new KeptOpenRooms();
  const first = emptiedRoom(["192.0.2.1"]);
  const second = emptiedRoom(["192.0.2.1"]);
  kept.keep("r", first);
  kept.keep("r", second);
  kept.release("r", first);
  expect(kept.has("r")).toBe(true);
  kept.release("r", second);
  expect(kept.has("r")).toBe(false);
});

describe("RoomCaps with rooms kept open for rejoins", () => {
  test("at the total, a create from another address closes the oldest kept-open room instead of being refused", async () => {
    const kept = new KeptOpenRooms();
    kept.configure({ perAddress: 3 });
    const keptRooms = [0, 1, 2].map(() => emptiedRoom(["203.0.113.66"]));
    keptRooms.forEach((room, i) => kept.keep(`kept${i}`, room));
    // Two rooms nobody entered yet plus the three kept ones: the total of 5 is reached. Rooms made here count too.
    let made = 0;
    const empty = () => 2 + made + keptRooms.filter((room) => !room.closed).length;
    const caps = new RoomCaps({ perAddress: 3, total: 5 }, censusOf(empty), kept);

    const first = await caps.admit("198.51.100.20");
    expect(first.admitted).toBe(true);
    expect(keptRooms.map((room) => room.closed)).toEqual([true, false, false]);
    made++;
    if (first.admitted) first.finish("new-1");
    const second = await caps.admit("198.51.100.21");
    expect(second.admitted).toBe(true);
    expect(keptRooms.map((room) => room.closed)).toEqual([true, true, false]);
  });

  test("with no kept-open room left to close, the total still refuses", async () => {
    const kept = new KeptOpenRooms();
    const caps = new RoomCaps(
      { perAddress: 3, total: 2 },
      censusOf(() => 2),
      kept,
    );
    const answer = await caps.admit("198.51.100.30");
    expect(answer.admitted).toBe(false);
    if (!answer.admitted) expect(answer.problem).toMatch(/rooms waiting for players/);
  });

  test("kept-open rooms count against the address holding them: it may not create past perAddress", async () => {
    const kept = new KeptOpenRooms();
    kept.configure({ perAddress: 2 });
    const caps = new RoomCaps(
      { perAddress: 2, total: 30 },
      censusOf(() => 2),
      kept,
    );
    kept.keep("k0", emptiedRoom(["203.0.113.5"]));
    kept.keep("k1", emptiedRoom(["203.0.113.5"]));
    const refused = await caps.admit("203.0.113.5");
    expect(refused.admitted).toBe(false);
    if (!refused.admitted) expect(refused.problem).toMatch(/2 of them kept open for your return/);
    // Another address is not held back by them.
    expect((await caps.admit("203.0.113.6")).admitted).toBe(true);
  });

  test("a room created, entered and kept open counts once (as kept), not also as not entered", async () => {
    const kept = new KeptOpenRooms();
    kept.configure({ perAddress: 2 });
    const caps = new RoomCaps(
      { perAddress: 2, total: 30 },
      censusOf(() => 1),
      kept,
    );
    const made = await caps.admit("203.0.113.8");
    if (made.admitted) made.finish("room-a");
    // Its creator entered it, left with `away`, and it is kept open: the census still sees no player in it.
    kept.keep("room-a", emptiedRoom(["203.0.113.8"]));
    expect((await caps.admit("203.0.113.8")).admitted).toBe(true);
  });
});
