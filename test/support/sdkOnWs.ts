/**
 * jest setupFiles: the SDK in tests runs on the `ws` package, on every Node. The hostile
 * and slow clients of the security tests reach into the SDK's socket to misbehave (raw
 * frames, paused reads, unsolicited pongs), which only `ws` allows. The SDK picks
 * `globalThis.WebSocket || ws` when it loads: Node 20 has no global, Node 22 has the
 * native one, so this sets the global to `ws` before any test file imports the SDK.
 */
import { WebSocket } from "ws";

(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
