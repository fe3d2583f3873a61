/**
 * The door in front of Colyseus's matchmaking route (POST /matchmake/<method>/<room>):
 * joins are rate-limited per client address; oversized bodies are refused unread; the
 * body is screened (see joinBody) and handed to Colyseus already read; room creation is
 * capped (see RoomCaps); the address is handed on to the room, whose seats it holds (see
 * seatHolder). Refusals are counted, and logged at most once per interval.
 */
import type http from "node:http";
import { Counter } from "prom-client";
import { serverMetrics } from "../metrics/ServerMetrics";
import { JoinRateLimiter, type JoinRateLimit } from "./JoinRateLimiter";
import { screenJoinBody } from "./joinBody";
import { keptOpenRooms } from "./KeptOpenRooms";
import { RoomCaps, type RoomCapLimits, type RoomCensus } from "./RoomCaps";
import { CLIENT_ADDRESS_HEADER } from "./seatHolder";
import { ThrottledLog } from "./ThrottledLog";

/** Largest matchmaking body, bytes: join options are a name, a color and a room name. */
const MAX_MATCHMAKE_BODY_BYTES = 2048;
/** How long a client may take to send its (small) body, ms. */
const BODY_TIMEOUT_MS = 5000;

export interface MatchmakingGuardOptions {
  /** Undefined: no rate limit. */
  joinRateLimit?: JoinRateLimit;
  /** Undefined: no caps on rooms waiting for players. */
  roomCaps?: RoomCapLimits;
  /** Take the client address from the proxy's X-Real-IP / last X-Forwarded-For hop; only behind a proxy that sets them. */
  trustProxy?: boolean;
}

export type RefusalReason = "rate" | "size" | "options" | "rooms";

const refused = new Counter({
  name: "netroids_joins_refused_total",
  help: "Matchmaking requests refused before reaching Colyseus, by reason (rate: too many from one address; size: body too large; options: malformed body; rooms: too many rooms waiting for players).",
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
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.at(-1) ?? peer;
}

function refuse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  error: string,
  headers: Record<string, string> = {},
): void {
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

/** Reads a body already known to be at most MAX_MATCHMAKE_BODY_BYTES; undefined when the client gives up or stalls. */
function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish(undefined), BODY_TIMEOUT_MS);
    function finish(body: string | undefined): void {
      clearTimeout(timer);
      resolve(body);
    }
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_MATCHMAKE_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => finish(size <= MAX_MATCHMAKE_BODY_BYTES ? Buffer.concat(chunks).toString("utf8") : undefined));
    req.on("error", () => finish(undefined));
  });
}

/** Calls `onRoom` with the roomId of the seat reservation `res` answers with (undefined for an error or no room). */
function watchReservation(res: http.ServerResponse, onRoom: (roomId: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown): void => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return write(chunk, ...rest);
  }) as typeof res.write;
  const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== "function") keep(chunk);
    return end(chunk, ...rest);
  }) as typeof res.end;
  res.once("close", () => {
    let roomId: string | undefined;
    if (res.statusCode === 200) {
      try {
        const reservation: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        const id = typeof reservation === "object" && reservation !== null ? (reservation as { roomId?: unknown }).roomId : undefined;
        roomId = typeof id === "string" ? id : undefined;
      } catch {
        roomId = undefined;
      }
    }
    onRoom(roomId);
  });
}

export class MatchmakingGuard {
  private readonly limiter: JoinRateLimiter | undefined;
  private readonly caps: RoomCaps | undefined;
  private readonly log = new ThrottledLog();

  constructor(
    private readonly options: MatchmakingGuardOptions,
    census: RoomCensus,
    private readonly now: () => number = Date.now,
  ) {
    this.limiter = options.joinRateLimit && new JoinRateLimiter(options.joinRateLimit);
    this.caps = options.roomCaps && new RoomCaps(options.roomCaps, census, keptOpenRooms);
  }

  /** Answers a refused POST /matchmake/<method>/<room> itself, or calls `pass` with the body read and screened. */
  async handle(req: http.IncomingMessage & { body?: unknown }, res: http.ServerResponse, method: string, pass: () => void): Promise<void> {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (!(declared <= MAX_MATCHMAKE_BODY_BYTES) || req.headers["transfer-encoding"] !== undefined) {
      return this.refuse(req, res, "size", 413, `join options larger than ${MAX_MATCHMAKE_BODY_BYTES} bytes`);
    }
    const address = clientAddress(req, this.options.trustProxy ?? false);
    // The room learns whose seat it is from this (seatHolder.ts); whatever the client sent under that name is overwritten.
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    const verdict = this.limiter?.take(address, this.now());
    if (verdict && !verdict.allowed) {
      return this.refuse(req, res, "rate", 429, `too many joins from your address: try again in ${verdict.retryAfterSeconds} s`, {
        "retry-after": String(verdict.retryAfterSeconds),
      });
    }
    const body = await readBody(req);
    if (body === undefined)
      return this.refuse(req, res, "size", 413, `join options larger than ${MAX_MATCHMAKE_BODY_BYTES} bytes, or not sent`);
    const screened = screenJoinBody(body, req.headers["content-type"]);
    if (!screened.ok) {
      this.log.note(`netroids: refused join options from ${address}: ${screened.error}`, this.now());
      return this.refuse(req, res, "options", screened.status, screened.error);
    }
    if (method === "create" && this.caps) {
      const admission = await this.caps.admit(address);
      if (!admission.admitted) {
        this.log.note(`netroids: refused a room from ${address}: ${admission.problem}`, this.now());
        return this.refuse(req, res, "rooms", 429, admission.problem, { "retry-after": "5" });
      }
      watchReservation(res, admission.finish);
    }
    // Colyseus reads `req.body` when it is set (the stream is consumed by now).
    if (body !== "") req.body = body;
    pass();
  }

  private refuse(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    reason: RefusalReason,
    status: number,
    error: string,
    headers?: Record<string, string>,
  ): void {
    refused.inc({ reason });
    refuse(req, res, status, error, headers);
  }
}
