/**
 * The benchmark's reference: a Colyseus room with netroids's state shape (a ship per
 * client, the same schema and patch rate) and no game logic. Inputs and RTT reports are
 * received and thrown away; nothing moves, so patches are nearly empty. The same bots
 * against it show what Colyseus and the sockets cost on their own.
 */
import { Room, type Client } from "@colyseus/core";
import { MAX_CLIENTS, PATCH_INTERVAL_MS } from "../../shared/constants";
import { ClientMessage, type JoinOptions } from "../../shared/protocol";
import { GameState } from "../../shared/schema";
import { serverMetrics } from "../../server/metrics/ServerMetrics";
import { addPlayerStates } from "../../server/rooms/mirrorWorld";

export const BARE_ROOM_NAME = "bare";

export class BareRoom extends Room<{ state: GameState }> {
  override state = new GameState();
  override maxClients = MAX_CLIENTS;

  override onCreate(): void {
    this.patchRate = PATCH_INTERVAL_MS;
    this.onMessage(ClientMessage.Input, () => undefined);
    this.onMessage(ClientMessage.Rtt, () => undefined);
  }

  override onJoin(client: Client, options: JoinOptions = {}): void {
    addPlayerStates(this.state, client.sessionId, options.name ?? "bare", options.color ?? "#ffffff");
  }

  override onLeave(client: Client): void {
    this.state.ships.delete(client.sessionId);
    this.state.players.delete(client.sessionId);
  }

  override broadcastPatch(): boolean {
    return serverMetrics.measurePatch(this.clients, () => super.broadcastPatch());
  }
}
