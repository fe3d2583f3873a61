/**
 * Which address a player's seat belongs to, carried from the matchmaking guard to the room.
 * The guard knows the client's address (the socket peer, or the trusted proxy's X-Real-IP:
 * see clientAddress); Colyseus hands the room only the request's headers, and its own
 * `context.ip` takes the first X-Forwarded-For hop, which any client can write. So the guard
 * writes the address it computed into a header of its own on every matchmaking request,
 * over whatever the client sent under that name; the room's static onAuth reads it back and
 * returns it as the seat's auth data (client.auth), which Colyseus keeps with the seat
 * reservation, across processes too.
 */

/** Written by the matchmaking guard on every matchmaking request; a client's own value is overwritten. */
export const CLIENT_ADDRESS_HEADER = "x-netroids-client-address";

/** What the room's static onAuth answers: the address the seat is held for. */
export interface SeatHolder {
  address: string;
}

/** The seat holder named by the guard's header in an onAuth context, or undefined when there is none (no guard in front). */
export function seatHolderOf(context: { headers?: Headers } | undefined): SeatHolder | undefined {
  const address = context?.headers?.get(CLIENT_ADDRESS_HEADER)?.trim();
  return address ? { address } : undefined;
}

/** The address in a client's auth data (see seatHolderOf), or "" when not known. */
export function addressOfAuth(auth: unknown): string {
  if (typeof auth !== "object" || auth === null) return "";
  const address: unknown = (auth as { address?: unknown }).address;
  return typeof address === "string" ? address : "";
}
