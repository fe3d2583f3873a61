/**
 * A live list of game rooms from the server's lobby room. When the server cannot be
 * reached, or the lobby connection drops, it retries with a growing delay and says so.
 * Subscribers (a React hook) are told of every change.
 */
import type { Client, Room } from "@colyseus/sdk";
import { LOBBY_ROOM_NAME, ROOM_NAME, type RoomListingMetadata } from "../shared/net/messages";

export interface ListedRoom {
  roomId: string;
  roomName: string;
  players: number;
  maxClients: number;
  createdAt: number;
}

export type LobbyStatus = { kind: "connecting" } | { kind: "online" } | { kind: "offline"; error: string; retryAt: number };

export interface LobbySnapshot {
  rooms: ListedRoom[];
  status: LobbyStatus;
}

/** Retry delays after a failure, ms: doubling from 1 s, capped at 10 s. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 10_000;

interface RoomListing {
  roomId: string;
  name: string;
  clients: number;
  maxClients: number;
  metadata?: Partial<RoomListingMetadata>;
}

function toListedRoom(listing: RoomListing): ListedRoom {
  return {
    roomId: listing.roomId,
    roomName: listing.metadata?.roomName ?? listing.roomId,
    players: listing.metadata?.players ?? listing.clients,
    maxClients: listing.maxClients,
    createdAt: listing.metadata?.createdAt ?? Date.now(),
  };
}

export class LobbyConnection {
  private snapshot: LobbySnapshot = { rooms: [], status: { kind: "connecting" } };
  private readonly listeners = new Set<() => void>();
  private readonly rooms = new Map<string, ListedRoom>();
  private lobby: Room | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = FIRST_RETRY_MS;
  private stopped = false;

  constructor(private readonly client: Client) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const lobby = this.lobby;
    this.lobby = undefined;
    if (lobby) void lobby.leave(true).catch(() => undefined);
  }

  /** Re-tries at once (e.g. from a "retry now" button). */
  retryNow(): void {
    clearTimeout(this.retryTimer);
    void this.connect();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LobbySnapshot => this.snapshot;

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.publish({ kind: "connecting" });
    try {
      const lobby = await this.client.joinOrCreate(LOBBY_ROOM_NAME);
      if (this.stopped) {
        void lobby.leave(true);
        return;
      }
      this.lobby = lobby;
      this.retryDelay = FIRST_RETRY_MS;
      lobby.onMessage("rooms", (listings: RoomListing[]) => {
        this.rooms.clear();
        for (const listing of listings) if (listing.name === ROOM_NAME) this.rooms.set(listing.roomId, toListedRoom(listing));
        this.publish({ kind: "online" });
      });
      lobby.onMessage("+", ([roomId, listing]: [string, RoomListing]) => {
        if (listing.name === ROOM_NAME) this.rooms.set(roomId, toListedRoom({ ...listing, roomId }));
        this.publish(this.snapshot.status);
      });
      lobby.onMessage("-", (roomId: string) => {
        this.rooms.delete(roomId);
        this.publish(this.snapshot.status);
      });
      lobby.onLeave(() => {
        if (this.lobby !== lobby || this.stopped) return;
        this.lobby = undefined;
        this.scheduleRetry("lost the connection to the server");
      });
    } catch (error) {
      this.scheduleRetry(error instanceof Error && error.message ? error.message : "server unreachable");
    }
  }

  private scheduleRetry(error: string): void {
    if (this.stopped) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay * 2);
    this.publish({ kind: "offline", error, retryAt: Date.now() + delay });
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private publish(status: LobbyStatus): void {
    const rooms = Array.from(this.rooms.values()).sort((a, b) => b.players - a.players || a.createdAt - b.createdAt);
    this.snapshot = { rooms, status };
    for (const listener of this.listeners) listener();
  }
}
