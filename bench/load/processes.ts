/**
 * Child processes of the load benchmark (the server, bot workers): TypeScript entries
 * run by node with tsx's loader in the same process (so node flags such as --cpu-prof
 * apply to the entry itself), their stdout read line by line.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

export interface TsxChild {
  process: ChildProcess;
  /** Resolves with the first stdout line matching `pattern`, or rejects after `timeoutMs` or when the process exits first. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** Sends SIGTERM and resolves when the process has exited (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
  /** Every line printed so far: stdout, and stderr too when it is captured. */
  readonly output: readonly string[];
}

export interface SpawnOptions {
  /** Read stderr into `output` instead of passing it through (tests of what reaches the log). */
  captureStderr?: boolean;
}

export function spawnTsx(
  entry: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
  env: NodeJS.ProcessEnv = process.env,
  options: SpawnOptions = {},
): TsxChild {
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", path.resolve(__dirname, entry), ...args], {
    env,
    // The IPC channel is a lifeline: a child exits when it closes (see exitWithParent), so nothing outlives a killed run.
    stdio: ["ignore", "pipe", options.captureStderr ? "pipe" : "inherit", "ipc"],
  });
  child.on("error", (error) => {
    process.stderr.write(`${entry}: ${error.message}\n`);
  });
  const lines: string[] = [];
  const output: string[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout! }).on("line", (line) => {
    lines.push(line);
    output.push(line);
    for (const wake of waiters) wake();
  });
  if (child.stderr) createInterface({ input: child.stderr }).on("line", (line) => output.push(line));
  const exited = new Promise<void>((resolve) =>
    child.once("close", () => {
      for (const wake of waiters) wake();
      resolve();
    }),
  );
  return {
    process: child,
    output,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`${entry}: no line matching ${pattern} within ${timeoutMs} ms`)), timeoutMs);
        const check = (): void => {
          for (const line of lines) {
            const match = pattern.exec(line);
            if (match) return done(undefined, match);
          }
          if (child.exitCode !== null || child.signalCode !== null) done(new Error(`${entry} exited before printing ${pattern}`));
        };
        function done(error: Error | undefined, match?: RegExpExecArray): void {
          clearTimeout(timer);
          waiters.delete(check);
          if (match) resolve(match);
          else reject(error);
        }
        waiters.add(check);
        check();
      });
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every mainstream kernel build). */
const USER_HZ = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; undefined where there is no /proc. */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return undefined;
  }
}

/** In a child started by spawnTsx: exit when the parent goes away (its IPC channel closes), however it ended. */
export function exitWithParent(): void {
  process.on("disconnect", () => process.exit(0));
}
