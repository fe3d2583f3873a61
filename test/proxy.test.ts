/**
 * deploy/nginx.conf and deploy/Caddyfile, run by the real nginx and Caddy (support/proxies.ts
 * says how the test config is derived from the shipped file: ports, loopback, no TLS). Each
 * proxy stands in front of two real game server processes on one Redis, as deployed, with
 * the dashboard on; and, separately, in front of two echo upstreams that show what it
 * forwards and how. The proxies publish only the public side — the page, its assets,
 * /health, matchmaking, room WebSockets under /nodeN/ — and answer 404 to everything else,
 * in any case or spelling. The processes learn the client's address from the connection,
 * never from what the client claims.
 */
import { Client, type Room as ClientRoom } from "@colyseus/sdk";
import { ROOM_NAME } from "../shared/net/messages";
import type { GameState } from "../shared/net/schema";
import { freePort, type RedisHandle } from "../bench/load/redisServer";
import { openEchoSocket, startEchoUpstream, type EchoUpstream, type Received } from "./support/echoUpstream";
import { waitFor } from "./support/gameServer";
import { ODD_SOCKET_SPELLINGS, ODD_SPELLINGS, OFF_LIST_REQUESTS, PRIVATE_PATHS, PUBLIC_REQUESTS } from "./support/proxyPaths";
import { PROXY_KINDS, requireProxyBinary, startProxy, type ProxyKind, type RunningProxy } from "./support/proxies";
import { rawRequest, rawUpgrade } from "./support/rawHttp";
import { startServerProcess, type ServerProcess } from "./support/serverProcess";
import { startTestRedis } from "./support/testRedis";

/** A room socket's path as the upstream must see it: /<processId>/<roomId>, the /nodeN prefix stripped. */
const SOCKET_TARGET = "/proc1/room1?sessionId=s1&reconnectionToken=t1";

const CLAIMED = "6.6.6.6";

/** `promise`, or a clear failure after `ms` (a join that hangs would otherwise only show as jest's timeout). */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function lastHop(forwardedFor: string | string[] | undefined): string | undefined {
  return [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean)
    .at(-1);
}

