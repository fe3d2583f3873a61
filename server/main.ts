/**
 * `npm start`: builds the web client when its sources changed, then runs the game server
 * on PORT (default 2567). `npm start -- --gui` (or DASHBOARD=1) also serves the live
 * dashboard at /dashboard, behind DASHBOARD_PASSWORD or, without one, to loopback only.
 * With REDIS_URL, the process shares matchmaking with the others on that Redis
 * (PUBLIC_ADDRESS: where browsers reach this process; see server/scaleOut/config.ts).
 */
import path from "node:path";
import { createGameServer } from "./app";
import { dashboardAccessFrom, operatorPasswordFrom } from "./dashboard/access";
import { redactRedisUrl, scaleOutFromEnv } from "./scaleOut/config";
import { joinRateLimitFromEnv } from "./joinGuard/JoinRateLimiter";
import { roomCapsFromEnv } from "./joinGuard/RoomCaps";
import { ensureWebBuild } from "./webBuild";
import { replayStoreOptionsFromEnv } from "./replay/ReplayStore";

const DEFAULT_PORT = 2567;

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${process.env.PORT}"`);
  const webRoot = await ensureWebBuild(path.resolve(__dirname, "..", "web"));
  const dashboard = dashboardAccessFrom(process.argv.slice(2), process.env);
  const scaleOut = scaleOutFromEnv(process.env, port);
  const joinRateLimit = joinRateLimitFromEnv(process.env.JOIN_RATE_LIMIT) ?? null;
  const trustProxy = process.env.TRUST_PROXY === "1";
  const roomCaps = roomCapsFromEnv(process.env.ROOM_CAPS) ?? null;
  const operatorPassword = operatorPasswordFrom(process.env);
  // Bad recording settings stop the start with their reason, rather than every room logging it.
  const replays = replayStoreOptionsFromEnv(process.env);
  const server = createGameServer({
    webRoot,
    handleSignals: true,
    dashboard,
    scaleOut,
    joinRateLimit,
    roomCaps,
    trustProxy,
    operatorPassword,
  });
  server.onShutdown(() => console.log("netroids: shut down cleanly"));
  await server.listen(port);
  console.log(`netroids ready — browse http://localhost:${port} (health: /health, metrics: /metrics)`);
  console.log(replays ? `netroids replays: recording every match to ${replays.dir}` : "netroids replays: off (REPLAYS=off)");
  if (dashboard) {
    const where =
      dashboard.password === undefined
        ? `http://127.0.0.1:${port}/dashboard — loopback only; set DASHBOARD_PASSWORD to open it to the network`
        : `http://localhost:${port}/dashboard — password from DASHBOARD_PASSWORD`;
    console.log(`netroids dashboard: ${where} (Colyseus monitor: /colyseus)`);
    if (dashboard.roomCalls && dashboard.password === undefined)
      console.log("netroids dashboard: DASHBOARD_ROOM_CALLS needs DASHBOARD_PASSWORD; the monitor's room calls stay off");
  }
  if (scaleOut) {
    console.log(
      `netroids scale-out: matchmaking shared through ${redactRedisUrl(scaleOut.redisUrl)}; clients reach this process at ${scaleOut.publicAddress}`,
    );
    if (scaleOut.publicAddressAssumed)
      console.log("netroids scale-out: PUBLIC_ADDRESS is not set, so localhost is assumed: set it when browsers are on other machines");
  }
}

main().catch((error: unknown) => {
  console.error("netroids failed to start:", error);
  process.exit(1);
});
