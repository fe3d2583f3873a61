/**
 * Words and numbers for the netcode debug overlay, and the simulator form's values read
 * back as link conditions. Pure, so the overlay component only draws and dispatches.
 */
import { parseLinkConditions, type LinkConditions } from "../../../client/linkConditions";

/** What the simulator form edits, as typed (strings, possibly empty or invalid). */
export interface LinkForm {
  latency: string;
  jitter: string;
  spikes: string;
}

export function formatMs(ms: number | undefined, decimals = 0): string {
  return ms === undefined ? "…" : `${ms.toFixed(decimals)} ms`;
}

export function formatPx(px: number): string {
  return `${px.toFixed(1)} px`;
}

export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/** Bytes per second, in kB/s once past one kilobyte (1000, as network rates are counted). */
export function formatRate(bytesPerSecond: number): string {
  return bytesPerSecond < 1000 ? `${Math.round(bytesPerSecond)} B/s` : `${(bytesPerSecond / 1000).toFixed(1)} kB/s`;
}

/** The simulated link in one short line (it shares a row with its label), or that the link is the real one. */
export function describeLink(conditions: LinkConditions | undefined): string {
  if (!conditions) return "real link";
  const delay = conditions.jitterMs > 0 ? `+${conditions.latencyMs} ±${conditions.jitterMs} ms` : `+${conditions.latencyMs} ms`;
  return conditions.spikeChance > 0 ? `${delay} · ${formatPercent(conditions.spikeChance)} × ${conditions.spikeMs} ms` : delay;
}

export function linkForm(conditions: LinkConditions | undefined): LinkForm {
  return {
    latency: String(conditions?.latencyMs ?? 0),
    jitter: String(conditions?.jitterMs ?? 0),
    spikes: String(conditions?.spikeChance ?? 0),
  };
}

/**
 * The form's values as link conditions. They go through the URL parser on purpose, so the
 * form and `?latency=…&jitter=…&spikes=…` share one set of bounds and defaults; the spike
 * size is not on the form and is kept as it was.
 */
export function conditionsFromForm(form: LinkForm, spikeMs: number | undefined): LinkConditions {
  const params = new URLSearchParams({ latency: form.latency, jitter: form.jitter, spikes: form.spikes });
  if (spikeMs !== undefined) params.set("spikeMs", String(spikeMs));
  return parseLinkConditions(params.toString());
}
