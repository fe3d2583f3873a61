/**
 * Who may reach the private routes: the dashboard, the Colyseus monitor beside it, and
 * /metrics. The dashboard is off unless asked for (`--gui` or DASHBOARD=1). With
 * DASHBOARD_PASSWORD set they ask for that password (HTTP basic auth, any user name);
 * without one they answer loopback peers only, and only requests that did not come
 * through a proxy: behind a proxy on the same host every request arrives from 127.0.0.1.
 */
import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export interface DashboardAccess {
  /** undefined: loopback peers only. */
  password: string | undefined;
  /**
   * The monitor's room-call API (GET /colyseus/api/room/call runs any room method, e.g.
   * disconnect): off unless asked for (DASHBOARD_ROOM_CALLS=1), and never without a password.
   * @default false
   */
  roomCalls?: boolean;
}

/** What a private route needs to decide: the password, if any, and whether requests come through a trusted proxy. */
export interface PrivateAccess {
  password: string | undefined;
  /** TRUST_PROXY=1: requests come through a proxy, so their peer address says nothing about the client. */
  trustProxy: boolean;
}

/** The operator's password from the environment (DASHBOARD_PASSWORD), or undefined. */
export function operatorPasswordFrom(env: NodeJS.ProcessEnv): string | undefined {
  const password = env.DASHBOARD_PASSWORD;
  return password !== undefined && password.length > 0 ? password : undefined;
}

/** The dashboard settings from the command line and environment; undefined when it stays off. */
export function dashboardAccessFrom(argv: readonly string[], env: NodeJS.ProcessEnv): DashboardAccess | undefined {
  const asked = argv.includes("--gui") || env.DASHBOARD === "1";
  if (!asked) return undefined;
  return { password: operatorPasswordFrom(env), roomCalls: env.DASHBOARD_ROOM_CALLS === "1" };
}

/** Whether the monitor's room-call API is open: asked for, and behind a password. */
export function roomCallsOpen(access: DashboardAccess): boolean {
  return access.roomCalls === true && access.password !== undefined;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length) {
    // Take as long as a real comparison, so the time does not tell the length.
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** The password from an `Authorization: Basic …` header, or undefined. */
export function basicAuthPassword(header: string | undefined): string | undefined {
  if (!header?.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** Headers a proxy adds (nginx, Caddy, Apache, CDNs): a request carrying any of them came through one, whatever its peer. */
const PROXY_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "via"] as const;

function cameThroughProxy(headers: Request["headers"]): boolean {
  return PROXY_HEADERS.some((name) => headers[name] !== undefined);
}

/** Express middleware that lets through only what `access` allows. */
export function guardPrivate(access: PrivateAccess) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (access.password === undefined) {
      // "Loopback" is only believed of a request that no proxy passed on.
      if (!access.trustProxy && !cameThroughProxy(req.headers) && LOOPBACK.has(req.socket.remoteAddress ?? "")) return next();
      res
        .status(403)
        .type("text")
        .send("This page answers loopback peers only, not through a proxy: set DASHBOARD_PASSWORD to open it to the network.");
      return;
    }
    const given = basicAuthPassword(req.headers.authorization);
    if (given !== undefined && sameSecret(given, access.password)) return next();
    res.status(401).set("WWW-Authenticate", 'Basic realm="netroids dashboard", charset="UTF-8"').type("text").send("Password required.");
  };
}
