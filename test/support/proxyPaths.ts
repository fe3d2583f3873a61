/**
 * What the proxy tests send, grouped by what deploy/nginx.conf and deploy/Caddyfile must do
 * with it: refuse (the operator side in every spelling; anything off the allow-list),
 * forward as sent (the public side), or forward only as its plain form (odd spellings).
 */

/** The operator side (dashboard, Colyseus's monitor, metrics) in the spellings an attacker tries. */
export const PRIVATE_PATHS = [
  "/dashboard",
  "/dashboard/api/stats",
  "/DASHBOARD/api/stats",
  "/Dashboard/api/rooms",
  "/DashBoard/api/stats",
  "/%64ashboard/api/stats",
  "/%44ASHBOARD/api/stats",
  "/dashboard%2fapi%2fstats",
  "//dashboard/api/stats",
  "/./dashboard/api/stats",
  "/assets/../dashboard/api/stats",
  "/assets/%2e%2e/dashboard/api/stats",
  "/assets/..%2fdashboard/api/stats",
  "/metrics",
  "/METRICS",
  "/Metrics",
  "/%6detrics",
  "/metrics/",
  "//metrics",
  "/health/../metrics",
  "/colyseus/",
  "/COLYSEUS/",
  "/colyseus/api",
  "/COLYSEUS/api",
  "/%63olyseus/api",
  "/node1/DASHBOARD/api/stats",
  "/node1/dashboard/api/stats",
  "/node2/Dashboard/api/rooms",
  "/node1/%64ashboard/api/stats",
  "/node1//dashboard/api/stats",
  "/NODE1/dashboard/api/stats",
  "/node1/metrics",
  "/node2/METRICS",
  "/node1/colyseus/api",
];

/** Requests of the public side: each must reach an upstream exactly as sent. */
export const PUBLIC_REQUESTS: ReadonlyArray<readonly [method: string, target: string]> = [
  ["GET", "/"],
  ["GET", "/?latency=150&jitter=20"],
  ["HEAD", "/"],
  ["GET", "/assets/index-BIHgI0Vd.js"],
  ["GET", "/assets/index-CUJlosZ-.css"],
  ["GET", "/health"],
  ["POST", "/matchmake/joinOrCreate/asteroids"],
  ["POST", "/matchmake/create/lobby"],
  ["POST", "/matchmake/joinById/Ab_3-x9Zq"],
  ["POST", "/matchmake/reconnect/asteroids"],
  ["OPTIONS", "/matchmake/joinOrCreate/asteroids"],
];

/** Outside the allow-list though not secret: the wrong method, case or shape. 404, never forwarded. */
export const OFF_LIST_REQUESTS: ReadonlyArray<readonly [method: string, target: string]> = [
  ["POST", "/"],
  ["GET", "/index.html"],
  ["GET", "/lobby"],
  ["GET", "/assets/"],
  ["GET", "/assets/nested/index.js"],
  ["GET", "/ASSETS/index-BIHgI0Vd.js"],
  ["GET", "/HEALTH"],
  ["GET", "/health/"],
  ["GET", "/matchmake/joinOrCreate/asteroids"],
  ["POST", "/MATCHMAKE/joinOrCreate/asteroids"],
  ["POST", "/matchmake/JoinOrCreate/asteroids"],
  ["POST", "/matchmake/joinOrCreate/asteroids/more"],
  ["POST", "/matchmake/joinOrCreate/"],
  // Room sockets are WebSocket upgrades only: a plain request to the same path is not one.
  ["GET", "/node1/proc1/room1"],
  ["GET", "/node2/proc1/room1"],
];

/**
 * Public requests spelled oddly, with their plain form: each must be 404, or reach an upstream
 * as the plain path that was allowed. Passed on as sent, /x/../matchmake/… would reach
 * Colyseus's matchmaking (which resolves `..` itself) around the processes' guard, which
 * recognises matchmaking by its spelling.
 */
export const ODD_SPELLINGS: ReadonlyArray<readonly [method: string, target: string, plain: string]> = [
  ["POST", "/x/../matchmake/joinOrCreate/asteroids", "/matchmake/joinOrCreate/asteroids"],
  ["POST", "/x/%2e%2e/matchmake/joinOrCreate/asteroids", "/matchmake/joinOrCreate/asteroids"],
  ["POST", "/./matchmake/joinOrCreate/asteroids", "/matchmake/joinOrCreate/asteroids"],
  ["POST", "//matchmake/joinOrCreate/asteroids", "/matchmake/joinOrCreate/asteroids"],
  ["POST", "/matchmake//joinOrCreate/asteroids", "/matchmake/joinOrCreate/asteroids"],
  ["POST", "/matchmake/joinOrCreate/%61steroids", "/matchmake/joinOrCreate/asteroids"],
  ["POST", "/%6datchmake/joinOrCreate/asteroids", "/matchmake/joinOrCreate/asteroids"],
  ["GET", "/%61ssets/index-BIHgI0Vd.js", "/assets/index-BIHgI0Vd.js"],
  ["GET", "/assets/x/../index-BIHgI0Vd.js", "/assets/index-BIHgI0Vd.js"],
  ["GET", "/./health", "/health"],
  ["GET", "//", "/"],
];

/** Room-socket handshakes spelled oddly, with the upstream (1 or 2) and path each may reach. */
export const ODD_SOCKET_SPELLINGS: ReadonlyArray<readonly [target: string, upstream: number, plain: string]> = [
  ["/node1/./proc1/room1", 1, "/proc1/room1"],
  ["/node2/../node1/proc1/room1", 1, "/proc1/room1"],
  ["/node2/%70roc1/room1", 2, "/proc1/room1"],
  ["//node2/proc1/room1", 2, "/proc1/room1"],
];
