/**
 * The game's transport with the matchmaking guard in front: Colyseus binds its HTTP
 * routes in the listening callback, so the guard is installed right after that, before
 * the first request can arrive.
 */
import { GameTransport } from "../GameTransport";
import { guardMatchmaking, type MatchmakingGuardOptions } from "./guardMatchmaking";

export class GuardedTransport extends GameTransport {
  constructor(transportOptions: ConstructorParameters<typeof GameTransport>[0], private readonly guard: MatchmakingGuardOptions) {
    super(transportOptions);
  }

  override listen(port: number, hostname?: string, backlog?: number, listeningListener?: () => void): this {
    return super.listen(port, hostname, backlog, (...args: unknown[]) => {
      (listeningListener as ((...callbackArgs: unknown[]) => void) | undefined)?.(...args);
      if (this.server) guardMatchmaking(this.server, this.guard);
    });
  }
}
