/** Lag compensation through the real room: the seen tick a client sends decides how far its shots rewind. */
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { rewindBoundTicks } from "../server/rooms/RoundTrips";
import { MAX_REWIND_TICKS } from "../shared/constants";
import { Key } from "../shared/sim/input";
import { ClientMessage, ROOM_NAME } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { clearField, placeShip } from "./support/arena";
import { sleep, waitFor, useGameServer } from "./support/gameServer";

const server = useGameServer();

/** Charges, then releases with `seen` (undefined = none); returns the rewind of the bullet the server launched. */
async function shotRewind(seenBehind: number | undefined): Promise<number> {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, { seed: 2 });
  const shooter = await server().connectTo(room, { name: "shooter" });
  clearField(room);
  placeShip(room, shooter.sessionId, { x: 100, y: 100 });
  // Let the room run past the cap (30 steps) so "far behind" is not clipped at tick 0.
  expect(await waitFor(() => (shooter.state as GameState).tick > 2 * MAX_REWIND_TICKS)).toBe(true);
  const tick = () => (shooter.state as GameState).tick;
  const seen = () => (seenBehind === undefined ? {} : { seen: Math.max(0, tick() - seenBehind) });
  // Pressed at step 1, released at step 7 (100 ms later), as the client makes its steps.
  shooter.send(ClientMessage.Input, { upTo: 1, runs: [[1, Key.Fire]], ...seen() });
  await sleep(100);
  shooter.send(ClientMessage.Input, { upTo: 7, runs: [[7, 0]], ...seen() });
  expect(await waitFor(() => room.world.bullets.length === 1)).toBe(true);
  return room.world.bullets[0]!.rewind;
}

test("a shot made looking 10 steps behind rewinds at least that far (plus the trip up), within the cap", async () => {
  const rewind = await shotRewind(10);
  expect(rewind).toBeGreaterThanOrEqual(10);
  expect(rewind).toBeLessThanOrEqual(MAX_REWIND_TICKS);
});

test("a client claiming to look far into the past is held to what its measured round trip allows, under the cap", async () => {
  // This client never echoes the room's round-trip probes: a zero round trip, the base interpolation delay and the tolerance.
  expect(await shotRewind(100_000)).toBe(rewindBoundTicks([]));
  expect(rewindBoundTicks([])).toBeLessThan(MAX_REWIND_TICKS);
});

test("without a seen tick, shots are judged in the present", async () => {
  expect(await shotRewind(undefined)).toBe(0);
});
