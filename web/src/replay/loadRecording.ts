/** A recording's bytes from the server or from a file the player opened, read into a Recording or a message saying why not. */
import { readRecording } from "../../../shared/replay/replayFile";
import type { Recording } from "../../../shared/replay/recording";
import { REPLAYS_API, type ReplayListing } from "../../../shared/replay/replayListing";

export type LoadedRecording = { recording: Recording } | { error: string };

export function recordingFrom(bytes: Uint8Array): LoadedRecording {
  try {
    return { recording: readRecording(bytes) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export async function fetchRecording(id: string): Promise<LoadedRecording> {
  try {
    const response = await fetch(`${REPLAYS_API}/${encodeURIComponent(id)}`);
    if (!response.ok)
      return {
        error: response.status === 404 ? "There is no such replay (it may have been deleted)." : `The server said ${response.status}.`,
      };
    return recordingFrom(new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    return { error: `The replay could not be fetched: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function fetchReplayList(): Promise<ReplayListing[]> {
  const response = await fetch(REPLAYS_API);
  if (!response.ok) throw new Error(`GET ${REPLAYS_API}: ${response.status}`);
  return (await response.json()) as ReplayListing[];
}
