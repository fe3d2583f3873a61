/**
 * How the bench reports write numbers and tables: fixed decimals, a unit after a space,
 * and one mark for a value that could not be measured, so every report reads alike and a
 * re-run with the same data diffs clean.
 */

/** A value that could not be measured (NaN or ±Infinity: an empty window, a ratio over nothing). */
export const MISSING = "n/a";

/** `value` with `digits` decimals and, when given, a unit after a space: `fixed(14.706, 2, "KB/s")` is "14.71 KB/s". */
export function fixed(value: number, digits: number, unit = ""): string {
  if (!Number.isFinite(value)) return MISSING;
  return unit ? `${value.toFixed(digits)} ${unit}` : value.toFixed(digits);
}

/** A share of 1 as a percentage: `percent(0.8)` is "80.0 %". */
export function percent(share: number, digits = 1): string {
  return fixed(100 * share, digits, "%");
}

/** Two figures of one kind, typically p50 and p99: `pair(1, 38, 1, "ms")` is "1.0 / 38.0 ms". */
export function pair(first: number, second: number, digits: number, unit = ""): string {
  return `${fixed(first, digits)} / ${fixed(second, digits, unit)}`;
}

/** A difference with its sign: "+0.5", "-1.2" (zero counts as growth, "+0.0"). */
export function signed(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return MISSING;
  return `${value >= 0 ? "+" : ""}${value.toFixed(digits)}`;
}

/** `value / reference` as "1.23×"; MISSING when the reference is (next to) nothing, where a ratio says nothing. */
export function ratio(value: number, reference: number): string {
  return reference > 1e-3 && Number.isFinite(value / reference) ? `${(value / reference).toFixed(2)}×` : MISSING;
}

/** A Markdown table, one line per row; cells are written as given (no escaping: report cells hold no `|`). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  // An empty cell is written "| |", not "|  |".
  const line = (cells: readonly string[]): string => `|${cells.map((cell) => (cell ? ` ${cell} |` : " |")).join("")}`;
  return [line(header), `|${header.map(() => "---|").join("")}`, ...rows.map(line)].join("\n");
}
