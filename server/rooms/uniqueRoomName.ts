/**
 * One name per room in the lobby. Two rooms both listed as "Arena" cannot be told apart,
 * so a taken name gets the first free " 2", " 3"… suffix (cut to fit ROOM_NAME_MAX_LENGTH);
 * a room created without a name is the first free "Sector N" from `from` on. The names
 * taken are those of every listed room, across processes when they share a Redis driver.
 */
import { matchMaker } from "@colyseus/core";
import { ROOM_NAME_MAX_LENGTH } from "../../shared/constants";
import { ROOM_NAME } from "../../shared/net/messages";
import { validText } from "../../shared/net/joinOptions";

/** Beyond this many tries the name is left as asked: the lobby cannot list that many rooms anyway. */
const MAX_SUFFIX = 1000;

function withSuffix(name: string, suffix: number): string {
  const tail = ` ${suffix}`;
  return `${Array.from(name)
    .slice(0, ROOM_NAME_MAX_LENGTH - tail.length)
    .join("")
    .trimEnd()}${tail}`;
}

/** `wanted` (cleaned already), or a free variant of it; without `wanted`, the first free "Sector N" with N ≥ `from`. */
export function uniqueRoomName(wanted: string | undefined, taken: ReadonlySet<string>, from: number): string {
  if (wanted === undefined) {
    for (let n = from; n < from + MAX_SUFFIX; n++) if (!taken.has(`Sector ${n}`)) return `Sector ${n}`;
    return `Sector ${from}`;
  }
  if (!taken.has(wanted)) return wanted;
  for (let suffix = 2; suffix < MAX_SUFFIX; suffix++) {
    const candidate = withSuffix(wanted, suffix);
    if (!taken.has(candidate)) return candidate;
  }
  return wanted;
}

/** The name room `roomId` (the `roomNumber`th this process made) is listed under: `wanted`, or a free variant of it. */
export async function freeRoomName(wanted: string | undefined, roomId: string, roomNumber: number): Promise<string> {
  const listed = await matchMaker.query({ name: ROOM_NAME });
  const taken = new Set(listed.flatMap((room) => (room.roomId !== roomId && room.metadata?.roomName ? [room.metadata.roomName] : [])));
  return validText(uniqueRoomName(wanted, taken, roomNumber));
}
