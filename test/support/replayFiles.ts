/** Test fixtures for recordings: a header, and a file put together from it and its records. */
import { encodeFileStart } from "../../shared/replay/replayFile";
import { REPLAY_FORMAT_VERSION, type ReplayHeader } from "../../shared/replay/recording";
import { SIMULATION_VERSION } from "../../shared/sim/simulationVersion";

export const TEST_REPLAY_HEADER: ReplayHeader = {
  type: "netroids-replay",
  version: REPLAY_FORMAT_VERSION,
  simulation: SIMULATION_VERSION,
  roomName: "Sector 1",
  seed: 7,
  width: 1920,
  height: 1080,
  tickRate: 60,
  startedAt: 1_764_633_600_000,
};

/**
 * The bytes of a recording file: `header`'s start, then `records` as encodeRecord made them, in
 * an array buffer of their own (offset 0), so a test may view and damage it through `.buffer`.
 */
export function replayFileOf(header: ReplayHeader, ...records: Uint8Array[]): Uint8Array {
  const parts = [encodeFileStart(header), ...records];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
