/**
 * Where a Chromium-family browser usually is, for playwright-core (which does not bring
 * one of its own): CHROMIUM_PATH when set (and then only there: an explicit choice that
 * points at nothing is an error, not a hint to look elsewhere), else Debian/Ubuntu's
 * packages, Google Chrome on Linux and macOS, Chromium on macOS, and the newest browser
 * in Playwright's download cache (what `npx playwright-core install chromium` fetches).
 */
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { isExecutableFile } from "./executables";

/** What the finder may ask of the disk; tests pass a fake one. */
export interface Disk {
  isExecutable(file: string): boolean;
  /** The names in `dir`, or [] when it does not exist. */
  list(dir: string): string[];
}

const realDisk: Disk = {
  isExecutable: isExecutableFile,
  list(dir) {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  },
};

/** Installed browsers, in order of preference. */
const SYSTEM_BROWSERS = [
  "/usr/bin/chromium", // Debian
  "/usr/bin/chromium-browser", // Ubuntu's package (a snap wrapper on recent releases)
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/**
 * Inside a Playwright `chromium-<revision>/` folder: the binary under each platform folder.
 * Playwright 1.5x ships Chrome for Testing (chrome-linux64/, chrome-mac-arm64/…); older
 * releases shipped Chromium (chrome-linux/, chrome-mac/Chromium.app).
 */
function cachedBinaries(platformDir: string): string[] {
  if (platformDir.startsWith("chrome-linux")) return [path.join(platformDir, "chrome")];
  if (platformDir.startsWith("chrome-mac")) {
    return [
      path.join(platformDir, "Google Chrome for Testing.app", "Contents", "MacOS", "Google Chrome for Testing"),
      path.join(platformDir, "Chromium.app", "Contents", "MacOS", "Chromium"),
    ];
  }
  return [];
}

/** Playwright's cache folders, as playwright-core computes them (PLAYWRIGHT_BROWSERS_PATH, XDG_CACHE_HOME), Linux's and macOS's. */
function playwrightCaches(env: NodeJS.ProcessEnv, home: string): string[] {
  const caches = [path.join(home, ".cache", "ms-playwright"), path.join(home, "Library", "Caches", "ms-playwright")];
  if (env.XDG_CACHE_HOME) caches.unshift(path.join(env.XDG_CACHE_HOME, "ms-playwright"));
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== "0") caches.unshift(env.PLAYWRIGHT_BROWSERS_PATH);
  return [...new Set(caches)];
}

/** Every cached Chromium binary path, newest revision first (it is the one playwright-core was built against). */
function cachedBrowsers(env: NodeJS.ProcessEnv, home: string, disk: Disk): string[] {
  const found: string[] = [];
  for (const cache of playwrightCaches(env, home)) {
    const revisions = disk
      .list(cache)
      .map((name) => /^chromium-(\d+)$/.exec(name))
      .filter((match): match is RegExpExecArray => match !== null)
      .sort((a, b) => Number(b[1]) - Number(a[1]));
    for (const [dirName] of revisions) {
      const revisionDir = path.join(cache, dirName);
      for (const platformDir of disk.list(revisionDir).sort()) {
        found.push(...cachedBinaries(platformDir).map((binary) => path.join(revisionDir, binary)));
      }
    }
  }
  return found;
}

export type ChromiumSearch = { found: true; path: string } | { found: false; reason: string };

/** Finds the browser the tests drive; when there is none, says why in a few words. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, disk: Disk = realDisk, home: string = os.homedir()): ChromiumSearch {
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) {
    return disk.isExecutable(chosen)
      ? { found: true, path: chosen }
      : { found: false, reason: `CHROMIUM_PATH=${chosen} is not an executable file` };
  }
  const found = [...SYSTEM_BROWSERS, ...cachedBrowsers(env, home, disk)].find((candidate) => disk.isExecutable(candidate));
  return found ? { found: true, path: found } : { found: false, reason: "no Chromium-family browser found" };
}
