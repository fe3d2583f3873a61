/**
 * Clients that stop reading (security finding 7). The heartbeat used to count any pong,
 * so a client that never read but sent unsolicited pongs stayed connected while the
 * server queued its patches; and nothing capped a socket's unsent bytes. Now only a pong
 * echoing the outstanding ping's random payload counts, and a socket whose unsent bytes
 * pass the cap is closed, its later sends dropped. An honest player in the same room
 * plays on.
 */
import type { Room as ClientRoom } from "@colyseus/sdk";
import WebSocket from "ws";
import { parsePromText, promValue } from "../server/metrics/promText";
import { serverMetrics } from "../server/metrics/ServerMetrics";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { ROOM_NAME, ServerMessage } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { useGameServer, waitFor } from "./support/gameServer";
import { bytesWrittenTo, sdkSocketOf, serverSocketOf } from "./support/rawSockets";

const server = useGameServer();

const SLOW_READERS = 10;
/** How often each slow reader sends an unsolicited pong, ms. */
const PONG_EVERY_MS = 500;
/**
 * The heartbeat (a ping every 3 s, a cut after 2 unanswered) drops a client that does not read in 6–9 s; this
 * leaves room for a loaded machine.
 */
const DROP_WAIT_MS = 15_000;
/** Frames the backlog test pushes at a client that does not read: 64 KB each, 64 MB at most, far past any socket buffer. */
const BIG_FRAME_BYTES = 64 * 1024;
const MAX_BIG_FRAMES = 1000;

/** A player that reads everything and counts the patches it gets. */
async function honestPlayer(room: AsteroidsRoom): Promise<{ client: ClientRoom<unknown, GameState>; patches: () => number }> {
  const client = (await server().connectTo(room, { name: "honest" })) as unknown as ClientRoom<unknown, GameState>;
  client.onMessage(ServerMessage.Events, () => undefined);
  let patches = 0;
  client.onStateChange(() => patches++);
  return { client, patches: () => patches };
}

/** A player whose socket no longer reads: what the server sends stays in the socket buffers. */
async function stalledPlayer(room: AsteroidsRoom, name: string): Promise<{ client: ClientRoom; socket: WebSocket; serverSide: WebSocket }> {
  const client = (await server().connectTo(room, { name })) as unknown as ClientRoom;
  client.onMessage(ServerMessage.Events, () => undefined);
  // A socket the server cut stays cut: the SDK's automatic reconnection would be another connection.
  client.reconnection.enabled = false;
  const socket = sdkSocketOf(client);
  socket.pause();
  return { client, socket, serverSide: serverSocketOf(room, client.sessionId) };
}

/**
 * Takes a dropped player's held seat back and leaves with consent. The room holds the seat
 * for RECONNECT_WINDOW seconds, and Colyseus does not clear that timer when the room is
 * disposed: jest would wait for it after the last test.
 */
async function releaseSeat(client: ClientRoom): Promise<void> {
  const back = await server().sdk.reconnect(client.reconnectionToken);
  back.onMessage(ServerMessage.Events, () => undefined);
  await back.leave(true);
}

async function expelledFor(reason: string): Promise<number> {
  const { body } = await serverMetrics.exposition();
  return promValue(parsePromText(body), "netroids_clients_expelled_total", { reason }) ?? 0;
}

test("clients that never read but send unsolicited pongs are disconnected; an honest player keeps getting patches", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const honest = await honestPlayer(room);
  const honestServerSide = serverSocketOf(room, honest.client.sessionId);
  const stalled = await Promise.all(Array.from({ length: SLOW_READERS }, (_, i) => stalledPlayer(room, `slow${i}`)));
  // An empty pong answers no ping: RFC 6455 allows it as a unidirectional heartbeat, which must not keep a socket alive.
  const pongs = setInterval(() => {
    for (const { socket } of stalled) if (socket.readyState === WebSocket.OPEN) socket.pong();
  }, PONG_EVERY_MS);
  try {
    const allDropped = await waitFor(
      () => stalled.every(({ serverSide }) => serverSide.readyState === WebSocket.CLOSED),
      DROP_WAIT_MS,
      100,
    );
    const stillOpen = stalled.filter(({ serverSide }) => serverSide.readyState !== WebSocket.CLOSED).length;
    expect({ allDropped, stillOpen }).toEqual({ allDropped: true, stillOpen: 0 });
  } finally {
    clearInterval(pongs);
    // A paused socket never reads the server's FIN: end the client side too.
    for (const { socket } of stalled) socket.terminate();
  }

  // The honest player answered every ping (ws echoes the payload, as browsers do) and plays on.
  expect(honestServerSide.readyState).toBe(WebSocket.OPEN);
  const patchesBefore = honest.patches();
  expect(await waitFor(() => honest.patches() >= patchesBefore + 10, 3000)).toBe(true);
  await honest.client.leave();
  await Promise.all(stalled.map(({ client }) => releaseSeat(client)));
}, 25_000);

test("a socket whose unsent bytes pass the cap is closed and cut, and later sends to it are dropped", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const honest = await honestPlayer(room);
  const { client, socket, serverSide } = await stalledPlayer(room, "backlogged");
  const expelledBefore = await expelledFor("backlog");

  // The server sends more than the client reads (as a big room's patches would to a slow link),
  // through the same socket send the rooms use. One buffer, sent again and again: no copies.
  const frame = Buffer.alloc(BIG_FRAME_BYTES);
  let frames = 0;
  while (frames < MAX_BIG_FRAMES && serverSide.readyState === WebSocket.OPEN) {
    serverSide.send(frame);
    frames++;
    // Let the socket hand what it can to the kernel, as it would between patches.
    if (frames % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const closing = serverSide.readyState !== WebSocket.OPEN;
  const bytesAtClose = bytesWrittenTo(serverSide);
  for (let i = 0; i < 10; i++) serverSide.send(frame);
  const laterSendsDropped = bytesWrittenTo(serverSide) === bytesAtClose;
  // The close frame waits behind the backlog, so the server cuts the socket after a short grace.
  const cut = await waitFor(() => serverSide.readyState === WebSocket.CLOSED, 5000);

  socket.terminate();
  expect({ closing, laterSendsDropped, cut, counted: (await expelledFor("backlog")) - expelledBefore }).toEqual({
    closing: true,
    laterSendsDropped: true,
    cut: true,
    counted: 1,
  });
  const patchesBefore = honest.patches();
  expect(await waitFor(() => honest.patches() >= patchesBefore + 10, 3000)).toBe(true);
  await honest.client.leave();
  await releaseSeat(client);
}, 25_000);
