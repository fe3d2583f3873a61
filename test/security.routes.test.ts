/**
 * Findings 1 (server side) and 3 of the attacker's probe, on a real server with the
 * dashboard in its loopback-only mode:
 * - private routes answered to other spellings (`/DASHBOARD/api/stats`) that a proxy's
 *   block-list missed, and trusted any loopback peer, proxied or not;
 * - the monitor's room-call API disconnected players on request;
 * - Colyseus's CORS reflected any origin, with credentials, on the dashboard too;
 * - the page had no security headers and announced Express.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AsteroidsRoom } from "../server/rooms/AsteroidsRoom";
import { ROOM_NAME } from "../shared/net/messages";
import { httpBaseOf, sleep, useGameServer, waitFor } from "./support/gameServer";

const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-web-"));
fs.writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>netroids</title>");
afterAll(() => fs.rmSync(webRoot, { recursive: true, force: true }));

const server = useGameServer({ dashboard: { password: undefined }, webRoot });

function get(pathAndQuery: string, headers: Record<string, string> = {}, method = "GET"): Promise<Response> {
  return fetch(`${httpBaseOf(server())}${pathAndQuery}`, { method, headers });
}

test("private routes answer their exact spelling only: other cases, doubled slashes and encodings get 404", async () => {
  expect((await get("/dashboard/api/stats")).status).toBe(200);
  for (const disguised of [
    "/DASHBOARD/api/stats",
    "/Dashboard/api/rooms",
    "/dashBoard",
    "//dashboard/api/stats",
    "/%64ashboard/api/stats",
    "/METRICS",
    "/Metrics",
    "/COLYSEUS/api",
    "/Colyseus/",
    "/MATCHMAKE/create/asteroids",
  ]) {
    const response = await get(disguised);
    expect({ disguised, status: response.status }).toEqual({ disguised, status: 404 });
    expect(response.headers.get("content-type")).not.toMatch(/json/);
  }
});

test("loopback is trusted only when no proxy passed the request on", async () => {
  for (const header of ["x-forwarded-for", "x-real-ip", "forwarded", "via"]) {
    const response = await get("/dashboard/api/stats", { [header]: "203.0.113.9" });
    expect({ header, status: response.status }).toEqual({ header, status: 403 });
  }
  expect((await get("/metrics", { "x-forwarded-for": "203.0.113.9" })).status).toBe(403);
  expect((await get("/metrics")).status).toBe(200);
});

test("the monitor's room calls are off: a call to disconnect a player leaves it in the room", async () => {
  const room = await server().createRoom<AsteroidsRoom>(ROOM_NAME, {});
  const player = await server().connectTo(room, { name: "Victim" });
  const args = encodeURIComponent("[]");
  for (const call of ["/colyseus/api/room/call", "/colyseus//api/room/call", "/colyseus/api/room/call/", "/colyseus/API/room/call"]) {
    const response = await get(`${call}?roomId=${room.roomId}&method=disconnect&args=${args}`);
    expect({ call, refused: response.status === 403 || response.status === 404 }).toEqual({ call, refused: true });
  }
  await sleep(300);
  expect(room.clients.length).toBe(1);
  expect(await waitFor(() => player.state.ships.get(player.sessionId)?.alive === true)).toBe(true);
  // The read-only parts of the monitor still work.
  expect((await get("/colyseus/api")).status).toBe(200);
});

test("no CORS outside matchmaking: another origin cannot read the dashboard, even with credentials", async () => {
  const evil = { origin: "https://evil.example" };
  const read = await get("/dashboard/api/rooms", { ...evil, cookie: "session=operator" });
  expect(read.status).toBe(200);
  expect(read.headers.get("access-control-allow-origin")).toBeNull();
  expect(read.headers.get("access-control-allow-credentials")).toBeNull();
  const preflight = await get(
    "/dashboard/api/rooms",
    { ...evil, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    "OPTIONS",
  );
  expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  expect(preflight.headers.get("access-control-allow-headers")).toBeNull();
  // Matchmaking keeps its CORS: a page on another origin (Vite's dev server) may find a room.
  const matchmaking = await get(`/matchmake/joinOrCreate/${ROOM_NAME}`, { ...evil, "access-control-request-method": "POST" }, "OPTIONS");
  expect(matchmaking.headers.get("access-control-allow-origin")).toBe("https://evil.example");
});

test("the page is sent with a content security policy, no framing, no sniffing and no X-Powered-By", async () => {
  for (const page of ["/", "/dashboard", "/health"]) {
    const response = await get(page);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-powered-by")).toBeNull();
  }
});
