/**
 * Node 20 has no global WebSocket, but @colyseus/core 0.18 checks
 * `client.readyState !== WebSocket.OPEN` when a dropped client reconnects; without a
 * global every reconnection throws "WebSocket is not defined" and is refused.
 * Node 22 has the global; there this does nothing.
 */
import { WebSocket as NodeWebSocket } from "ws";

const globals = globalThis as { WebSocket?: unknown };
if (globals.WebSocket === undefined) globals.WebSocket = NodeWebSocket;
