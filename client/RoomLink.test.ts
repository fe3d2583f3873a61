import type { Room } from "@colyseus/sdk";
import { RoomLink } from "./RoomLink";

/** A stand-in for the SDK room: only the connection RoomLink wraps. */
function fakeRoom() {
  const sent: number[][] = [];
  const connection = {
    send: (data: Uint8Array) => sent.push([...data]),
    events: {} as { onmessage?: ((event: { data: ArrayBuffer }) => unknown) | null },
  };
  return { room: { connection } as unknown as Room, sent };
}

afterEach(() => jest.useRealTimers());

test("a held-back message goes out as it was sent, though the SDK reuses its buffer meanwhile", () => {
  jest.useFakeTimers();
  let clock = 0;
  const { room, sent } = fakeRoom();
  new RoomLink(
    room,
    { latencyMs: 100, jitterMs: 0, spikeChance: 0, spikeMs: 0 },
    () => 0.5,
    () => clock,
  );
  const connection = room.connection as unknown as { send(data: Uint8Array): void };

  // As Room.ping then Room.send do: both encode into the same shared buffer.
  const shared = new Uint8Array(8);
  shared[0] = 18;
  connection.send(shared.subarray(0, 1));
  shared[0] = 13;
  connection.send(shared.subarray(0, 1));
  expect(sent).toEqual([]);

  clock = 50;
  jest.advanceTimersByTime(50);
  expect(sent).toEqual([[18], [13]]);
});

test("messages leave in the order they were sent, whatever their drawn delays", () => {
  jest.useFakeTimers();
  let clock = 0;
  const { room, sent } = fakeRoom();
  // Jitter draws alternate high and low: the second message's own delay is shorter than the first's.
  const draws = [1, 0.9, 0, 0.9, 0.5, 0.9];
  new RoomLink(
    room,
    { latencyMs: 100, jitterMs: 40, spikeChance: 0, spikeMs: 0 },
    () => draws.shift() ?? 0.5,
    () => clock,
  );
  const connection = room.connection as unknown as { send(data: Uint8Array): void };
  connection.send(Uint8Array.of(1)); // due at 90 ms
  connection.send(Uint8Array.of(2)); // drawn 10 ms, held until after the first
  connection.send(Uint8Array.of(3)); // drawn 50 ms, held too
  clock = 60;
  jest.advanceTimersByTime(60);
  expect(sent).toEqual([]);
  clock = 90;
  jest.advanceTimersByTime(30);
  expect(sent).toEqual([[1], [2], [3]]);
});
