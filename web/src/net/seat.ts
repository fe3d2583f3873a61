/**
 * The seat this tab holds in a game room, kept in sessionStorage (per tab, gone with it) so
 * a reload takes its place back (server/rooms/KeptSeats.ts): the page leaves with a word on
 * `pagehide`, so the others see no ghost ship, and joins again with the seat token on load.
 */
import type { Client } from "@colyseus/sdk";
import { useEffect } from "react";
import type { GameSession } from "../../../client/GameSession";
import type { JoinedRoom } from "../../../client/matchmaking";
import type { GameState } from "../../../shared/net/schema";
import type { JoinOptions } from "../../../shared/net/joinOptions";

const SEAT_KEY = "netroids.seat";

export interface HeldSeat {
  roomId: string;
  token: string;
  roomName: string;
}

function isHeldSeat(value: unknown): value is HeldSeat {
  const seat = value as Partial<HeldSeat> | null;
  return typeof seat?.roomId === "string" && typeof seat.token === "string" && typeof seat.roomName === "string";
}

export function loadSeat(): HeldSeat | undefined {
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(SEAT_KEY) ?? "null");
    return isHeldSeat(stored) ? stored : undefined;
  } catch {
    return undefined; // storage disabled, or not ours
  }
}

function saveSeat(seat: HeldSeat): void {
  try {
    window.sessionStorage.setItem(SEAT_KEY, JSON.stringify(seat));
  } catch {
    // Not kept: a reload lands in the lobby.
  }
}

/** The player left for good (Esc, the game ended): a reload goes to the lobby. */
export function forgetSeat(): void {
  try {
    window.sessionStorage.removeItem(SEAT_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** Takes the kept seat back: joins its room again with its token. */
export async function rejoinSeat(client: Client, seat: HeldSeat, options: JoinOptions): Promise<JoinedRoom> {
  const room = await client.joinById<GameState>(seat.roomId, { ...options, rejoin: seat.token });
  return { room, roomName: seat.roomName };
}

/**
 * While `session` plays: keeps its seat for this tab once the server has sent its token, and
 * leaves with a word when the page goes away (closed, reloaded, navigated off).
 */
export function useKeptSeat(session: GameSession | undefined): void {
  useEffect(() => {
    if (!session) return;
    const keep = () => {
      const token = session.seatToken;
      if (!token) return;
      saveSeat({ roomId: session.roomId, token, roomName: session.roomName });
      session.room.onStateChange.remove(keep);
    };
    session.room.onStateChange(keep);
    keep();
    const leave = () => void session.leave({ keepSeat: true }).catch(() => undefined);
    window.addEventListener("pagehide", leave);
    return () => {
      session.room.onStateChange.remove(keep);
      window.removeEventListener("pagehide", leave);
    };
  }, [session]);
}
