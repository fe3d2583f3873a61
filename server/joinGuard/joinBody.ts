/**
 * The matchmaking body (join options), screened before Colyseus parses it. Colyseus copies
 * options with a plain `a[key] = b[key]` loop and calls `options.hasOwnProperty`, so a
 * `__proto__` key becomes the options' prototype (its fields then bypass validation, which
 * reads own fields) and a `hasOwnProperty` key crashes the request with a stack trace in the
 * log. Any key that names a property of Object.prototype is refused here, at any depth.
 */

/** Keys an object inherits from Object.prototype (`__proto__`, `constructor`, `hasOwnProperty`, …), plus `prototype`. */
const RESERVED_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);
/** Deepest nesting accepted: join options are flat; an SDK may add one level of its own. */
const MAX_DEPTH = 4;
/** Most keys in all: join options are a handful. */
const MAX_KEYS = 64;

export type BodyVerdict = { ok: true } | { ok: false; status: 400 | 415; error: string };

function problemIn(value: unknown, depth: number, seen: { keys: number }): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (depth > MAX_DEPTH) return `join options are nested deeper than ${MAX_DEPTH} levels`;
  const entries = Array.isArray(value) ? value.map((item, i) => [String(i), item] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    if (!Array.isArray(value) && RESERVED_KEYS.has(key)) return `join option "${key}" is not allowed`;
    if (++seen.keys > MAX_KEYS) return `join options have more than ${MAX_KEYS} keys`;
    const problem = problemIn(item, depth + 1, seen);
    if (problem) return problem;
  }
  return undefined;
}

/** Whether a matchmaking body may go on to Colyseus; an empty body is fine (no options). */
export function screenJoinBody(raw: string, contentType: string | undefined): BodyVerdict {
  if (raw.trim() === "") return { ok: true };
  if (!/^application\/json\b/i.test(contentType ?? ""))
    return { ok: false, status: 415, error: "join options must be sent as application/json" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, status: 400, error: "join options are not valid JSON" };
  }
  const problem = problemIn(parsed, 1, { keys: 0 });
  return problem ? { ok: false, status: 400, error: problem } : { ok: true };
}
