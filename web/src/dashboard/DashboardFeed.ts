/**
 * The dashboard's data, fetched from /dashboard/api on timers: stats twice a second, the
 * room list every two seconds, and the chosen room's world ten times a second. The page
 * was loaded through the same password check, so the browser sends its credentials.
 */
import type { DashboardRoom, DashboardStats, SpectatorWorld } from "../../../shared/dashboard/dashboardApi";

const STATS_MS = 500;
const ROOMS_MS = 2000;
const WORLD_MS = 100;

export interface DashboardSnapshot {
  stats: DashboardStats | undefined;
  rooms: DashboardRoom[];
  world: SpectatorWorld | undefined;
  error: string | undefined;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { cache: "no-store" });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

export class DashboardFeed {
  private snapshot: DashboardSnapshot = { stats: undefined, rooms: [], world: undefined, error: undefined };
  private readonly listeners = new Set<(snapshot: DashboardSnapshot) => void>();
  private readonly timers: Array<ReturnType<typeof setInterval>> = [];
  private watchedRoom: string | undefined;

  start(): void {
    if (this.timers.length > 0) return;
    const poll = (everyMs: number, task: () => Promise<void>) => {
      const run = () =>
        task().catch((error: unknown) => this.emit({ ...this.snapshot, error: error instanceof Error ? error.message : String(error) }));
      void run();
      this.timers.push(setInterval(() => void run(), everyMs));
    };
    poll(STATS_MS, async () => this.update({ stats: await getJson<DashboardStats>("/dashboard/api/stats") }));
    poll(ROOMS_MS, async () => this.update({ rooms: await getJson<DashboardRoom[]>("/dashboard/api/rooms") }));
    poll(WORLD_MS, async () => {
      const roomId = this.watchedRoom;
      if (roomId === undefined) return;
      const world = await getJson<SpectatorWorld>(`/dashboard/api/rooms/${encodeURIComponent(roomId)}`);
      if (roomId === this.watchedRoom) this.update({ world });
    });
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }

  /** Chooses the room whose world is fetched; undefined stops spectating. */
  watch(roomId: string | undefined): void {
    this.watchedRoom = roomId;
    this.emit({ ...this.snapshot, world: undefined });
  }

  subscribe(listener: (snapshot: DashboardSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot);
    return () => this.listeners.delete(listener);
  }

  private update(part: Partial<DashboardSnapshot>): void {
    this.emit({ ...this.snapshot, ...part, error: undefined });
  }

  private emit(snapshot: DashboardSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}
