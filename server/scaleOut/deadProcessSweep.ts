/**
 * Notices processes of the deployment that died without shutting down (a crash, a
 * SIGKILL, a lost machine) and removes their rooms from the shared listing.
 *
 * Colyseus health-checks other processes only when one starts or when a seat
 * reservation on them times out, and its cleanup does not tell lobbies. So a crashed
 * process's rooms would stay listed — and picked by quick play — until then. A live
 * process keeps its IPC channel (`p:<processId>`) subscribed on Redis; when that
 * channel is gone, this asks Colyseus's own health check, which drops the process's
 * stats and listings if it does not answer, and then tells every lobby the rooms are gone.
 */
import { matchMaker } from "@colyseus/core";

/** How often the listing is checked, ms: a crashed process's rooms leave the lobby within this plus Colyseus's 2 s health-check timeout. */
const SWEEP_INTERVAL_MS = 2000;

/** The channel LobbyRoom listens on for listing changes (Colyseus's matchmaker/Lobby.ts; a removal is "<roomId>,1"). */
const LOBBY_CHANNEL = "$lobby";

async function sweepOnce(): Promise<void> {
  const presence = matchMaker.presence;
  const live = new Set((await presence.channels("p:*")).map((channel) => channel.slice(2)));
  const processes = await matchMaker.stats.fetchAll();
  for (const { processId } of processes) {
    if (processId === matchMaker.processId || live.has(processId)) continue;
    const rooms = await matchMaker.query({ processId });
    if (await matchMaker.healthCheckProcessId(processId)) continue;
    for (const room of rooms) await presence.publish(LOBBY_CHANNEL, `${room.roomId},1`);
    console.warn(`netroids: process ${processId} stopped answering; removed its ${rooms.length} room(s) from the listing`);
  }
}

/** Starts sweeping; stops by itself when the matchmaker shuts down. Returns a stop function. */
export function startDeadProcessSweep(): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) {
      clearInterval(timer);
      return;
    }
    if (running) return;
    running = true;
    sweepOnce()
      .catch((error: unknown) => console.warn("netroids: dead-process sweep failed:", error instanceof Error ? error.message : error))
      .finally(() => {
        running = false;
      });
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