describe.each(PROXY_KINDS)("%s, as configured in deploy/", (kind: ProxyKind) => {
  let redis: RedisHandle | undefined;
  let processes: ServerProcess[] = [];
  let game: RunningProxy | undefined;
  let echoes: EchoUpstream[] = [];
  let echoProxy: RunningProxy | undefined;
  const rooms: ClientRoom[] = [];

  /** The proxy in front of the game servers; defined once beforeAll has run. */
  const gamePort = (): number => game?.port ?? 0;
  const echoPort = (): number => echoProxy?.port ?? 0;
  const allReceived = (): Received[] => echoes.flatMap((echo) => echo.received);
  const forget = (): void => {
    for (const echo of echoes) echo.received.length = 0;
  };

  beforeAll(async () => {
    // First, so that a missing proxy fails at once with the command that installs it.
    requireProxyBinary(kind);
    const [proxyPort, echoProxyPort] = [await freePort(), await freePort()];
    redis = await startTestRedis();
    // As deployed: one Redis, TRUST_PROXY=1, each process's PUBLIC_ADDRESS its own path on the proxy.
    // The dashboard is on (loopback only), so that a leak through the proxy would show.
    const env = (node: number): NodeJS.ProcessEnv => ({
      REDIS_URL: redis?.url,
      TRUST_PROXY: "1",
      DASHBOARD: "1",
      PUBLIC_ADDRESS: `127.0.0.1:${proxyPort}/node${node}`,
    });
    [processes, echoes] = await Promise.all([
      Promise.all([startServerProcess(env(1)), startServerProcess(env(2))]),
      Promise.all([startEchoUpstream(), startEchoUpstream()]),
    ]);
    [game, echoProxy] = await Promise.all([
      startProxy(kind, proxyPort, [processes[0]!.port, processes[1]!.port]),
      startProxy(kind, echoProxyPort, [echoes[0]!.port, echoes[1]!.port]),
    ]);
  }, 40_000);

  afterAll(async () => {
    await Promise.all(rooms.map((room) => (room.connection.isOpen ? room.leave(true).catch(() => undefined) : Promise.resolve(undefined))));
    await Promise.all([game?.stop(), echoProxy?.stop()]);
    await Promise.all([...processes.map((server) => server.child.stop()), ...echoes.map((echo) => echo.close())]);
    await redis?.stop();
  });

  async function join(how: "joinOrCreate" | "create", name: string): Promise<ClientRoom<unknown, GameState>> {
    const room = await within(
      new Client(`ws://127.0.0.1:${gamePort()}`)[how]<GameState>(ROOM_NAME, { name }),
      10_000,
      `${how} through ${kind}`,
    );
    room.onMessage("*", () => undefined);
    // A client cut off by the test must not retry in the background after it.
    room.reconnection.enabled = false;
    rooms.push(room);
    return room as unknown as ClientRoom<unknown, GameState>;
  }

  test("the dashboard, the monitor and /metrics are 404 from the proxy, in any case or spelling", async () => {
    const answered: string[] = [];
    for (const target of PRIVATE_PATHS) answered.push(`${target} → ${(await rawRequest(gamePort(), target)).status}`);
    expect(answered).toEqual(PRIVATE_PATHS.map((target) => `${target} → 404`));

    // And the 404 is the proxy's own: none of them reaches an upstream.
    forget();
    for (const target of PRIVATE_PATHS) await rawRequest(echoPort(), target);
    expect(allReceived().map((request) => request.url)).toEqual([]);
  });

  test("the monitor's room-call API through the proxy cannot disconnect a player", async () => {
    const player = await join("joinOrCreate", "target");
    let leftWith: number | undefined;
    player.onLeave((code) => {
      leftWith = code;
    });
    expect(await waitFor(() => player.state.tick > 0)).toBe(true);

    const call = `api/room/call?roomId=${player.roomId}&method=disconnect&args=[]`;
    const answered: string[] = [];
    const prefixes = ["/COLYSEUS/", "/Colyseus/", "/colyseus/", "/%63olyseus/", "/node1/COLYSEUS/", "/node2/colyseus/"];
    for (const prefix of prefixes) answered.push(`${prefix}${call} → ${(await rawRequest(gamePort(), prefix + call)).status}`);

    // Still joined, and the room still sends it patches.
    const tick = player.state.tick;
    const playing = await waitFor(() => player.state.tick > tick + 10, 3000);
    expect(leftWith).toBeUndefined();
    expect(playing).toBe(true);
    expect(answered).toEqual(prefixes.map((prefix) => `${prefix}${call} → 404`));
  });

  test("the upstream sees the client's real address in X-Real-IP and X-Forwarded-For, not the one it claims", async () => {
    const claims: Array<Record<string, string>> = [
      { "x-real-ip": CLAIMED, "x-forwarded-for": CLAIMED },
      { "x-forwarded-for": CLAIMED },
      { "x-real-ip": CLAIMED, "x-forwarded-for": `${CLAIMED}, 7.7.7.7` },
    ];
    forget();
    for (const claim of claims) {
      // Matchmaking is where the join limit reads the address; room sockets and the page get the same headers.
      await rawRequest(echoPort(), "/matchmake/joinOrCreate/asteroids", {
        method: "POST",
        headers: { ...claim, "content-type": "application/json" },
        body: "{}",
      });
      await openEchoSocket(`ws://127.0.0.1:${echoPort()}/node1${SOCKET_TARGET}`, claim);
      await rawRequest(echoPort(), "/", { headers: claim });
    }
    const seen = allReceived().map((request) => ({
      url: request.url,
      realIp: request.headers["x-real-ip"],
      lastHop: lastHop(request.headers["x-forwarded-for"]),
      forwardedFor: request.headers["x-forwarded-for"],
    }));
    expect(seen).toHaveLength(claims.length * 3);
    for (const request of seen) {
      // The whole header, not only its last hop: the proxy is the edge, so nothing before it is worth passing on.
      expect(request).toEqual({ url: request.url, realIp: "127.0.0.1", lastHop: "127.0.0.1", forwardedFor: "127.0.0.1" });
    }
  });

  test("the page, its assets, /health and matchmaking reach an upstream as sent; anything else off the list is 404", async () => {
    const answered: string[] = [];
    for (const [method, target] of PUBLIC_REQUESTS) {
      forget();
      const { status } = await rawRequest(echoPort(), target, { method, body: method === "POST" ? "{}" : undefined });
      const reached = allReceived().map((request) => `${request.method} ${request.url}`);
      answered.push(`${method} ${target} → ${status}, upstream saw [${reached.join("; ")}]`);
    }
    expect(answered).toEqual(PUBLIC_REQUESTS.map(([method, target]) => `${method} ${target} → 200, upstream saw [${method} ${target}]`));

    const refused: string[] = [];
    forget();
    for (const [method, target] of OFF_LIST_REQUESTS)
      refused.push(`${method} ${target} → ${(await rawRequest(echoPort(), target, { method })).status}`);
    expect(refused).toEqual(OFF_LIST_REQUESTS.map(([method, target]) => `${method} ${target} → 404`));
    expect(allReceived().map((request) => `${request.method} ${request.url}`)).toEqual([]);
  });

  test("odd spellings of public paths are 404 from the proxy, or reach the upstream as the plain path that was allowed", async () => {
    // Caddy may keep a client's percent-escape of a plain letter (/%61ssets) in the path it
    // forwards: the same path once decoded, so the comparison decodes.
    const plainPath = (url: string): string => decodeURIComponent(url.split("?")[0] ?? "");
    const wrong: string[] = [];
    for (const [method, target, plain] of ODD_SPELLINGS) {
      forget();
      const { status } = await rawRequest(echoPort(), target, { method, body: method === "POST" ? "{}" : undefined });
      const seen = allReceived().map((request) => request.url);
      const refused = status === 404 && seen.length === 0;
      const forwardedPlain = seen.length === 1 && plainPath(seen[0]!) === plain;
      if (!refused && !forwardedPlain) wrong.push(`${method} ${target} → ${status}, upstream saw [${seen.join("; ")}]`);
    }
    for (const [target, upstream, plain] of ODD_SOCKET_SPELLINGS) {
      forget();
      const status = await rawUpgrade(echoPort(), target);
      const seen = echoes.flatMap((echo, i) => echo.received.map((request) => `${i + 1}:${request.url}`));
      const refused = status === 404 && seen.length === 0;
      const forwardedPlain = seen.length === 1 && seen[0] === `${upstream}:${plain}`;
      if (!refused && !forwardedPlain) wrong.push(`upgrade ${target} → ${status}, upstream saw [${seen.join("; ")}]`);
    }
    expect(wrong).toEqual([]);
  });

  test("a room socket under /nodeN/ reaches process N with the prefix stripped; other socket paths are 404", async () => {
    const outcomes: string[] = [];
    for (const node of [1, 2]) {
      forget();
      const outcome = await openEchoSocket(`ws://127.0.0.1:${echoPort()}/node${node}${SOCKET_TARGET}`);
      const where = echoes.findIndex((echo) => echo.received.length > 0) + 1;
      outcomes.push(
        "received" in outcome ? `node${node} → upstream ${where} saw ${outcome.received.url}` : `node${node} → ${outcome.status}`,
      );
    }
    expect(outcomes).toEqual([1, 2].map((node) => `node${node} → upstream ${node} saw ${SOCKET_TARGET}`));

    const offShape = [
      "/node3/proc1/room1",
      "/node1/proc1",
      "/node1/proc1/room1/more",
      "/NODE1/proc1/room1",
      "/node1/DASHBOARD/api/stats",
      "/dashboard/api/stats",
    ];
    forget();
    const refused: string[] = [];
    for (const target of offShape) {
      const outcome = await openEchoSocket(`ws://127.0.0.1:${echoPort()}${target}`);
      refused.push(`${target} → ${"status" in outcome ? outcome.status : `upstream saw ${outcome.received.url}`}`);
    }
    expect(refused).toEqual(offShape.map((target) => `${target} → 404`));
  });

  test("SDK clients join rooms through the proxy on both processes and play", async () => {
    const health = JSON.parse((await rawRequest(gamePort(), "/health")).body) as { processId: string };
    expect(processes.map((server) => server.processId)).toContain(health.processId);

    // Rooms go to the process with the fewest: create until both processes hold one (bounded).
    const nodes = new Set<string>();
    for (let i = 0; i < 6 && nodes.size < 2; i++) {
      const room = await join("create", `player-${i}`);
      const url = room.connection.url ?? "";
      expect(url.startsWith(`ws://127.0.0.1:${gamePort()}/node`)).toBe(true);
      nodes.add(/\/(node\d+)\//.exec(url)?.[1] ?? url);
      expect(await waitFor(() => room.state.tick > 0 && room.state.ships.size === 1)).toBe(true);
    }
    expect([...nodes].sort()).toEqual(["node1", "node2"]);
  });
});
