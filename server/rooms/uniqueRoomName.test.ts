import { ROOM_NAME_MAX_LENGTH } from "../../shared/constants";
import { uniqueRoomName } from "./uniqueRoomName";

test("a free name is kept; a taken one gets the first free suffix", () => {
  expect(uniqueRoomName("Arena", new Set(["Sector 1"]), 1)).toBe("Arena");
  expect(uniqueRoomName("Arena", new Set(["Arena"]), 1)).toBe("Arena 2");
  expect(uniqueRoomName("Arena", new Set(["Arena", "Arena 2", "Arena 3"]), 1)).toBe("Arena 4");
});

test("a long taken name is cut to make room for its suffix", () => {
  const long = "x".repeat(ROOM_NAME_MAX_LENGTH);
  const named = uniqueRoomName(long, new Set([long]), 1);
  expect(named).toHaveLength(ROOM_NAME_MAX_LENGTH);
  expect(named.endsWith(" 2")).toBe(true);
});

test("an unnamed room is the first free Sector from the process's count on", () => {
  expect(uniqueRoomName(undefined, new Set(), 3)).toBe("Sector 3");
  expect(uniqueRoomName(undefined, new Set(["Sector 3", "Sector 4"]), 3)).toBe("Sector 5");
});
