import { minuteRows } from "./minutes";
import type { SoakCounts, SoakSample } from "./sample";
import { slope, trendOf } from "./trend";
import { decide, type BotTally } from "./verdicts";

const ZERO: SoakCounts = { dropped: 0, expelled: 0, stderrLines: 0, majorGcs: 0 };
const BOTS: BotTally = { bots: 100, joined: 100, failed: 0, errors: 0, dropped: 0 };

/** A 10-minute run sampled every 10 s; `heapAt` gives the post-GC heap at t seconds. */
function run(heapAt: (t: number) => number, change: (sample: SoakSample) => Partial<SoakSample> = () => ({})): SoakSample[] {
  const samples: SoakSample[] = [];
  for (let slot = 1; slot <= 60; slot++) {
    const t = slot * 10 + (slot % 3) * 0.05;
    // A saw-tooth 40 MB deep on top of the floor, as the scraped heap looks.
    const base: SoakSample = {
      t,
      at: 1_000_000 + t * 1000,
      rssMB: 230 + (slot % 4) * 5,
      heapUsedMB: heapAt(t) + ((slot * 7) % 5) * 10,
      heapAfterGcMB: heapAt(t),
      heapTotalMB: 110,
      externalMB: 20,
      tickMs: { p50: 0.4, p99: 1.4 + (slot % 2) * 0.3 },
      patchMs: { p50: 2, p99: 7 + (slot % 3) },
      idle: 0.8 + (slot % 2) * 0.02,
      ticksPerSecond: 60,
      cpuPercent: 20,
      lagMs: { p50: 10, p99: 14, max: 30 },
      ccu: 100,
      load1: 1,
      ...ZERO,
      majorGcs: Math.floor(t / 40),
    };
    samples.push({ ...base, ...change(base) });
  }
  return samples;
}

function verdictsOf(samples: SoakSample[], bots = BOTS) {
  const rows = minuteRows(samples, 10, ZERO, [], 1_000_000);
  const last = samples[samples.length - 1]!;
  const serverTotals = { dropped: last.dropped, expelled: last.expelled, stderrLines: last.stderrLines, majorGcs: last.majorGcs };
  return decide({ samples, rows, bots, serverTotals, droppedByReason: {}, expelledByReason: {}, incidents: [] });
}

const failed = (samples: SoakSample[], bots = BOTS): string[] =>
  verdictsOf(samples, bots)
    .filter((v) => !v.pass)
    .map((v) => v.topic);

describe("soak verdicts", () => {
  it("fits a slope and compares the end windows' medians", () => {
    expect(
      slope([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 5 },
      ]),
    ).toBeCloseTo(2);
    const trend = trendOf(
      run((t) => 50 + t / 60),
      (s) => s.heapAfterGcMB,
      120,
    );
    expect(trend.slopePerMinute).toBeCloseTo(1, 5);
    expect(trend.growth).toBeCloseTo(8, 0);
  });

  it("passes a steady run and groups its samples into minutes", () => {
    const samples = run(() => 50);
    expect(failed(samples)).toEqual([]);
    const rows = minuteRows(samples, 10, ZERO, [], 1_000_000);
    expect(rows.map((row) => row.samples)).toEqual(Array(10).fill(6));
  });

  it("fails a heap that grows 1 MB a minute, but not the saw-tooth on a flat floor", () => {
    expect(failed(run((t) => 50 + t / 60))).toEqual(["memory: heap used after major GC"]);
  });

  it("fails on any error: a dropped message, a bot that never joined, a CCU dip", () => {
    expect(
      failed(
        run(
          () => 50,
          (s) => (s.t > 300 ? { dropped: 1 } : {}),
        ),
      ),
    ).toEqual(["errors"]);
    expect(
      failed(
        run(() => 50),
        { ...BOTS, joined: 99, failed: 1 },
      ),
    ).toEqual(["errors"]);
    expect(
      failed(
        run(
          () => 50,
          (s) => (s.t > 590 ? { ccu: 99 } : {}),
        ),
      ),
    ).toEqual(["errors"]);
  });

  it("fails a step time that creeps up and a tick rate that sags", () => {
    // The typical step creeping up (a cost that grows with time), and a minute whose p99 nears the tick interval.
    expect(
      failed(
        run(
          () => 50,
          (s) => ({ tickMs: { p50: 0.4 + s.t / 600, p99: 1.4 } }),
        ),
      ),
    ).toEqual(["steady: step (tick) time"]);
    const spike = run(
      () => 50,
      (s) => (s.t > 300 && s.t < 400 ? { tickMs: { p50: 0.4, p99: 9 } } : {}),
    );
    expect(failed(spike)).toEqual(["steady: step (tick) time"]);
    // A p99 swinging between 1.7 and 4.4 ms with GC timing is steady.
    expect(
      failed(
        run(
          () => 50,
          (s) => ({ tickMs: { p50: 0.33, p99: 1.7 + 2.7 * ((s.t / 60) % 2 < 1 ? 0 : 1) } }),
        ),
      ),
    ).toEqual([]);
    expect(
      failed(
        run(
          () => 50,
          (s) => (s.t > 300 ? { ticksPerSecond: 50 } : {}),
        ),
      ),
    ).toEqual(["steady: tick rate"]);
  });
});
