import { RoomCaps, roomCapsFromEnv, type RoomCensus } from "./RoomCaps";

/** A census that answers after a real delay, as Colyseus's Redis driver does: requests overlap while it is awaited. */
function slowCensus(emptyRooms: () => number, delayMs = 5): RoomCensus {
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), delayMs));
  return {
    emptyRoomCount: () => later(emptyRooms()),
    playersIn: (roomIds) => later(new Map(roomIds.map((roomId) => [roomId, 0]))),
  };
}

test("a burst of concurrent creates from one address cannot pass the check together", async () => {
  const caps = new RoomCaps(
    { perAddress: 3, total: 20 },
    slowCensus(() => 0),
  );
  // One room made already: each check then awaits the census twice, so the burst's checks overlap.
  const first = await caps.admit("203.0.113.7");
  if (first.admitted) first.finish("room0");
  const answers = await Promise.all(Array.from({ length: 8 }, () => caps.admit("203.0.113.7")));
  expect(answers.filter((answer) => answer.admitted)).toHaveLength(2);
});

test("the total holds under a burst from many addresses, and a finished creation counts through the census", async () => {
  let empty = 0;
  const caps = new RoomCaps(
    { perAddress: 3, total: 4 },
    slowCensus(() => empty),
  );
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => caps.admit(`198.51.100.${i + 1}`)));
  const admitted = answers.filter((answer) => answer.admitted);
  expect(admitted).toHaveLength(4);
  // The four rooms now exist and are empty: the census counts them once their creations finish.
  empty = 4;
  admitted.forEach((answer, i) => answer.admitted && answer.finish(`room${i}`));
  expect((await caps.admit("192.0.2.1")).admitted).toBe(false);
  empty = 3;
  expect((await caps.admit("192.0.2.1")).admitted).toBe(true);
});

test("a refused creation lets go of its place; loopback counts only toward the total", async () => {
  const caps = new RoomCaps(
    { perAddress: 1, total: 2 },
    slowCensus(() => 0),
  );
  const first = await caps.admit("127.0.0.1");
  const second = await caps.admit("127.0.0.1");
  expect([first.admitted, second.admitted]).toEqual([true, true]);
  expect((await caps.admit("127.0.0.1")).admitted).toBe(false);
  if (first.admitted) first.finish(undefined);
  expect((await caps.admit("127.0.0.1")).admitted).toBe(true);
});

test("ROOM_CAPS: default, off, perAddress/total, and a clear error otherwise", () => {
  expect(roomCapsFromEnv(undefined)).toEqual({ perAddress: 3, total: 30 });
  expect(roomCapsFromEnv("off")).toBeUndefined();
  expect(roomCapsFromEnv("2/20")).toEqual({ perAddress: 2, total: 20 });
  for (const bad of ["0/5", "5", "x/y", "3/0"]) expect(() => roomCapsFromEnv(bad)).toThrow(/ROOM_CAPS/);
});
