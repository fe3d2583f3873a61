/**
 * What an incoming WebSocket frame is, judged before Colyseus reads it. Colyseus acts on
 * room messages and its own join / leave / ping housekeeping, and ignores the rest without
 * telling the room: a first byte that is no protocol code, a request or input-controller
 * frame (our rooms define neither), a room message whose MessagePack body does not decode
 * (it closes the socket, and the room grants a reconnection window). Nothing would count
 * those, so the transport sorts every frame first and lets through only what our clients
 * (the SDK's `room.send`, `room.ping`, join and leave) ever send.
 */
import { Protocol } from "@colyseus/core";
import { decode } from "@colyseus/schema";
// The MessagePack decoder Colyseus itself reads room messages with (a dependency of @colyseus/core).
import { unpack } from "msgpackr";

/** "message": a room message for the room's handlers; "control": join ack, leave or ping; "junk": anything else. */
export type FrameKind = "message" | "control" | "junk";

/** The one-byte housekeeping frames the SDK sends. */
const CONTROL_CODES: ReadonlySet<number> = new Set([Protocol.JOIN_ROOM, Protocol.LEAVE_ROOM, Protocol.PING]);

export function frameKind(frame: Uint8Array, isBinary: boolean): FrameKind {
  // The SDK sends binary frames only; a text frame is nobody's message.
  if (!isBinary || frame.length === 0) return "junk";
  const code = frame[0]!;
  if (frame.length === 1) return CONTROL_CODES.has(code) ? "control" : "junk";
  // A room message with no modifier bits set is the only frame with a body a client sends.
  if (code !== Protocol.ROOM_DATA) return "junk";
  try {
    // The message type, read exactly as Colyseus reads it (a string or a number); a
    // truncated one leaves the offset past the end, or NaN.
    const it = { offset: 1 };
    if (decode.stringCheck(frame, it)) decode.string(frame, it);
    else decode.number(frame, it);
    if (!(it.offset <= frame.length)) return "junk";
    // Decoded twice (here and in Colyseus): a few microseconds for a 20-byte input, so
    // that a body Colyseus cannot decode is counted instead of silently closing the socket.
    if (it.offset < frame.length) unpack(frame.subarray(it.offset));
    return "message";
  } catch {
    return "junk";
  }
}

/** Why the transport dropped a frame: junk (see frameKind, or a frame ws rejects), or over the size limit. */
export type FrameDropReason = "junk" | "oversize";
