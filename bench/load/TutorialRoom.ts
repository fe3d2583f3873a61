/**
 * The load bench's reference: the room a Colyseus user would write from the tutorials,
 * on the same shared simulation, field and patch rate as netroids. Every ship, bullet and
 * rock is in one unfiltered state as plain `number` fields (ships: x, y, vx, vy, angle),
 * all set every tick; each client sends one input message every step, `{ keys, tick }`,
 * and the room applies the latest keys. No interest management, no fixed point, no
 * run-length inputs: netroids's ratios against it (bench/results/load.md) are what those
 * cost and save.
 */
import { Room, type Client } from "@colyseus/core";
import { MapSchema, Schema, type } from "@colyseus/schema";
import { DEFAULT_SEATS, TICK_RATE } from "../../shared/constants";
import { PATCH_INTERVAL_MS } from "../../shared/net/netConstants";
import { addShip, removeShip } from "../../shared/sim/lifecycle";
import { ClientMessage } from "../../shared/net/messages";
import { createWorld, step } from "../../shared/sim/step";
import type { World } from "../../shared/sim/world";
import { worldSizeFor } from "../../shared/sim/worldSize";
import { serverMetrics } from "../../server/metrics/ServerMetrics";
import { coalesceWrites } from "../../server/transport/coalesceWrites";
import { prune } from "../../server/rooms/mirrorWorld";

export const TUTORIAL_ROOM_NAME = "tutorial";

export class TutorialShip extends Schema {
  @type("number") x = 0;
  @type("number") y = 0;
  @type("number") vx = 0;
  @type("number") vy = 0;
  @type("number") angle = 0;
  @type("boolean") alive = true;
}

export class TutorialBody extends Schema {
  @type("number") x = 0;
  @type("number") y = 0;
}

export class TutorialState extends Schema {
  @type("number") width = 0;
  @type("number") height = 0;
  @type("number") tick = 0;
  @type({ map: TutorialShip }) ships = new MapSchema<TutorialShip>();
  @type({ map: TutorialBody }) bullets = new MapSchema<TutorialBody>();
  @type({ map: TutorialBody }) asteroids = new MapSchema<TutorialBody>();
}

/** The tutorials' input message: the keys held at one step. */
export interface TutorialInput {
  keys: number;
  tick: number;
}

export class TutorialRoom extends Room<{ state: TutorialState }> {
  override state = new TutorialState();
  override maxClients = DEFAULT_SEATS;
  private world!: World;
  private readonly keys: Record<string, number> = {};

  override onCreate(): void {
    const size = worldSizeFor(DEFAULT_SEATS);
    this.world = createWorld(1, size);
    this.state.width = size.width;
    this.state.height = size.height;
    this.patchRate = PATCH_INTERVAL_MS;
    this.onMessage(ClientMessage.Input, (client: Client, input: TutorialInput) => {
      if (typeof input?.keys === "number") this.keys[client.sessionId] = input.keys;
    });
    this.onMessage(ClientMessage.Rtt, () => undefined);
    this.setFixedTimestep((ctx) => this.tick(ctx.dt), TICK_RATE);
  }

  override onJoin(client: Client): void {
    addShip(this.world, client.sessionId);
    this.state.ships.set(client.sessionId, new TutorialShip());
  }

  override onLeave(client: Client): void {
    removeShip(this.world, client.sessionId);
    this.state.ships.delete(client.sessionId);
    delete this.keys[client.sessionId];
  }

  override broadcastPatch(): boolean {
    // As the game room does, so the reference pays the same per-write cost.
    return serverMetrics.measurePatch(this.clients, () => coalesceWrites(this.clients, () => super.broadcastPatch()));
  }

  private tick(dt: number): void {
    const started = performance.now();
    step(this.world, this.keys, dt);
    serverMetrics.observeTick((performance.now() - started) / 1000);
    // As the tutorials do: the whole world into the state, every tick.
    this.state.tick = this.world.tick;
    for (const ship of this.world.ships) {
      const state = this.state.ships.get(ship.id);
      if (!state) continue;
      state.x = ship.x;
      state.y = ship.y;
      state.vx = ship.vx;
      state.vy = ship.vy;
      state.angle = ship.angle;
      state.alive = ship.alive;
    }
    copyBodies(this.state.bullets, this.world.bullets);
    copyBodies(this.state.asteroids, this.world.asteroids);
  }
}

function copyBodies(map: MapSchema<TutorialBody>, bodies: ReadonlyArray<{ id: number; x: number; y: number }>): void {
  const alive = new Set<string>();
  for (const body of bodies) {
    const key = String(body.id);
    alive.add(key);
    const state = map.get(key) ?? new TutorialBody();
    state.x = body.x;
    state.y = body.y;
    if (!map.has(key)) map.set(key, state);
  }
  prune(map, alive);
}
