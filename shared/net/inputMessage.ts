/**
 * The `input` and `rtt` payloads a client sends, and the one place each is validated.
 */
import { ALL_KEYS } from "../sim/input";

/** "Keys `keys` (a bitmask of Key) from step `step` on": one change of the keys a client holds. */
export type KeyRun = [step: number, keys: number];

/**
 * The `input` payload: the client has made every step up to `upTo`; `runs` are the key
 * changes since its previous message (oldest first, each after that message's `upTo`), and
 * with none it is a heartbeat. `seen` (optional) is the server tick the client was drawing
 * other ships at when it made step `upTo`; the server judges the shots fired at each step
 * against that moment, one tick further per step (lag compensation).
 */
export interface InputMessage {
  upTo: number;
  seen?: number;
  runs?: KeyRun[];
  /** The newest ShipState.probe the client received, once: the server times its round trip by it (server/rooms/RoundTrips.ts). */
  echo?: number;
}

/**
 * Most key changes one message may carry: an honest client sends at most
 * INPUT_MIN_GAP_STEPS (a tap's press and release in one message), more after a stalled frame.
 */
export const MAX_RUNS_PER_INPUT = 8;

/** Largest step number accepted: a uint32, so a client at 60 steps/s wraps after two years. */
export const MAX_STEP = 0xffffffff;

export function isUint32(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_STEP;
}

function isKeys(value: unknown): value is number {
  return isUint32(value) && (value & ~ALL_KEYS) === 0;
}

/** An input message as the server takes it: validated, `runs` always present. */
export interface ParsedInput {
  upTo: number;
  seen: number | undefined;
  runs: KeyRun[];
  echo?: number;
}

const INPUT_FIELDS: ReadonlySet<string> = new Set(["upTo", "seen", "runs", "echo"]);

/**
 * Narrows an untrusted `input` payload, or undefined: known fields only, integers in range,
 * at most MAX_RUNS_PER_INPUT runs of [step, keys] with steps strictly rising and none past `upTo`.
 */
export function parseInput(payload: unknown): ParsedInput | undefined {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return undefined;
  if (Object.keys(payload).some((field) => !INPUT_FIELDS.has(field))) return undefined;
  const { upTo, seen, runs = [], echo } = payload as Record<string, unknown>;
  if (!isUint32(upTo) || (seen !== undefined && !isUint32(seen)) || (echo !== undefined && !isUint32(echo))) return undefined;
  if (!Array.isArray(runs) || runs.length > MAX_RUNS_PER_INPUT) return undefined;
  let previous = -1;
  for (const run of runs as unknown[]) {
    if (!Array.isArray(run) || run.length !== 2) return undefined;
    const [step, keys] = run as unknown[];
    if (!isUint32(step) || step <= previous || step > upTo || !isKeys(keys)) return undefined;
    previous = step;
  }
  return { upTo, seen, runs: runs as KeyRun[], echo };
}

/** Longest round trip a client may report, ms: beyond it the report is nonsense, not a slow link. */
export const MAX_REPORTED_RTT_MS = 60_000;

/** Narrows an untrusted RTT report (a number of ms) to a finite value in range, or undefined. */
export function parseRttReport(payload: unknown): number | undefined {
  if (typeof payload !== "number" || !Number.isFinite(payload)) return undefined;
  return payload >= 0 && payload <= MAX_REPORTED_RTT_MS ? payload : undefined;
}
