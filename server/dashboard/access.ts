/**
 * Who may see the dashboard (and the Colyseus monitor beside it). It is off unless
 * asked for (`--gui` or DASHBOARD=1). With DASHBOARD_PASSWORD set it asks for that
 * password (HTTP basic auth, any user name); without one it answers loopback peers only.
 */
import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export interface DashboardAccess {
  /** undefined: loopback peers only. */
  password: string | undefined;
}

/** The dashboard settings from the command line and environment; undefined when it stays off. */
export function dashboardAccessFrom(argv: readonly string[], env: NodeJS.ProcessEnv): DashboardAccess | undefined {
  const asked = argv.includes("--gui") || env.DASHBOARD === "1";
  if (!asked) return undefined;
  const password = env.DASHBOARD_PASSWORD;
  return { password: password !== undefined && password.length > 0 ? password : undefined };
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

/** Express middleware that lets through only what `access` allows. */
export function guardDashboard(access: DashboardAccess) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (access.password === undefined) {
      if (LOOPBACK.has(req.socket.remoteAddress ?? "")) return next();
      res.status(403).type("text").send("The dashboard answers on loopback only: set DASHBOARD_PASSWORD to open it to the network.");
      return;
    }
    const given = basicAuthPassword(req.headers.authorization);
    if (given !== undefined && sameSecret(given, access.password)) return next();
    res.status(401).set("WWW-Authenticate", 'Basic realm="netroids dashboard", charset="UTF-8"').type("text").send("Password required.");
  };
}
