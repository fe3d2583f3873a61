import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { missingRequirements } from "./requirements";
import { freePort } from "../../bench/load/redisServer";

// Nothing is found on an empty PATH or at a CHROMIUM_PATH that does not exist, whatever this machine has installed.
const BARE: NodeJS.ProcessEnv = { PATH: "", CHROMIUM_PATH: "/nonexistent/chrome" };

test("all there, or not needed: nothing to say", async () => {
  expect(await missingRequirements([], BARE, "debian")).toBeUndefined();
  // Any executable file at CHROMIUM_PATH passes the check; and a redis-server anywhere on PATH.
  expect(await missingRequirements(["chromium"], { CHROMIUM_PATH: process.execPath }, "debian")).toBeUndefined();
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-path-"));
  try {
    fs.writeFileSync(path.join(bin, "redis-server"), "#!/bin/sh\n", { mode: 0o755 });
    expect(await missingRequirements(["redis"], { PATH: `/nonexistent${path.delimiter}${bin}` }, "debian")).toBeUndefined();
  } finally {
    fs.rmSync(bin, { recursive: true });
  }
});

test("both missing: one line naming both and the one command that installs them", async () => {
  expect(await missingRequirements(["chromium", "redis"], BARE, "debian")).toBe(
    "Cannot run the tests: CHROMIUM_PATH=/nonexistent/chrome is not an executable file (browser tests), redis-server is not on PATH (scale-out tests); " +
      "install: sudo apt-get install -y chromium redis-server (or set CHROMIUM_PATH=/path/to/chrome, REDIS_URL=redis://host:port of a throwaway Redis)",
  );
  expect(await missingRequirements(["redis"], BARE, "macos")).toBe(
    "Cannot run the tests: redis-server is not on PATH (scale-out tests); install: brew install redis (or set REDIS_URL=redis://host:port of a throwaway Redis)",
  );
});

test("with REDIS_URL, redis-server is not needed but that Redis must answer (its password is not shown)", async () => {
  const listening = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  const port = (listening.address() as net.AddressInfo).port;
  try {
    expect(await missingRequirements(["redis"], { ...BARE, REDIS_URL: `redis://127.0.0.1:${port}` }, "debian")).toBeUndefined();
  } finally {
    await new Promise((resolve) => listening.close(resolve));
  }
  const closed = await freePort();
  expect(await missingRequirements(["redis"], { ...BARE, REDIS_URL: `redis://:hunter2@127.0.0.1:${closed}/0` }, "debian")).toBe(
    `Cannot run the tests: REDIS_URL redis://:***@127.0.0.1:${closed}/0 does not answer: ECONNREFUSED (scale-out tests)`,
  );
});
