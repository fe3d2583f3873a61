import { findChromium, type Disk } from "./findChromium";

const HOME = "/home/ada";

/** A disk holding exactly `files` (executables); folders are implied by their paths. */
function diskWith(...files: string[]): Disk {
  return {
    isExecutable: (file) => files.includes(file),
    list(dir) {
      const prefix = `${dir}/`;
      return [...new Set(files.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length).split("/")[0]!))];
    },
  };
}

const find = (disk: Disk, env: NodeJS.ProcessEnv = {}) => findChromium(env, disk, HOME);

test("CHROMIUM_PATH wins, and when it points at nothing that is the answer, not a search elsewhere", () => {
  const disk = diskWith("/usr/bin/chromium", "/opt/mine/chrome");
  expect(find(disk, { CHROMIUM_PATH: "/opt/mine/chrome" })).toEqual({ found: true, path: "/opt/mine/chrome" });
  expect(find(disk, { CHROMIUM_PATH: "/opt/gone/chrome" })).toEqual({
    found: false,
    reason: "CHROMIUM_PATH=/opt/gone/chrome is not an executable file",
  });
  expect(find(disk, { CHROMIUM_PATH: "  " })).toEqual({ found: true, path: "/usr/bin/chromium" });
});

test("Debian's and Ubuntu's packages, then Google Chrome on Linux, then macOS's apps", () => {
  expect(find(diskWith("/usr/bin/google-chrome", "/usr/bin/chromium"))).toEqual({ found: true, path: "/usr/bin/chromium" });
  expect(find(diskWith("/snap/bin/chromium"))).toEqual({ found: true, path: "/snap/bin/chromium" });
  expect(find(diskWith("/opt/google/chrome/chrome"))).toEqual({ found: true, path: "/opt/google/chrome/chrome" });
  const macChrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
  expect(find(diskWith("/Applications/Chromium.app/Contents/MacOS/Chromium", macChrome))).toEqual({ found: true, path: macChrome });
});

test("Playwright's cache on Linux: the newest revision, old (chrome-linux) and new (chrome-linux64) layouts", () => {
  const cache = `${HOME}/.cache/ms-playwright`;
  const disk = diskWith(
    `${cache}/chromium-999/chrome-linux/chrome`,
    `${cache}/chromium-1200/chrome-linux64/chrome`,
    `${cache}/chromium_headless_shell-1300/chrome-linux/headless_shell`,
  );
  expect(find(disk)).toEqual({ found: true, path: `${cache}/chromium-1200/chrome-linux64/chrome` });
  // A system browser is preferred to a cached one.
  expect(find(diskWith("/usr/bin/chromium-browser", `${cache}/chromium-1200/chrome-linux64/chrome`))).toEqual({
    found: true,
    path: "/usr/bin/chromium-browser",
  });
});

test("Playwright's cache on macOS: Chrome for Testing or Chromium.app; PLAYWRIGHT_BROWSERS_PATH and XDG_CACHE_HOME are searched first", () => {
  const mac = `${HOME}/Library/Caches/ms-playwright`;
  const testing = `${mac}/chromium-1200/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`;
  expect(find(diskWith(testing))).toEqual({ found: true, path: testing });
  const old = `${mac}/chromium-1000/chrome-mac/Chromium.app/Contents/MacOS/Chromium`;
  expect(find(diskWith(old))).toEqual({ found: true, path: old });

  const custom = "/srv/browsers/chromium-1100/chrome-linux64/chrome";
  expect(find(diskWith(testing, custom), { PLAYWRIGHT_BROWSERS_PATH: "/srv/browsers" })).toEqual({ found: true, path: custom });
  const xdg = "/xdg/ms-playwright/chromium-1100/chrome-linux64/chrome";
  expect(find(diskWith(testing, xdg), { XDG_CACHE_HOME: "/xdg" })).toEqual({ found: true, path: xdg });
});

test("nothing anywhere: not found, with a reason", () => {
  expect(find(diskWith("/usr/bin/firefox", `${HOME}/.cache/ms-playwright/firefox-1500/firefox/firefox`))).toEqual({
    found: false,
    reason: "no Chromium-family browser found",
  });
});
