/**
 * One HTTP request with its target sent byte for byte as written: fetch and the URL class
 * would resolve `..`, `%2e%2e` and other spellings before they left the test, and those
 * spellings are what a proxy's path matching must withstand.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export function rawRequest(port: number, target: string, request: RawRequest = {}, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      // A fresh connection per request (no agent), so one answer cannot leak into the next.
      {
        host: "127.0.0.1",
        port,
        path: target,
        method: request.method ?? "GET",
        headers: request.headers,
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${request.method ?? "GET"} ${target}: no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(request.body);
  });
}

/**
 * A WebSocket handshake with its target sent as written (the ws client would resolve it
 * first). Resolves with 101 when the upgrade went through, else the refusing status.
 */
export function rawUpgrade(port: number, target: string, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: "127.0.0.1",
      port,
      path: target,
      agent: false,
      timeout: timeoutMs,
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": randomBytes(16).toString("base64"),
      },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 101);
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error(`upgrade ${target}: no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}
