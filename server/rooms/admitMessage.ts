/**
 * The door every client message of a room passes: its sender's MessageGuard window. A
 * message past the soft limit is ignored; the one that crosses the flood limit closes
 * the client with ServerCloseCode.Flood, counted once as expelled. The game room and the
 * lobby share it.
 */
import type { Client } from "@colyseus/core";
import { ServerCloseCode } from "../../shared/net/messages";
import { serverMetrics } from "../metrics/ServerMetrics";
import type { MessageGuard } from "./MessageGuard";

/**
 * True when the message may be handled. `reason` is said to a client closed for flooding;
 * `onFlood` runs just before it is closed (the game room then denies it a reconnection).
 */
export function admitMessage(guard: MessageGuard, client: Client, nowMs: number, reason: string, onFlood?: () => void): boolean {
  const admission = guard.admit(client.sessionId, nowMs);
  if (admission === "flood") {
    onFlood?.();
    serverMetrics.countExpelled("flood");
    client.leave(ServerCloseCode.Flood, reason);
    return false;
  }
  return admission === "accept";
}
