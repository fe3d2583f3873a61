/**
 * Caps on rooms that hold no player: per creating address, and in all. A room costs a
 * 60 Hz simulation from its creation, and Colyseus keeps an empty one alive for its seat
 * reservation (15 s); a script could otherwise keep dozens alive from one address within
 * the join rate limit. A room stops counting once a player is in it, until it is left empty
 * and kept open for rejoins (KeptOpenRooms): it then counts again, toward the total and
 * against the addresses holding its seats, and it is the first to close when a create
 * would pass the total. Counts come from Colyseus's driver, so with Redis they span the
 * deployment; the per-address record is this process's (the requests it answered, the
 * rooms it runs).
 */
import { isLoopback } from "./JoinRateLimiter";
import { KeptOpenRooms } from "./KeptOpenRooms";

export interface RoomCapLimits {
  /** Rooms without a player one address may hold: created and not entered yet, or left empty and kept open for its rejoins. */
  perAddress: number;
  /** Rooms without a player, in all. */
  total: number;
  /** Count loopback creators too (tests); off by default so local bots and benchmarks are not limited. */
  includeLoopback?: boolean;
}

/** A player makes one room and enters it within a second; three leaves room for retries. Thirty idle rooms are about 8 % of a core here. */
export const DEFAULT_ROOM_CAPS: RoomCapLimits = { perAddress: 3, total: 30 };

/** What the caps need to know of the rooms: Colyseus's driver in the server, in one place. */
export interface RoomCensus {
  /** Rooms with no player in them (reserved seats do not count as players). */
  emptyRoomCount(): Promise<number>;
  /** Players in each of these rooms; rooms that are gone are absent. */
  playersIn(roomIds: readonly string[]): Promise<Map<string, number>>;
}

export class RoomCaps {
  /** Rooms each address created that had no player when last looked at. */
  private readonly createdBy = new Map<string, Set<string>>();
  /** Creations on their way, per address and in all: a burst must not pass the check together. */
  private readonly pendingBy = new Map<string, number>();
  private pendingTotal = 0;

  constructor(
    readonly limits: RoomCapLimits,
    private readonly census: RoomCensus,
    /** Empty rooms kept open for rejoins (this process's); the server passes its own record. */
    private readonly kept: KeptOpenRooms = new KeptOpenRooms(),
  ) {
    if (!(limits.perAddress >= 1) || !(limits.total >= 1))
      throw new Error(`room caps need perAddress >= 1 and total >= 1, got ${JSON.stringify(limits)}`);
  }

  /**
   * Lets `address` create a room, or says why not. The creation counts as under way from
   * the first line, before the census is awaited, so a burst of concurrent requests cannot
   * all pass one check. On success, call `finish` with the new room's id (undefined if none
   * was made); a refusal has already let go of its place.
   */
  async admit(
    address: string,
  ): Promise<{ admitted: true; finish: (roomId: string | undefined) => void } | { admitted: false; problem: string }> {
    const finish = this.begin(address);
    const problem = await this.problemFor(address);
    if (problem === undefined) return { admitted: true, finish };
    finish(undefined);
    return { admitted: false, problem };
  }

  /** Why the creation under way for `address` (already counted as pending) goes past a cap, or undefined. */
  private async problemFor(address: string): Promise<string | undefined> {
    const own = await this.addressProblem(address);
    if (own !== undefined) return own;
    const over = (await this.census.emptyRoomCount()) + this.pendingTotal - this.limits.total;
    // Rooms kept open only for rejoins go first, oldest first: whoever emptied them cannot keep others from
    // creating one. Closing takes a room out of the driver's listing at once, so the next census no longer counts it.
    if (over > 0 && this.kept.closeOldest(over) < over) {
      return `the server has ${this.limits.total} rooms waiting for players: join one, or try again in a few seconds`;
    }
    return undefined;
  }

  /** Why `address` may not create one more room: it holds its share of rooms nobody is in (not entered yet, or kept open for it). */
  private async addressProblem(address: string): Promise<string | undefined> {
    if (!this.limits.includeLoopback && isLoopback(address)) return undefined;
    const kept = this.kept.heldBy(address);
    const held = (await this.emptyRoomsOf(address)) + kept + (this.pendingBy.get(address) ?? 0) - 1;
    if (held < this.limits.perAddress) return undefined;
    if (kept === 0) return `you have ${held} rooms nobody has entered yet: enter one first`;
    return `you have ${held} rooms nobody is in, ${kept} of them kept open for your return: rejoin one, or try again when they close`;
  }

  /** Marks a creation by `address` as under way; call the result with the new room's id, or undefined if none was made. */
  private begin(address: string): (roomId: string | undefined) => void {
    this.pendingTotal++;
    this.pendingBy.set(address, (this.pendingBy.get(address) ?? 0) + 1);
    let finished = false;
    return (roomId) => {
      if (finished) return;
      finished = true;
      this.pendingTotal--;
      const left = (this.pendingBy.get(address) ?? 1) - 1;
      if (left > 0) this.pendingBy.set(address, left);
      else this.pendingBy.delete(address);
      if (roomId === undefined) return;
      const rooms = this.createdBy.get(address) ?? new Set<string>();
      rooms.add(roomId);
      this.createdBy.set(address, rooms);
    };
  }

  /** Rooms `address` created that still have no player; forgets the others. */
  private async emptyRoomsOf(address: string): Promise<number> {
    const rooms = this.createdBy.get(address);
    if (!rooms) return 0;
    const players = await this.census.playersIn([...rooms]);
    // Entered once, it no longer counts as not entered; kept open since, it counts as kept (heldBy) instead.
    for (const roomId of rooms) if ((players.get(roomId) ?? 1) > 0 || this.kept.has(roomId)) rooms.delete(roomId);
    if (rooms.size === 0) this.createdBy.delete(address);
    return rooms.size;
  }
}

/**
 * ROOM_CAPS: "off", or "<perAddress>/<total>" (e.g. "3/30"); unset means the default.
 * Throws a clear error on anything else.
 */
export function roomCapsFromEnv(value: string | undefined): RoomCapLimits | undefined {
  const text = value?.trim();
  if (!text) return DEFAULT_ROOM_CAPS;
  if (text === "off") return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1)
    throw new Error(`ROOM_CAPS must be "off" or "<perAddress>/<total>" like "3/30", got "${text}"`);
  return { perAddress: Number(match[1]), total: Number(match[2]) };
}
