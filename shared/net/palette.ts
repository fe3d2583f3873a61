/** Ship colors and their names for people. */

/** Ship colors: a player who picks none gets the first one nobody in the room has. */
export const PALETTE = ["#4fc3f7", "#ff8a65", "#aed581", "#ffd54f", "#ba68c8", "#4db6ac", "#f06292", "#90a4ae"] as const;

/** What each palette color is called, for people (and screen readers): a hex code says nothing. */
const PALETTE_NAMES: Readonly<Record<(typeof PALETTE)[number], string>> = {
  "#4fc3f7": "sky blue",
  "#ff8a65": "coral",
  "#aed581": "lime",
  "#ffd54f": "amber",
  "#ba68c8": "violet",
  "#4db6ac": "teal",
  "#f06292": "pink",
  "#90a4ae": "slate",
};

/** The name of palette color `color`, or the code itself for another color. */
export function colorName(color: string): string {
  return PALETTE_NAMES[color as (typeof PALETTE)[number]] ?? color;
}

/** The first palette color none of `taken` is, or (all taken) the one `joined` picks in turn. */
export function freeColor(taken: ReadonlySet<string>, joined: number): string {
  return PALETTE.find((color) => !taken.has(color)) ?? PALETTE[joined % PALETTE.length]!;
}
