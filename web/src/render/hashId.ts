/**
 * A stable 32-bit hash of an id (FNV-1a). Cosmetic details derived from an id — a rock's
 * outline, a flame's flicker phase — then look the same every frame and on every client.
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function hashId(id: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}
