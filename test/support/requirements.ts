/**
 * The programs outside npm that some tests drive — a Chromium-family browser, and
 * redis-server or a Redis at REDIS_URL — checked before any test runs, so that a machine
 * without them learns it in one line that says what to install, instead of from a dozen
 * failing suites (or, worse, from tests that skipped).
 */
import net from "node:net";
import { findChromium } from "./findChromium";
import { findOnPath } from "./executables";
import { detectPlatform, installHint, type Platform, type Requirement } from "./installHint";
import { redactRedisUrl } from "../../server/scaleOut/config";

/** How long a Redis at REDIS_URL has to accept a TCP connection, ms: it is local or near in any sane test setup. */
const REDIS_CONNECT_TIMEOUT_MS = 3000;

/** Resolves with undefined when host:port of `url` accepts a connection, else with why not. */
function unreachable(url: string, timeoutMs = REDIS_CONNECT_TIMEOUT_MS): Promise<string | undefined> {
  let host: string;
  let port: number;
  try {
    const parsed = new URL(url);
    host = parsed.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1";
    port = Number(parsed.port || 6379);
  } catch {
    return Promise.resolve("is not a URL");
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (why: string | undefined): void => {
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(timeoutMs, () => done(`does not answer within ${timeoutMs} ms`));
    socket.once("connect", () => done(undefined));
    socket.once("error", (error: NodeJS.ErrnoException) => done(`does not answer: ${error.code ?? error.message}`));
  });
}

/**
 * The one line to show when `needed` is not all here, or undefined when it is. With
 * REDIS_URL set the tests use that Redis, so redis-server is not needed, but it must answer.
 */
export async function missingRequirements(
  needed: readonly Requirement[],
  env: NodeJS.ProcessEnv = process.env,
  platform: Platform = detectPlatform(),
): Promise<string | undefined> {
  const problems: string[] = [];
  const toInstall: Requirement[] = [];
  if (needed.includes("chromium")) {
    const chromium = findChromium(env);
    if (!chromium.found) {
      problems.push(`${chromium.reason} (browser tests)`);
      toInstall.push("chromium");
    }
  }
  const redisUrl = env.REDIS_URL?.trim();
  if (needed.includes("redis") && redisUrl) {
    const why = await unreachable(redisUrl);
    if (why) problems.push(`REDIS_URL ${redactRedisUrl(redisUrl)} ${why} (scale-out tests)`);
  } else if (needed.includes("redis") && !findOnPath("redis-server", env.PATH)) {
    problems.push("redis-server is not on PATH (scale-out tests)");
    toInstall.push("redis");
  }
  if (problems.length === 0) return undefined;
  const install = toInstall.length > 0 ? `; install: ${installHint(toInstall, platform)}` : "";
  return `Cannot run the tests: ${problems.join(", ")}${install}`;
}
