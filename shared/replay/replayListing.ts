/** A recording as the lobby and the dashboard list it (GET /api/replays). */
export interface ReplayListing {
  id: string;
  roomName: string;
  /** ms since the epoch. */
  startedAt: number;
  /** Last written, ms since the epoch: a recording's length is about updatedAt − startedAt. */
  updatedAt: number;
  bytes: number;
  /** Still being written: the match is on. */
  recording: boolean;
}

/** Where the page reads the list and a recording's bytes. */
export const REPLAYS_API = "/api/replays";

/** The page that plays a recording. */
export function replayPagePath(id: string): string {
  return `/replay/${encodeURIComponent(id)}`;
}
