/**
 * A throwaway redis-server for a test file or a benchmark: its own loopback port, no
 * persistence, killed with its parent. CI installs the package (see .ci/run).
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { createInterface } from "node:readline";

export interface RedisHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now (the OS picks; a small race with other processes is acceptable in tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address() as net.AddressInfo;
      probe.close(() => resolve(address.port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startRedis(timeoutMs = 10_000): Promise<RedisHandle> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`redis-server did not start within ${timeoutMs} ms`)), timeoutMs);
    function fail(error: Error): void {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    }
    child.once("error", (error) => fail(new Error(`redis-server could not start (${error.message}): apt-get install -y redis-server`)));
    child.once("exit", (code) => fail(new Error(`redis-server exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!/Ready to accept connections/.test(line)) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve();
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      child.kill("SIGTERM");
      await exited(child);
    },
  };
}
