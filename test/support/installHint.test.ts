import { detectPlatform, installHint } from "./installHint";

test("the platform: macOS by name, Debian and Ubuntu (and their derivatives) by /etc/os-release", () => {
  expect(detectPlatform("darwin", () => "")).toBe("macos");
  expect(detectPlatform("linux", () => 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toBe("debian");
  expect(detectPlatform("linux", () => "ID=ubuntu\nID_LIKE=debian\n")).toBe("debian");
  expect(detectPlatform("linux", () => 'ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe("debian");
  expect(detectPlatform("linux", () => "ID=fedora\n")).toBe("other");
  expect(detectPlatform("linux", () => "")).toBe("other");
  expect(detectPlatform("win32", () => "ID=debian\n")).toBe("other");
});

test("one command for what is missing, and the variable that points at one already there", () => {
  expect(installHint(["chromium", "redis"], "debian")).toBe(
    "sudo apt-get install -y chromium redis-server (or set CHROMIUM_PATH=/path/to/chrome, REDIS_URL=redis://host:port of a throwaway Redis)",
  );
  expect(installHint(["redis"], "debian")).toBe(
    "sudo apt-get install -y redis-server (or set REDIS_URL=redis://host:port of a throwaway Redis)",
  );
  expect(installHint(["chromium", "redis"], "macos")).toBe(
    "brew install --cask google-chrome and brew install redis (or set CHROMIUM_PATH=/path/to/chrome, REDIS_URL=redis://host:port of a throwaway Redis)",
  );
  expect(installHint(["chromium"], "other")).toBe("install Chromium or Google Chrome (or set CHROMIUM_PATH=/path/to/chrome)");
});
