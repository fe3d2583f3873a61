/** Builds the web client with Vite when its output is missing or older than its sources. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Newest modification time (ms) of any file under `target`. */
function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    // Tests never reach the bundle; editing one should not trigger a rebuild.
    if (entry === "node_modules" || entry === "dist" || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Returns the folder to serve (webDir/dist), building it first when stale. */
export async function ensureWebBuild(webDir: string): Promise<string> {
  const dist = path.join(webDir, "dist");
  const builtAt = newestMtime(path.join(dist, "index.html"));
  // The client imports client/ and shared/, so a change there needs a rebuild too.
  const sourcesAt = Math.max(newestMtime(webDir), ...["client", "shared"].map((folder) => newestMtime(path.resolve(webDir, "..", folder))));
  if (builtAt > 0 && builtAt >= sourcesAt) return dist;
  const vite = path.resolve(webDir, "..", "node_modules", ".bin", "vite");
  // A production install (npm ci --omit=dev, the Docker image) has no vite: serve the bundle it shipped with.
  if (builtAt > 0 && !fs.existsSync(vite)) {
    console.log("netroids: web/ looks newer than web/dist, but vite is not installed: serving the existing build");
    return dist;
  }
  console.log("netroids: building the web client…");
  const result = spawnSync(vite, ["build", "--config", path.join(webDir, "vite.config.mts"), "--logLevel", "warn"], {
    stdio: "inherit",
    // Under jest NODE_ENV is "test", which would bundle React's development build.
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`web client build failed (exit ${result.status ?? result.signal})`);
  return dist;
}
