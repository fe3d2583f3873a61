/**
 * What a room does right before each patch. The replicated state is copied from the world once
 * per patch, not once per step: only the newest values go out anyway, and copying costs a
 * third as much. Events of the steps since the last patch go out right behind that patch, so
 * clients already hold the state they refer to. Then each client's round-trip probe, the
 * shots it must see, and its view (interest management) are brought up to date.
 */
import type { Client } from "@colyseus/core";
import { MINIMAP_INTERVAL_MS } from "../../shared/net/netConstants";
import { BROADCAST_EVENT_KINDS } from "../../shared/net/messages";
import type { BulletState, GameState } from "../../shared/net/schema";
import type { GameEvent, World } from "../../shared/sim/world";
import { sendEventsSeen } from "./eventsSeen";
import type { InputQueue } from "./InputQueue";
import type { InterestManager } from "./InterestManager";
import { mirrorWorld } from "./mirrorWorld";
import type { RoundTrips } from "./RoundTrips";
import type { ShotLaunches } from "./ShotLaunches";

export class PatchPreparer {
  /** Room clock time of the last minimap refresh, ms. */
  private minimapAt = -Infinity;
  private pendingEvents: GameEvent[] = [];

  constructor(
    private readonly inputQueue: InputQueue,
    private readonly launches: ShotLaunches,
    private readonly roundTrips: RoundTrips,
    private readonly interest: InterestManager,
  ) {}

  /** Keeps the events of the step just run that clients are told of. */
  collectEvents(world: World): void {
    for (const event of world.events) if (BROADCAST_EVENT_KINDS.has(event.kind)) this.pendingEvents.push(event);
  }

  /** Everything before a patch; `nowMs` is the room's clock. */
  prepare(clients: readonly Client[], world: World, state: GameState, nowMs: number): void {
    // Events are sorted per client while the rocks they name are still in the state.
    if (this.pendingEvents.length > 0) {
      sendEventsSeen(clients, this.pendingEvents, world.tick, state);
      this.pendingEvents = [];
    }
    const refreshMinimap = nowMs - this.minimapAt >= MINIMAP_INTERVAL_MS;
    if (refreshMinimap) this.minimapAt = nowMs;
    const newBullets = this.mirror(world, state, refreshMinimap);
    this.roundTrips.probe(state.ships);
    this.interest.showShots(clients, newBullets);
    this.interest.updateInTurn(clients, world, state);
  }

  /** Copies the world into the state; returns the bullets new to it. */
  mirror(world: World, state: GameState, refreshMinimap: boolean): BulletState[] {
    const newBullets = mirrorWorld(world, state, {
      ackOf: (id) => this.inputQueue.ackOf(id),
      refreshMinimap,
      launchOf: (id) => this.launches.launchOf(id),
    });
    this.launches.prune(world);
    return newBullets;
  }
}
