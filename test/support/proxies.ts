/**
 * The shipped reverse-proxy configs, deploy/nginx.conf and deploy/Caddyfile, run by the
 * real nginx and Caddy (Debian's packages) on loopback. The config under test is the
 * shipped file with mechanical substitutions only:
 *   - the two processes' ports (2567, 2568) become the test's upstream ports;
 *   - the listen address becomes 127.0.0.1:<free port>, plain HTTP: TLS is left out,
 *     because the SDK's fetch and WebSocket in Node cannot be told to trust a throwaway
 *     certificate without patching globals (nginx's IPv6 listens and certificate lines
 *     go with it; Caddy's site address becomes http://127.0.0.1:<port>);
 *   - nginx gets a main config of its own (pid, temp paths, log to stderr) so that it
 *     runs unprivileged in a temp dir; Caddy gets `admin off` so that two can run at once.
 * The routing — what is public, what is 404, which headers go upstream — is the shipped
 * text. A substitution that finds nothing fails loudly: the test never quietly runs a
 * config other than the one shipped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../bench/load/redisServer";

export type ProxyKind = "nginx" | "caddy";
export const PROXY_KINDS: readonly ProxyKind[] = ["nginx", "caddy"];

/** Where Debian's packages put them; CI installs both (.ci/run). */
const BINARY: Record<ProxyKind, string> = { nginx: "/usr/sbin/nginx", caddy: "/usr/bin/caddy" };
const DEPLOY_FILE: Record<ProxyKind, string> = { nginx: "nginx.conf", caddy: "Caddyfile" };
const DEPLOY_DIR = path.resolve(__dirname, "..", "..", "deploy");

export interface RunningProxy {
  kind: ProxyKind;
  port: number;
  stop(): Promise<void>;
}

/** Fails with the install command when the proxy is not installed (a test that skipped would prove nothing). */
export function requireProxyBinary(kind: ProxyKind): void {
  if (!fs.existsSync(BINARY[kind])) throw new Error(`${BINARY[kind]} not found: install it with apt-get install -y ${kind}`);
}

type Substitution = readonly [pattern: RegExp, replacement: string];

function substitute(text: string, file: string, substitutions: readonly Substitution[]): string {
  return substitutions.reduce((result, [pattern, replacement]) => {
    if (!result.match(pattern)) throw new Error(`deploy/${file} no longer has ${pattern}: update test/support/proxies.ts to match it`);
    return result.replace(pattern, replacement);
  }, text);
}

/** The shipped processes' ports, 2567 and 2568, replaced by `upstreams` (ports on 127.0.0.1). */
function upstreamSubstitutions(upstreams: readonly [number, number]): Substitution[] {
  return [
    [/127\.0\.0\.1:2567\b/g, `127.0.0.1:${upstreams[0]}`],
    [/127\.0\.0\.1:2568\b/g, `127.0.0.1:${upstreams[1]}`],
  ];
}

/** deploy/nginx.conf (an http{}-context file) for the test, and the main config that includes it. */
function nginxTestConfig(shipped: string, dir: string, port: number, redirectPort: number, upstreams: readonly [number, number]): string {
  const site = substitute(shipped, DEPLOY_FILE.nginx, [
    ...upstreamSubstitutions(upstreams),
    [/^(\s*)listen 80;$/gm, `$1listen 127.0.0.1:${redirectPort};`],
    [/^(\s*)listen 443 ssl http2;$/gm, `$1listen 127.0.0.1:${port};`],
    [/^\s*listen \[::\]:(80|443 ssl http2);\n/gm, ""],
    [/^\s*ssl_certificate(_key)? .*\n/gm, ""],
    [/server_name game\.example\.com;/g, "server_name 127.0.0.1;"],
  ]);
  fs.writeFileSync(path.join(dir, "netroids.conf"), site);
  const temp = (name: string): string => path.join(dir, name);
  return [
    `pid ${temp("nginx.pid")};`,
    "error_log stderr warn;",
    "events { worker_connections 256; }",
    "http {",
    "    access_log off;",
    `    client_body_temp_path ${temp("client_body")};`,
    `    proxy_temp_path ${temp("proxy")};`,
    `    fastcgi_temp_path ${temp("fastcgi")};`,
    `    uwsgi_temp_path ${temp("uwsgi")};`,
    `    scgi_temp_path ${temp("scgi")};`,
    `    include ${path.join(dir, "netroids.conf")};`,
    "}",
    "",
  ].join("\n");
}

/** deploy/Caddyfile for the test: one plain-HTTP site on loopback, no admin endpoint. */
function caddyTestConfig(shipped: string, port: number, upstreams: readonly [number, number]): string {
  const site = substitute(shipped, DEPLOY_FILE.caddy, [
    ...upstreamSubstitutions(upstreams),
    [/^game\.example\.com \{$/m, `http://127.0.0.1:${port} {`],
  ]);
  // Caddy's admin API listens on localhost:2019 by default: two Caddys would collide there.
  if (/^\{\s*$/m.test(site)) return site.replace(/^\{\s*$/m, "{\n\tadmin off");
  return `{\n\tadmin off\n}\n\n${site}`;
}

/** Resolves once `port` accepts connections; rejects if `child` exits first or time runs out. */
async function accepting(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited with ${child.exitCode ?? child.signalCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const probe = net.connect(port, "127.0.0.1");
      probe.once("connect", () => {
        probe.destroy();
        resolve(true);
      });
      probe.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`port ${port} not open within ${timeoutMs} ms`);
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `kind` with the shipped config in front of `upstreams` (process 1 behind /node1/,
 * process 2 behind /node2/, both behind the balanced paths), listening on `port`.
 */
export async function startProxy(
  kind: ProxyKind,
  port: number,
  upstreams: readonly [number, number],
  timeoutMs = 10_000,
): Promise<RunningProxy> {
  requireProxyBinary(kind);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `netroids-${kind}-`));
  // Run as root, nginx's workers drop to `nobody`, which must be able to reach the temp paths.
  fs.chmodSync(dir, 0o755);
  const shipped = fs.readFileSync(path.join(DEPLOY_DIR, DEPLOY_FILE[kind]), "utf8");
  let args: string[];
  if (kind === "nginx") {
    const main = path.join(dir, "nginx.conf");
    fs.writeFileSync(main, nginxTestConfig(shipped, dir, port, await freePort(), upstreams));
    // -e: log to stderr from the first line, before the config's error_log is read.
    args = ["-p", dir, "-c", main, "-e", "stderr", "-g", "daemon off;"];
  } else {
    const file = path.join(dir, "Caddyfile");
    fs.writeFileSync(file, caddyTestConfig(shipped, port, upstreams));
    args = ["run", "--config", file, "--adapter", "caddyfile"];
  }
  // Caddy keeps state (autosave, certificates) under HOME / XDG dirs: keep it in the temp dir.
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: dir,
    XDG_DATA_HOME: path.join(dir, "data"),
    XDG_CONFIG_HOME: path.join(dir, "config"),
  };
  const child = spawn(BINARY[kind], args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("error", (error) => {
    output += `\n${error.message}`;
  });
  const stop = async (): Promise<void> => {
    // SIGTERM is both servers' fast shutdown: open WebSockets do not hold it up.
    child.kill("SIGTERM");
    if (!(await exited(child, 5000))) child.kill("SIGKILL");
    await exited(child, 5000);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await accepting(port, child, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${kind} did not start with deploy/${DEPLOY_FILE[kind]} (${(error as Error).message}):\n${output}`, { cause: error });
  }
  return { kind, port, stop };
}
