import { closeReason } from "./closeReason";

test("a shutdown, a flood, junk and a backlog each get their own words; other codes are shown as they are", () => {
  expect(closeReason(4001)).toMatch(/restarting/);
  expect(closeReason(4429)).toMatch(/too many messages/);
  expect(closeReason(4400)).toMatch(/does not understand/);
  expect(closeReason(4408)).toMatch(/fell too far behind/);
  expect(closeReason(1006)).toBe("The game ended: connection closed (code 1006).");
});
