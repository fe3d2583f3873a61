/**
 * The door in front of Colyseus's matchmaking route (POST /matchmake/…): joins are
 * rate-limited per client address, and oversized bodies are refused before anything
 * parses them. Colyseus binds that route as a raw `request` listener of the HTTP server,
 * ahead of Express, so the guard wraps the server's request listeners rather than
 * being Express middleware.
 */
import type http from "node:http";
import { Counter } from "prom-client";
import { serverMetrics } from "../metrics/ServerMetrics";
import { JoinRateLimiter, type JoinRateLimit } from "./JoinRateLimiter";

/** Largest matchmaking body, bytes: join options are a name, a colour and a room name. */
export const MAX_MATCHMAKE_BODY_BYTES = 2048;

export interface MatchmakingGuardOptions {
  /** Undefined: no rate limit. */
  joinRateLimit?: JoinRateLimit;
  /** Take the client address from the proxy's X-Real-IP / last X-Forwarded-For hop; only behind a proxy that sets them. */
  trustProxy?: boolean;
}

const refused = new Counter({
  name: "netroids_joins_refused_total",
  help: "Matchmaking requests refused before reaching Colyseus, by reason (rate: too many from one address; size: body too large).",
  labelNames: ["reason"],
  registers: [serverMetrics.registry],
});

/** The client's address: the socket peer, or what the trusted proxy says it saw. */
export function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (!trustProxy) return peer;
  const realIp = req.headers["x-real-ip"];
  if (typeof realIp === "string" && realIp.trim()) return realIp.trim();
  // The last hop is the one our proxy appended; earlier ones are whatever the client claimed.
  const forwarded = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  return hops.at(-1) ?? peer;
}

function refuse(req: http.IncomingMessage, res: http.ServerResponse, status: number, error: string, headers: Record<string, string> = {}): void {
  req.resume();
  const body = JSON.stringify({ code: status, error });
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "access-control-allow-origin": typeof req.headers.origin === "string" ? req.headers.origin : "*",
    connection: "close",
    ...headers,
  });
  res.end(body);
}

type RequestListener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Wraps `server`'s request listeners (call once Colyseus has bound its routes). */
export function guardMatchmaking(server: http.Server, options: MatchmakingGuardOptions, now: () => number = Date.now): void {
  const limiter = options.joinRateLimit && new JoinRateLimiter(options.joinRateLimit);
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method === "POST" && req.url?.startsWith("/matchmake/")) {
      const declared = Number(req.headers["content-length"] ?? 0);
      if (!(declared <= MAX_MATCHMAKE_BODY_BYTES) || req.headers["transfer-encoding"] !== undefined) {
        refused.inc({ reason: "size" });
        return refuse(req, res, 413, `join options larger than ${MAX_MATCHMAKE_BODY_BYTES} bytes`);
      }
      const verdict = limiter?.take(clientAddress(req, options.trustProxy ?? false), now());
      if (verdict && !verdict.allowed) {
        refused.inc({ reason: "rate" });
        return refuse(req, res, 429, `too many joins from your address: try again in ${verdict.retryAfterSeconds} s`, { "retry-after": String(verdict.retryAfterSeconds) });
      }
    }
    for (const listener of listeners) listener.call(server, req, res);
  });
}
