import { describeJoinError, pickQuickPlayRoom } from "./matchmaking";
import type { ListedRoom } from "./LobbyConnection";

const room = (roomId: string, players: number, createdAt = 0, maxClients = 100): ListedRoom => ({
  roomId,
  roomName: roomId,
  players,
  maxClients,
  createdAt,
});

test("quick play picks the fullest room that still has a seat", () => {
  expect(pickQuickPlayRoom([room("a", 3), room("b", 100), room("c", 40), room("d", 12)])?.roomId).toBe("c");
  expect(pickQuickPlayRoom([room("old", 5, 1), room("new", 5, 2)])?.roomId).toBe("old");
  expect(pickQuickPlayRoom([room("full", 100)])).toBeUndefined();
  expect(pickQuickPlayRoom([])).toBeUndefined();
});

test("join errors read as the player's situation", () => {
  expect(describeJoinError(new Error('room "x" is locked'))).toMatch(/full/);
  expect(describeJoinError(new Error("x is already full."))).toMatch(/full/);
  expect(describeJoinError(new Error('room "x" not found'))).toMatch(/gone/);
  expect(describeJoinError(new TypeError("fetch failed"))).toMatch(/unreachable/);
  expect(describeJoinError("weird")).toBe("Could not join: weird");
});
