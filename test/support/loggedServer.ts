/**
 * The game server in its own process with everything it prints captured, stdout and
 * stderr alike: for tests about what reaches the operator's log.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

export interface LoggedServer {
  baseUrl: string;
  /** Every line printed so far, both streams, in arrival order. */
  lines: string[];
  stop(): Promise<void>;
}

export async function startLoggedServer(env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<LoggedServer> {
  const entry = path.resolve(__dirname, "..", "..", "bench", "load", "benchServer.ts");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, ...env, PORT: "0" },
    // The IPC channel is the child's lifeline (exitWithParent): it exits with the test.
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => lines.push(line));
  createInterface({ input: child.stderr! }).on("line", (line) => lines.push(line));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const deadline = Date.now() + timeoutMs;
  let port: number | undefined;
  while (port === undefined) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start: ${lines.join("\n")}`);
    const ready = lines.map((line) => /^PORT (\d+)$/.exec(line)).find(Boolean);
    port = ready ? Number(ready[1]) : undefined;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    lines,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
