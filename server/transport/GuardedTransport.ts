/**
 * The game's transport with the front door in front: Colyseus binds its HTTP routes in the
 * listening callback, so the door is installed right after that, before the first
 * request can arrive.
 */
import { GameTransport } from "./GameTransport";
import { installFrontDoor } from "../http/frontDoor";
import type { MatchmakingGuardOptions } from "../joinGuard/guardMatchmaking";

export class GuardedTransport extends GameTransport {
  constructor(
    transportOptions: ConstructorParameters<typeof GameTransport>[0],
    private readonly guard: MatchmakingGuardOptions,
  ) {
    super(transportOptions);
  }

  override listen(port: number, hostname?: string, backlog?: number, listeningListener?: () => void): this {
    return super.listen(port, hostname, backlog, (...args: unknown[]) => {
      (listeningListener as ((...callbackArgs: unknown[]) => void) | undefined)?.(...args);
      if (this.server) installFrontDoor(this.server, this.guard);
    });
  }
}
