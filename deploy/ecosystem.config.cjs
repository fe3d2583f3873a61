// PM2: two netroids processes behind nginx or Caddy (deploy/nginx.conf, deploy/Caddyfile).
//   npm ci && npm run build:web && pm2 start deploy/ecosystem.config.cjs
// Fork mode, one app per port: PM2's cluster mode would share one port between workers,
// but each Colyseus process needs its own port, reachable at its own PUBLIC_ADDRESS.
const path = require("node:path");

// Read when `pm2 start` runs; edit here or export them first.
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const PUBLIC_HOST = process.env.PUBLIC_HOST || "game.example.com";

function netroids(n, port) {
  return {
    name: `netroids-${n}`,
    cwd: path.resolve(__dirname, ".."),
    // `node --import tsx server/main.ts`: what `npm start` runs, without npm and tsx's CLI
    // wrapper in between, so PM2's stop signal reaches the server itself. Run as a plain
    // binary (interpreter "none"): given a .ts script, PM2 would look for ts-node.
    script: "node",
    args: "--import tsx server/main.ts",
    interpreter: "none",
    exec_mode: "fork",
    instances: 1,
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      REDIS_URL,
      PUBLIC_ADDRESS: `${PUBLIC_HOST}/node${n}`,
      // Behind nginx or Caddy: the client's address comes from the proxy's headers (join rate limit).
      TRUST_PROXY: "1",
      // DASHBOARD: "1", DASHBOARD_PASSWORD: "…",
    },
    // PM2 stops with SIGINT, which the server handles like SIGTERM: rooms close and tell
    // their clients. Give that time before PM2's SIGKILL.
    kill_timeout: 10000,
    restart_delay: 2000,
  };
}

module.exports = { apps: [netroids(1, 2567), netroids(2, 2568)] };
