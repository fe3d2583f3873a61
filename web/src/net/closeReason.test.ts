import { closeReason } from "./closeReason";

test("a shutdown, a flood, junk, a backlog and a lost link each get their own words; other codes are shown with a way back", () => {
  expect(closeReason(4001)).toMatch(/restarting/);
  expect(closeReason(4429)).toMatch(/too many messages/);
  expect(closeReason(4400)).toMatch(/does not understand/);
  expect(closeReason(4408)).toMatch(/fell too far behind/);
  for (const lost of [1001, 1006, 4003]) expect(closeReason(lost)).toMatch(/connection to the server was lost.*Pick a room/);
  expect(closeReason(4002)).toMatch(/error on the server/);
  expect(closeReason(4999)).toBe("The game ended: the connection closed (code 4999). Pick a room to play again.");
});
