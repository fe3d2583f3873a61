/**
 * A misbehaving player on a real SDK connection: it sends bad room messages through the
 * SDK and raw frames straight on the SDK's WebSocket. It counts only what it put on the
 * wire while the socket was open (a closing socket sends nothing), so the server's counts
 * can be held to it exactly.
 */
import { Client, type Room } from "@colyseus/sdk";
import WebSocket from "ws";
import { ServerMessage } from "../../shared/net/messages";
import type { GameState } from "../../shared/net/schema";
import type { BadMessage } from "./fuzzPayloads";
import { sdkSocketOf } from "./rawSockets";

/** What a hostile client sent, by what the server should make of it. */
export interface SentCounts {
  /** Room messages (SDK `send`): the room drops each with a reason. */
  message: number;
  /** Frames that are no room message: the transport drops them as junk. */
  junk: number;
  /** Frames over the server's size limit. */
  oversize: number;
}

export function noneSent(): SentCounts {
  return { message: 0, junk: 0, oversize: 0 };
}

export class HostileClient {
  readonly sent = noneSent();
  /** The close code, once the connection has ended. */
  closedWith: number | undefined;
  private readonly closed: Promise<number>;

  private constructor(
    readonly room: Room<unknown, GameState>,
    private readonly socket: WebSocket,
  ) {
    room.onMessage(ServerMessage.Events, () => undefined);
    this.closed = new Promise((resolve) =>
      room.onLeave((code: number) => {
        this.closedWith = code;
        resolve(code);
      }),
    );
  }

  static async join(endpoint: string, roomId: string, name: string): Promise<HostileClient> {
    const room = await new Client(endpoint).joinById<GameState>(roomId, { name });
    // A socket the server cut must stay cut: no automatic reconnection (which the server refuses anyway).
    room.reconnection.enabled = false;
    // The SDK runs on the `ws` package in tests (support/sdkOnWs.ts); its socket can send any frame, text or binary.
    return new HostileClient(room, sdkSocketOf(room));
  }

  get open(): boolean {
    return this.closedWith === undefined && this.socket.readyState === WebSocket.OPEN;
  }

  send(message: BadMessage): boolean {
    if (!this.open) return false;
    this.room.send(message.type, message.payload);
    this.sent.message++;
    return true;
  }

  sendRaw(frame: Uint8Array | string): boolean {
    if (!this.open) return false;
    this.socket.send(frame, { binary: typeof frame !== "string" });
    this.sent.junk++;
    return true;
  }

  /** A text frame that is not UTF-8: ws on the server rejects it (1007) and the socket is cut. */
  sendInvalidUtf8(): boolean {
    if (!this.open) return false;
    this.socket.send(Buffer.from([0x7b, 0xc3, 0x28, 0xff]), { binary: false });
    this.sent.junk++;
    return true;
  }

  /** A frame over the server's limit: ws rejects it (1009) and the socket is cut. */
  sendOversize(bytes: number): boolean {
    if (!this.open) return false;
    this.socket.send(Buffer.alloc(bytes, 0x0d));
    this.sent.oversize++;
    return true;
  }

  /** Resolves with the close code, or undefined if the server has not closed the connection within `timeoutMs`. */
  async closedWithin(timeoutMs: number): Promise<number | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    const code = await Promise.race([this.closed, timeout]);
    clearTimeout(timer);
    return code;
  }

  /** Leaves with consent (sends LEAVE_ROOM) if still connected. */
  async leave(): Promise<void> {
    if (this.open) await this.room.leave(true);
  }
}
