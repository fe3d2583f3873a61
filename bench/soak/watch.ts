/**
 * The soak's measured window: the server's /metrics scraped every `sampleS` seconds on a
 * fixed schedule for `minutes`, a bounded number of times, each scrape bounded in time.
 * A failed scrape or a process that exits early is noted as an incident, never retried
 * forever; a dead process ends the window early.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { countsOf, scrape, toSample, type Scrape, type SoakCounts, type SoakSample } from "./sample";

export interface WatchPlan {
  port: number;
  minutes: number;
  sampleS: number;
  scrapeTimeoutMs: number;
  /** Undefined while every process the soak needs is up; otherwise how one ended. */
  alive: () => string | undefined;
  /** Called after each sample, e.g. to log a line per minute. */
  onSample?: (sample: SoakSample, samples: readonly SoakSample[]) => void;
}

export interface WatchResult {
  startAt: number;
  baseline: SoakCounts;
  samples: SoakSample[];
  /** The newest scrape: counts since the server started. */
  last: Scrape;
  incidents: string[];
}

export async function watch(plan: WatchPlan): Promise<WatchResult> {
  const start = await scrape(plan.port, plan.scrapeTimeoutMs);
  const slots = Math.round((plan.minutes * 60) / plan.sampleS);
  const samples: SoakSample[] = [];
  const incidents: string[] = [];
  let previous = start;
  for (let slot = 1; slot <= slots; slot++) {
    await sleep(Math.max(0, start.at + slot * plan.sampleS * 1000 - Date.now()));
    const ended = plan.alive();
    if (ended) {
      incidents.push(`${ended} at ${Math.round((Date.now() - start.at) / 1000)} s`);
      break;
    }
    try {
      const now = await scrape(plan.port, plan.scrapeTimeoutMs);
      const sample = toSample(start, previous, now);
      samples.push(sample);
      previous = now;
      plan.onSample?.(sample, samples);
    } catch (error) {
      incidents.push(`scrape at ${slot * plan.sampleS} s failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { startAt: start.at, baseline: countsOf(start), samples, last: previous, incidents };
}
