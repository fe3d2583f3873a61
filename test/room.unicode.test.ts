/**
 * Finding 2 of the attacker's probe: a name of lone surrogates passed cleaning, and
 * @colyseus/schema sized each one at 3 bytes but wrote 4, so every field after it was
 * misread by every other client. Names reaching the state must be valid Unicode.
 */
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { ROOM_NAME } from "../shared/net/messages";
import { useGameServer, waitFor } from "./support/gameServer";

const server = useGameServer();

/** True when `text` has no lone surrogate and no noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF). */
function isValidText(text: string): boolean {
  return !/[\p{Cs}\p{Noncharacter_Code_Point}]/u.test(text);
}

test("a name of lone surrogates and noncharacters cannot corrupt other clients' state: every client decodes the ship intact", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const early = await server().connectTo(room, { name: "Early", color: "#112233" });
  const attacker = await server().connectTo(room, { name: "\uD800\u20AC".repeat(8), color: "#abcdef" });
  const odd = await server().connectTo(room, { name: "a\uDC00b\uFFFEc\uFDD0d\u{10FFFF}", color: "#445566" });
  const late = await server().connectTo(room, { name: "Late", color: "#778899" });

  const serverName = room.state.players.get(attacker.sessionId)?.name ?? "";
  expect(isValidText(serverName)).toBe(true);
  expect(serverName).toBe("€€€€€€€€");
  expect(room.state.players.get(odd.sessionId)?.name).toBe("abcd");

  for (const watcher of [early, late]) {
    const intact = () => {
      const ship = watcher.state.players.get(attacker.sessionId);
      const after = watcher.state.players.get(odd.sessionId);
      return (
        ship?.alive === true &&
        ship.color === "#abcdef" &&
        ship.name === serverName &&
        after?.alive === true &&
        after.color === "#445566" &&
        after.name === "abcd"
      );
    };
    expect(await waitFor(intact, 3000)).toBe(true);
    expect(await waitFor(() => watcher.state.players.get(late.sessionId)?.name === "Late", 3000)).toBe(true);
    expect(watcher.state.players.get(early.sessionId)?.color).toBe("#112233");
  }
});

test("a room name is cleaned the same way", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { roomName: "Ar\uD800ena\uFFFF" });
  expect(room.metadata.roomName).toBe("Arena");
});
