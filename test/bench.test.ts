/**
 * `npm run bench -- --quick` end to end: a real server process, real bot processes,
 * every scenario, and reports whose numbers come from the run (a smoke test of the
 * benchmark's plumbing, run with --explore: a loaded test machine may miss a target, which
 * would make the bench exit 1; its figures are not asserted against targets here).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadReport } from "../bench/load/report";

const root = path.resolve(__dirname, "..");
let benchGroup: number | undefined;

// If the test times out, its whole process group (npm, the bench, its server and bots) goes with it.
afterAll(() => {
  if (benchGroup === undefined) return;
  try {
    process.kill(-benchGroup, "SIGKILL");
  } catch {
    // Already gone: the normal case.
  }
});

test("npm run bench -- --quick --explore writes JSON, Markdown and SVG reports from a real run", async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "netroids-bench-"));
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "bench", "--", "--quick", "--explore", "--out", out], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    benchGroup = child.pid;
    child.on("error", reject);
    child.on("exit", resolve);
  });
  expect(code).toBe(0);

  const report = JSON.parse(fs.readFileSync(path.join(out, "load-quick.json"), "utf8")) as LoadReport;
  for (const scenario of [report.main, report.unrecorded, report.reference]) {
    expect(scenario.joined).toBe(100);
    expect(scenario.failed).toBe(0);
    expect(scenario.rttMs.n).toBeGreaterThan(100);
    expect(scenario.idle.median).toBeGreaterThan(0);
    expect(scenario.idle.median).toBeLessThanOrEqual(1);
    expect(scenario.samples.length).toBeGreaterThanOrEqual(3);
  }
  // The tutorial room sends every client the whole world every patch, in full floats; netroids sends each its neighbourhood.
  expect(report.reference.downKBps).toBeGreaterThan(report.main.downKBps);
  // One input message per step against key changes and heartbeats.
  expect(report.reference.upMessagesPerS).toBeGreaterThan(3 * report.main.upMessagesPerS);
  expect(report.main.ticksPerSecond).toBeGreaterThan(50);
  // The room records its match unless told not to (REPLAYS=off).
  expect(report.main.replayKBPerPlayerMinute).toBeGreaterThan(0);
  expect(report.main.replayCpuPercent).toBeGreaterThan(0);
  expect(report.unrecorded.replayKBPerPlayerMinute).toBe(0);
  expect(report.main.tickMs.p50).toBeGreaterThan(0);
  expect(report.steps.length).toBeGreaterThanOrEqual(1);
  expect(report.steps[0]!.result.rooms).toBe(2);

  const markdown = fs.readFileSync(path.join(out, "load-quick.md"), "utf8");
  expect(markdown).toContain("## One room, 100 bots");
  expect(markdown).toContain("## Reference: the room a Colyseus tutorial would write");
  expect(markdown).toContain("## Recording's cost");
  expect(markdown).toContain(`${report.main.replayKBPerPlayerMinute.toFixed(1)} KB per player-minute`);
  expect(markdown).toContain(`${report.main.downKBps.toFixed(2)} KB/s`);
  const svg = fs.readFileSync(path.join(out, "load-quick.svg"), "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toContain('data-series="simulation"');
  fs.rmSync(out, { recursive: true, force: true });
}, 120_000);
