/**
 * What a room does when its last player leaves: close now, or stay open until the seats kept
 * for rejoins (KeptSeats) run out, for a page that reloads (Colyseus would close it at once).
 * It stays open only within the caps of the addresses holding those seats, and is the first to
 * close when a create would pass the total (KeptOpenRooms): emptying rooms must not keep
 * others from making one.
 */
import { keptOpenRooms, type KeptOpenRoom } from "../joinGuard/KeptOpenRooms";
import type { KeptSeats } from "./KeptSeats";

/** The parts of a Colyseus room the wait uses. */
export interface EmptyRoom {
  readonly roomId: string;
  /** Colyseus's autoDispose: true lets the room close once empty. */
  setAutoDispose(on: boolean): void;
  readonly clock: { currentTime: number; setTimeout(run: () => void, ms: number): unknown };
  disconnect(): Promise<unknown>;
  /** False once the room is gone, however it went. */
  isOpen(): boolean;
  /** Players in the room now (a rejoin may have come back during the wait). */
  players(): number;
}

export function waitForRejoinsOrClose(room: EmptyRoom, seats: KeptSeats): void {
  const now = room.clock.currentTime;
  const waitMs = seats.keptFor(now);
  if (waitMs <= 0) return; // autoDispose closes it
  const kept: KeptOpenRoom = {
    holders: seats.holders(now),
    isOpen: () => room.isOpen(),
    close: () => void room.disconnect().catch(() => undefined),
  };
  if (!keptOpenRooms.keep(room.roomId, kept)) {
    room.setAutoDispose(true); // past its holders' caps: closes now, as when no seat is kept
    return;
  }
  room.setAutoDispose(false);
  room.clock.setTimeout(() => {
    keptOpenRooms.release(room.roomId, kept);
    if (room.players() === 0) void room.disconnect();
    else room.setAutoDispose(true);
  }, waitMs);
}
