/**
 * Network conditions the client can add on top of the real link, to feel a slow
 * network without having one: round-trip latency, jitter, and rare delay spikes.
 * Set from the page URL, e.g. `/?latency=150&jitter=20&spikes=0.01`.
 */
export interface LinkConditions {
  /** Added round trip, ms: half on the way up, half on the way down. */
  latencyMs: number;
  /** Each message's one-way delay varies by up to ± this, ms. */
  jitterMs: number;
  /** Chance per message of a delay spike (a lost packet being resent, on TCP). */
  spikeChance: number;
  /** Extra delay of a spike, ms. */
  spikeMs: number;
}

export const NO_CONDITIONS: LinkConditions = { latencyMs: 0, jitterMs: 0, spikeChance: 0, spikeMs: 0 };
/** A spike's default size: about one TCP retransmission timeout on a short link. */
const DEFAULT_SPIKE_MS = 200;
/** Upper bounds that keep a typo from making the game unplayable. */
const MAX_LATENCY_MS = 2000;
const MAX_SPIKE_CHANCE = 0.5;

function numberParam(params: URLSearchParams, name: string, max: number): number {
  const value = Number(params.get(name) ?? "0");
  return Number.isFinite(value) && value > 0 ? Math.min(value, max) : 0;
}

export function parseLinkConditions(search: string): LinkConditions {
  const params = new URLSearchParams(search);
  return {
    latencyMs: numberParam(params, "latency", MAX_LATENCY_MS),
    jitterMs: numberParam(params, "jitter", MAX_LATENCY_MS),
    spikeChance: numberParam(params, "spikes", MAX_SPIKE_CHANCE),
    spikeMs: numberParam(params, "spikeMs", MAX_LATENCY_MS) || DEFAULT_SPIKE_MS,
  };
}

export function isSimulated(conditions: LinkConditions): boolean {
  return conditions.latencyMs > 0 || conditions.jitterMs > 0 || conditions.spikeChance > 0;
}

/** One message's one-way delay, ms, given a uniform random number in [0, 1) for jitter and one for the spike. */
export function oneWayDelay(conditions: LinkConditions, jitterDraw: number, spikeDraw: number): number {
  const jitter = (jitterDraw * 2 - 1) * conditions.jitterMs;
  const spike = spikeDraw < conditions.spikeChance ? conditions.spikeMs : 0;
  return Math.max(0, conditions.latencyMs / 2 + jitter + spike);
}
