/**
 * An upstream for proxy tests that answers every request with what reached it (method,
 * URL, headers), over plain HTTP and over a WebSocket upgrade, and keeps a log of them:
 * it shows exactly what a proxy forwards, how, and what it never forwards at all.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import WebSocket, { WebSocketServer } from "ws";

export interface Received {
  method: string;
  /** The request target as the upstream saw it, path and query. */
  url: string;
  headers: http.IncomingHttpHeaders;
  upgrade: boolean;
}

export interface EchoUpstream {
  port: number;
  /** Every request seen so far, oldest first; tests empty it between steps. */
  received: Received[];
  close(): Promise<void>;
}

function seen(req: http.IncomingMessage, upgrade: boolean): Received {
  return { method: req.method ?? "", url: req.url ?? "", headers: req.headers, upgrade };
}

export async function startEchoUpstream(): Promise<EchoUpstream> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const request = seen(req, false);
    received.push(request);
    req.resume();
    const body = JSON.stringify(request);
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
  const sockets = new WebSocketServer({ server });
  sockets.on("connection", (socket, req) => {
    const request = seen(req, true);
    received.push(request);
    socket.send(JSON.stringify(request));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    async close() {
      for (const socket of sockets.clients) socket.terminate();
      sockets.close();
      // The proxies keep idle upstream connections open (nginx's keepalive): close them too.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What a WebSocket handshake through a proxy came to: the upstream's echo, or the HTTP status that refused it. */
export type SocketOutcome = { received: Received } | { status: number };

/** Opens a WebSocket to `url` with `headers`, reads the echo upstream's first message and closes. */
export function openEchoSocket(url: string, headers: Record<string, string> = {}, timeoutMs = 5000): Promise<SocketOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no answer from ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    const settle = (outcome: SocketOutcome): void => {
      clearTimeout(timer);
      resolve(outcome);
    };
    socket.once("unexpected-response", (_req, res) => {
      res.resume();
      settle({ status: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once("message", (data) => {
      settle({ received: JSON.parse(String(data)) as Received });
      socket.close();
    });
    // `on`, not `once`: terminating a refused handshake emits one more error, after the outcome is known.
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
