import { useEffect, useState } from "react";
import type { ReplayListing } from "../../../shared/replay/replayListing";
import { fetchReplayList } from "./loadRecording";

/** How often the list is read again while shown, ms: matches end and start all the time. */
const REFRESH_MS = 10_000;

/** The server's recent recordings, newest first, read now and every REFRESH_MS; empty until the first answer (or on error). */
export function useReplayList(): ReplayListing[] {
  const [replays, setReplays] = useState<ReplayListing[]>([]);
  useEffect(() => {
    let cancelled = false;
    const read = () =>
      fetchReplayList()
        .then((list) => {
          if (!cancelled) setReplays(list);
        })
        .catch(() => undefined);
    void read();
    const timer = setInterval(() => void read(), REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);
  return replays;
}
