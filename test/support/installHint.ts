/** The command that installs what the tests need, in this platform's own words. */
import fs from "node:fs";

export type Requirement = "chromium" | "redis";

export type Platform = "debian" | "macos" | "other";

/** Debian and its derivatives (Ubuntu, Mint…) say so in /etc/os-release's ID or ID_LIKE. */
export function detectPlatform(platform: NodeJS.Platform = process.platform, osRelease: () => string = readOsRelease): Platform {
  if (platform === "darwin") return "macos";
  if (platform !== "linux") return "other";
  const ids = osRelease()
    .split("\n")
    .filter((line) => /^(ID|ID_LIKE)=/.test(line))
    .join(" ");
  return /\b(debian|ubuntu)\b/.test(ids) ? "debian" : "other";
}

function readOsRelease(): string {
  try {
    return fs.readFileSync("/etc/os-release", "utf8");
  } catch {
    return "";
  }
}

const APT_PACKAGE: Record<Requirement, string> = { chromium: "chromium", redis: "redis-server" };
const BREW_COMMAND: Record<Requirement, string> = { chromium: "brew install --cask google-chrome", redis: "brew install redis" };
const GENERIC: Record<Requirement, string> = {
  chromium: "install Chromium or Google Chrome",
  redis: "install Redis (redis-server on PATH)",
};
/** Either requirement can also be met by pointing at one that exists. */
const OVERRIDE: Record<Requirement, string> = {
  chromium: "CHROMIUM_PATH=/path/to/chrome",
  redis: "REDIS_URL=redis://host:port of a throwaway Redis",
};

/** e.g. "sudo apt-get install -y chromium redis-server (or set CHROMIUM_PATH=…)". */
export function installHint(missing: readonly Requirement[], platform: Platform): string {
  const install =
    platform === "debian"
      ? `sudo apt-get install -y ${missing.map((what) => APT_PACKAGE[what]).join(" ")}`
      : missing.map((what) => (platform === "macos" ? BREW_COMMAND : GENERIC)[what]).join(" and ");
  return `${install} (or set ${missing.map((what) => OVERRIDE[what]).join(", ")})`;
}
