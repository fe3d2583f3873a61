/**
 * Headers on every HTTP answer. Colyseus answers CORS for every request, reflecting any
 * Origin with credentials allowed; only matchmaking needs CORS (a page on another origin,
 * such as Vite's dev server, may find a room), so everywhere else those headers are
 * removed, preflights included. The page gets a content security policy that allows only
 * its own scripts and forbids framing.
 */
import type http from "node:http";

/**
 * The web client loads its bundle, styles and images from this origin and connects with
 * WebSockets to this or another process of the deployment (a seat reservation names it),
 * so `ws:`/`wss:` stay open. Nothing may frame it (clickjacking).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Colyseus's monitor (under /colyseus, behind the operator's password) is a prebuilt page
 * that sets inline styles and loads its icon font from Google: allowed there, nowhere else.
 */
const MONITOR_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "style-src 'self'",
  "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
).replace("default-src 'self'", "default-src 'self'; font-src 'self' https://fonts.gstatic.com");

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

function isCorsHeader(name: string): boolean {
  return name.toLowerCase().startsWith("access-control-");
}

type OutgoingHeaders = Parameters<http.ServerResponse["writeHead"]>[1];

/** Drops CORS headers from a writeHead argument (an object, or a flat [name, value, …] array). */
function withoutCors(headers: OutgoingHeaders): OutgoingHeaders {
  if (headers === undefined || typeof headers === "string") return headers;
  if (Array.isArray(headers)) {
    const kept: string[] = [];
    for (let i = 0; i + 1 < headers.length; i += 2) {
      const name = String(headers[i]);
      if (!isCorsHeader(name)) kept.push(name, String(headers[i + 1]));
    }
    return kept;
  }
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isCorsHeader(name)));
}

/** Makes `res` refuse every CORS header set on it from now on. */
function refuseCors(res: http.ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: number | string | readonly string[]) =>
    isCorsHeader(name) ? res : setHeader(name, value)) as typeof res.setHeader;
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => http.ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const args = rest.map((arg) => (typeof arg === "object" && arg !== null ? withoutCors(arg as OutgoingHeaders) : arg));
    return writeHead(status, ...args);
  }) as typeof res.writeHead;
}

/** Sets the security headers on the answer to `path`; outside matchmaking, also strips CORS. */
export function secureResponse(res: http.ServerResponse, path: string, matchmaking: boolean): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const monitor = path === "/colyseus" || path.startsWith("/colyseus/");
  res.setHeader("content-security-policy", monitor ? MONITOR_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
  if (!matchmaking) refuseCors(res);
}
