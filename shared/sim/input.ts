/** The input a client sends: which keys are held, as a bitmask. */
export const Key = {
  Up: 1,
  Down: 2,
  Left: 4,
  Right: 8,
  Fire: 16,
} as const;

/** Every defined key bit; any other bit makes an input invalid. */
export const ALL_KEYS = Key.Up | Key.Down | Key.Left | Key.Right | Key.Fire;

export function isHeld(keys: number, key: number): boolean {
  return (keys & key) !== 0;
}
