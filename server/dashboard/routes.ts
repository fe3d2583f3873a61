/**
 * The dashboard's HTTP side, behind its guard: /dashboard (the page, served by the web
 * client), /dashboard/api/{stats,rooms,rooms/:id} (JSON from the server's own
 * measurements) and Colyseus's monitor under /colyseus.
 */
import { matchMaker } from "@colyseus/core";
import { monitor } from "@colyseus/monitor";
import type express from "express";
import type { DashboardStats } from "../../shared/dashboard/dashboardApi";
import { percentile } from "../../shared/stats";
import { serverMetrics } from "../metrics/ServerMetrics";
import { decodedPath } from "../http/privatePaths";
import { guardPrivate, roomCallsOpen, type DashboardAccess } from "./access";
import { listGameRooms, spectate } from "./spectate";

/** How far back the RTT percentiles look, ms. */
const RTT_WINDOW_MS = 10_000;

function dashboardStats(): DashboardStats {
  const rtts = serverMetrics.rttsSince(RTT_WINDOW_MS).sort((a, b) => a - b);
  return {
    ccu: matchMaker.stats.local.ccu,
    rooms: matchMaker.stats.local.roomCount,
    joins: serverMetrics.totals.joins,
    leaves: serverMetrics.totals.leaves,
    dropped: { ...serverMetrics.droppedTotals },
    rttMs:
      rtts.length === 0
        ? undefined
        : { p50: percentile(rtts, 50), p90: percentile(rtts, 90), p99: percentile(rtts, 99), count: rtts.length },
    load: serverMetrics.sampler?.recent() ?? [],
  };
}

/** The monitor's room-call API under /colyseus, however the path is spelled (repeated slashes, case, a trailing slash). */
const ROOM_CALL_PATH = /^\/+api\/+room\/+call(\/|$)/i;

/** Mounts the dashboard's API and the monitor; the page itself is one of the web client's routes. */
export function mountDashboard(app: express.Application, access: DashboardAccess, trustProxy: boolean): void {
  const guard = guardPrivate({ password: access.password, trustProxy });
  app.use(["/dashboard", "/colyseus"], guard);
  // The room-call API runs any room method by name (disconnect, a player's kick): off unless the operator asks for it behind a password.
  app.use("/colyseus", (req, res, next) => {
    if (!ROOM_CALL_PATH.test(decodedPath(req.path)) || roomCallsOpen(access)) return next();
    res
      .status(403)
      .type("text")
      .send("The monitor's room calls are off: set DASHBOARD_ROOM_CALLS=1 together with DASHBOARD_PASSWORD to use them.");
  });
  app.get("/dashboard/api/stats", (_req, res) => {
    res.json(dashboardStats());
  });
  app.get("/dashboard/api/rooms", async (_req, res) => {
    res.json(await listGameRooms());
  });
  app.get("/dashboard/api/rooms/:roomId", async (req, res) => {
    const world = await spectate(String(req.params.roomId));
    if (world) res.json(world);
    else res.status(404).json({ error: "no such game room on this server" });
  });
  app.use("/colyseus", monitor());
}
