/**
 * One hash of the deterministic math's exact bits over many seeded arguments: equal
 * fingerprints in two engines mean sin, cos, atan2, hypot, exp, log and pow gave the same
 * bits there, argument for argument. Bundled into Chromium with seededMatch.ts.
 */
import { atan2, cos, exp, hypot, log, pow, sin } from "../../shared/sim/deterministicMath";
import { nextRandom } from "../../shared/sim/rng";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function mathFingerprint(samples: number): string {
  const float = new Float64Array(1);
  const words = new Uint32Array(float.buffer);
  let hash = FNV_OFFSET;
  const mix = (value: number) => {
    float[0] = value;
    hash = Math.imul(hash ^ words[0]!, FNV_PRIME) >>> 0;
    hash = Math.imul(hash ^ words[1]!, FNV_PRIME) >>> 0;
  };
  const rng = { rngState: 7 };
  for (let i = 0; i < samples; i++) {
    const x = 40 * nextRandom(rng) - 20;
    const y = 40 * nextRandom(rng) - 20;
    for (const value of [sin(x), cos(x), atan2(y, x), hypot(x, y), exp(x), log(Math.abs(x)), pow(0.99, Math.abs(y))]) mix(value);
  }
  return hash.toString(16).padStart(8, "0");
}
