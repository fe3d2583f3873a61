/**
 * A heartbeat that only a reading client can answer. Colyseus's own heartbeat resets a
 * socket's missed-ping count on any pong, and RFC 6455 (§5.5.3) lets a pong be sent
 * unsolicited, so a client that never read kept its socket alive while the server queued
 * patches for it. Here every ping carries fresh random bytes and only a pong echoing the
 * latest ping's bytes counts. The same section says a pong answering a ping echoes its
 * data, and browsers and the `ws` library answer pings by themselves: an honest client
 * needs no code for it, and a client that does not read never sees the bytes to echo.
 */
import { randomBytes } from "node:crypto";
import type WebSocket from "ws";

/** Random bytes per ping: 2^64 guesses, and a control frame's payload may hold up to 125. */
const NONCE_BYTES = 8;

interface Beat {
  /** The payload of the ping not answered yet, if any. */
  outstanding: Buffer | undefined;
  /** Pings sent since the last echoing pong. */
  missed: number;
}

function noop(): void {}

/** Kept per socket, not per transport: Colyseus calls onConnection with ws's server as `this`, so the transport cannot hold them. */
const beats = new WeakMap<WebSocket, Beat>();

/** Starts watching a newly connected socket's pongs. */
export function watchPongs(socket: WebSocket): void {
  const beat: Beat = { outstanding: undefined, missed: 0 };
  beats.set(socket, beat);
  socket.on("pong", (data: Buffer) => {
    if (beat.outstanding === undefined || !beat.outstanding.equals(data)) return;
    beat.outstanding = undefined;
    beat.missed = 0;
  });
}

/**
 * One beat over every socket of a transport: cuts those that left `maxMissed` pings
 * unanswered and pings the rest with new bytes. A late answer to an earlier ping no
 * longer counts: a client a whole ping interval behind is as good as gone.
 */
export function heartbeat(sockets: Iterable<WebSocket>, maxMissed: number): void {
  for (const socket of sockets) {
    const beat = beats.get(socket);
    if (!beat) continue;
    if (beat.missed >= maxMissed) {
      socket.terminate();
      continue;
    }
    beat.missed++;
    beat.outstanding = randomBytes(NONCE_BYTES);
    // With a callback, a failed send is reported to it instead of thrown; the socket's own error and close handling follow.
    socket.ping(beat.outstanding, undefined, noop);
  }
}
