/** A room's recorder, in the process's replay directory, or none when recording is off or the directory cannot be written. */
import { TICK_RATE } from "../../shared/constants";
import type { World } from "../../shared/sim/world";
import { serverMetrics } from "../metrics/ServerMetrics";
import { MatchRecorder } from "./MatchRecorder";
import { newReplayId, replayStore } from "./ReplayStore";

export interface RecordedRoom {
  roomId: string;
  roomName: string;
  seed: number;
}

/** Starts recording `world` from its first step. A failure is logged once and the room plays on unrecorded. */
export function startRecording(world: World, room: RecordedRoom): MatchRecorder | undefined {
  const startedAt = Date.now();
  const id = newReplayId(startedAt, room.roomId);
  const failed = (error: unknown): void =>
    console.warn(`netroids: recording ${id} stopped: ${error instanceof Error ? error.message : String(error)}`);
  try {
    const store = replayStore();
    if (!store) return undefined;
    const start = { roomName: room.roomName, seed: room.seed, tickRate: TICK_RATE, startedAt };
    return new MatchRecorder(world, start, store.create(id), { onFailure: failed, counters: serverMetrics.totals });
  } catch (error) {
    failed(error);
    return undefined;
  }
}
