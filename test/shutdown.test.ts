/**
 * Graceful shutdown of a real server process on SIGTERM (the path `npm start` takes):
 * every client is told why and gets the room's last state, the room closes with
 * SERVER_SHUTDOWN, and the process exits cleanly within a few seconds.
 */
import { CloseCode } from "@colyseus/core";
import type { Room as ClientRoom } from "@colyseus/sdk";
import { ROOM_NAME, ServerMessage, type ShutdownNotice } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { waitFor } from "./support/gameServer";
import { startServerProcess, type ServerProcess } from "./support/serverProcess";

jest.setTimeout(60_000);

let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server?.child.stop(1000);
});

test("SIGTERM: clients get a notice and the last tick, the rooms close with 4001, the process exits 0 within a few seconds", async () => {
  const players: ClientRoom<unknown, GameState>[] = [];
  for (const name of ["first", "second", "third"]) {
    const room = await server.sdk().joinOrCreate<GameState>(ROOM_NAME, { name });
    room.reconnection.enabled = false;
    players.push(room as unknown as ClientRoom<unknown, GameState>);
  }
  const notices: ShutdownNotice[] = [];
  const closeCodes: number[] = [];
  for (const room of players) {
    room.onMessage(ServerMessage.Events, () => undefined);
    room.onMessage(ServerMessage.Shutdown, (notice: ShutdownNotice) => notices.push(notice));
    room.onLeave((code) => closeCodes.push(code));
  }
  expect(await waitFor(() => players.every((room) => room.state.players.size === 3 && room.state.tick > 30))).toBe(true);

  const exited = new Promise<{ code: number | null; at: number }>((resolve) => {
    server.child.process.once("exit", (code) => resolve({ code, at: Date.now() }));
  });
  const sentAt = Date.now();
  server.child.process.kill("SIGTERM");
  const { code, at } = await exited;

  expect(code).toBe(0);
  // "Within a few seconds": a liveness bound, generous for a loaded CI machine.
  expect(at - sentAt).toBeLessThan(10_000);
  expect(await waitFor(() => closeCodes.length === 3)).toBe(true);
  expect(closeCodes).toEqual([CloseCode.SERVER_SHUTDOWN, CloseCode.SERVER_SHUTDOWN, CloseCode.SERVER_SHUTDOWN]);
  expect(notices).toHaveLength(3);
  for (const notice of notices) expect(notice.reason).toMatch(/restarting/);
  // The notice follows the room's last patch: every client holds the state of the tick it names.
  for (const room of players) expect(room.state.tick).toBe(notices[0]!.tick);
});
