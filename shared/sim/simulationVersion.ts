/**
 * The version of the simulation's rules and arithmetic. A recording names the version it was
 * played with, and a replay of another version says so instead of reporting a hash mismatch:
 * the same inputs run through other rules are another match, not a damaged file.
 *
 * Bump it with any change that can alter the result of a step (a rule, a constant the
 * step reads, the order of operations, the math). shared/sim/simulationVersion.test.ts hashes
 * the simulation's sources and test/determinism.test.ts its results, so a change that
 * forgets the bump fails there.
 *
 * History: 1, the first recordings (Math.sin and kin: engine-dependent bits);
 * 2, shared/sim/deterministicMath.ts (the same bits in every engine).
 */
export const SIMULATION_VERSION = 2;

/** Recordings from before the version was written down were all played with version 1. */
export const FIRST_SIMULATION_VERSION = 1;
