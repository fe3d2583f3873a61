/**
 * Rooms left with no player and kept open only so that players who left with `away` (a page
 * reload) can take their seats back (KeptSeats, rooms/emptyRoomWait.ts).
 * Such a room costs what any room costs (a 60 Hz simulation) and is listed as waiting for
 * players, so it counts toward RoomCaps' total; here it also counts against each address
 * holding a seat in it, under the same caps:
 * - an address may hold at most `perAddress` such rooms; past that, a room it empties closes at
 *   once instead of being kept;
 * - when the total is reached, these are the first rooms to close, oldest first (RoomCaps), so
 *   no address can keep others from creating a room by filling rooms and emptying them.
 * The record is this process's rooms: with Redis, each process closes its own.
 */
import { isLoopback } from "./JoinRateLimiter";

/** The part of RoomCaps' limits that applies here. */
export interface KeptRoomLimits {
  /** Kept-open rooms one address may hold (RoomCaps' perAddress). */
  perAddress: number;
  /** Count loopback holders too (tests). */
  includeLoopback?: boolean;
}

export interface KeptOpenRoom {
  /** Addresses holding a kept seat in the room ("" for a seat whose address is not known). */
  holders: readonly string[];
  /** False once the room is gone, however it went. */
  isOpen(): boolean;
  /** Closes the room now. */
  close(): void;
}

export class KeptOpenRooms {
  /** Oldest first: a Map iterates in insertion order, and a room kept again is inserted anew. */
  private readonly rooms = new Map<string, KeptOpenRoom>();
  private limits: KeptRoomLimits | undefined;

  /** The caps rooms are kept under (RoomCaps'); undefined keeps every room for its whole window. */
  configure(limits: KeptRoomLimits | undefined): void {
    this.limits = limits;
  }

  /**
   * `roomId` has just emptied with seats kept in it: true when it may stay open for them (it is
   * then on the record until released), false when it must close at once because every address
   * holding a seat in it already holds its share of kept-open rooms.
   */
  keep(roomId: string, room: KeptOpenRoom): boolean {
    this.rooms.delete(roomId);
    if (!this.mayKeep(room.holders)) return false;
    this.rooms.set(roomId, room);
    return true;
  }

  /** `roomId` is no longer kept open for rejoins only (a player is back, or its window ran out); `room`: only that record. */
  release(roomId: string, room?: KeptOpenRoom): void {
    if (room === undefined || this.rooms.get(roomId) === room) this.rooms.delete(roomId);
  }

  /** True when `roomId` is open and on the record. */
  has(roomId: string): boolean {
    this.prune();
    return this.rooms.has(roomId);
  }

  /** Kept-open rooms in which `address` holds a seat. */
  heldBy(address: string): number {
    this.prune();
    let held = 0;
    for (const room of this.rooms.values()) if (room.holders.includes(address)) held++;
    return held;
  }

  /** Kept-open rooms on the record. */
  get size(): number {
    this.prune();
    return this.rooms.size;
  }

  /** Closes up to `count` kept-open rooms, oldest first; returns how many it closed. */
  closeOldest(count: number): number {
    this.prune();
    let closed = 0;
    for (const [roomId, room] of this.rooms) {
      if (closed >= count) break;
      // Off the record first: a create running concurrently must pick the next room, not this one.
      this.rooms.delete(roomId);
      room.close();
      closed++;
    }
    return closed;
  }

  /** True unless every holder is counted and already holds its share (a holder not counted, e.g. loopback, never has). */
  private mayKeep(holders: readonly string[]): boolean {
    const limits = this.limits;
    if (!limits) return holders.length > 0;
    return holders.some((address) => !this.counts(address) || this.heldBy(address) < limits.perAddress);
  }

  /** Addresses the per-address cap applies to: known ones, and loopback only when the caps include it. */
  private counts(address: string): boolean {
    return address !== "" && (this.limits?.includeLoopback === true || !isLoopback(address));
  }

  /** Forgets rooms that went away on their own. */
  private prune(): void {
    for (const [roomId, room] of this.rooms) if (!room.isOpen()) this.rooms.delete(roomId);
  }
}

/** This process's record: the game rooms write it, the matchmaking guard's RoomCaps reads it. */
export const keptOpenRooms = new KeptOpenRooms();
