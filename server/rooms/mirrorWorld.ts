/**
 * Copies the simulation's World into the replicated GameState before each patch (and when a ship joins).
 * Schema setters ignore unchanged values, so only what moved goes on the wire; bullets
 * and rocks, which fly straight, are written once when they appear. The players' coarse
 * minimap cells are refreshed only when asked (every MINIMAP_INTERVAL_MS), so a far ship
 * costs its viewers a byte or two a refresh rather than a pose every patch.
 * Players' names, colors and connection flags belong to the room and are left alone.
 */
import { MapSchema } from "@colyseus/schema";
import { TICK_RATE } from "../../shared/constants";
import { AsteroidState, BulletState, GameState, PlayerState, ShipState } from "../../shared/net/schema";
import { encodeAngle, encodeCharge, encodeMapCell, encodePosition } from "../../shared/net/wire";
import { encodeCooldown } from "../../shared/net/triggerWire";
import { validText } from "../../shared/net/joinOptions";
import type { World } from "../../shared/sim/world";
import type { ShotLaunch } from "./ShotLaunches";

/** Removes map entries whose key is not in `alive`. */
export function prune<T>(map: MapSchema<T>, alive: Set<string>): void {
  for (const key of Array.from(map.keys())) if (!alive.has(key)) map.delete(key);
}

export interface MirrorOptions {
  /** Sequence number of the newest input applied to a ship. */
  ackOf(shipId: string): number;
  /** Refresh the players' minimap cells this time. */
  refreshMinimap: boolean;
  /** Where and when a bullet was fired, when known (a bullet without is sent as where it is now). */
  launchOf?(bulletId: number): ShotLaunch | undefined;
}

/** Mirrors `world` into `state`; returns the bullets new to the state, which their shooters should see at once. */
export function mirrorWorld(world: World, state: GameState, { ackOf, refreshMinimap, launchOf }: MirrorOptions): BulletState[] {
  state.tick = world.tick;

  for (const ship of world.ships) {
    const shipState = state.ships.get(ship.id);
    const player = state.players.get(ship.id);
    if (!shipState || !player) continue; // the room creates the schema entries (with name and color) when the player joins
    player.score = ship.score;
    player.alive = ship.alive;
    if (refreshMinimap) {
      player.mapX = encodeMapCell(ship.x, world.size.width);
      player.mapY = encodeMapCell(ship.y, world.size.height);
    }
    shipState.xFixed = encodePosition(ship.x);
    shipState.yFixed = encodePosition(ship.y);
    shipState.angleFixed = encodeAngle(ship.angle);
    shipState.alive = ship.alive;
    shipState.chargeLevel = encodeCharge(ship.charge);
    shipState.keys = ship.keys;
    // Constant through a death (tick + remaining steps), so it costs one field change per death.
    shipState.respawnTick = ship.alive ? 0 : world.tick + Math.round(ship.respawnIn * TICK_RATE);
    shipState.protected = ship.protection > 0;
    shipState.x = ship.x;
    shipState.y = ship.y;
    shipState.vx = ship.vx;
    shipState.vy = ship.vy;
    shipState.angle = ship.angle;
    shipState.ack = ackOf(ship.id);
    shipState.cooldownSteps = encodeCooldown(ship.cooldown);
  }

  // Bullets and rocks are sent once: clients compute the rest of a straight flight.
  const newBullets: BulletState[] = [];
  mirrorOnce(state.bullets, world.bullets, (bullet) => {
    const launch = launchOf?.(bullet.id);
    const bulletState = Object.assign(new BulletState(), {
      owner: bullet.owner,
      step: (launch?.inputStep ?? 0) & 0xff,
      radius: bullet.radius,
      x: launch?.x ?? bullet.x,
      y: launch?.y ?? bullet.y,
      vx: bullet.vx,
      vy: bullet.vy,
      tick: launch?.tick ?? world.tick,
    });
    newBullets.push(bulletState);
    return bulletState;
  });
  mirrorOnce(state.asteroids, world.asteroids, (rock) =>
    Object.assign(new AsteroidState(), {
      size: rock.size,
      x: rock.x,
      y: rock.y,
      vx: rock.vx,
      vy: rock.vy,
      angle: rock.angle,
      spin: rock.spin,
      tick: world.tick,
    }),
  );
  return newBullets;
}

/** Adds an entry, built once, for each body new to `map` (keyed by its id) and drops the entries of bodies gone. */
function mirrorOnce<B extends { id: number }, S>(map: MapSchema<S>, bodies: readonly B[], build: (body: B) => S): void {
  const alive = new Set<string>();
  for (const body of bodies) {
    const key = String(body.id);
    alive.add(key);
    if (!map.has(key)) map.set(key, build(body));
  }
  prune(map, alive);
}

/** The schema entry of a newly joined player; mirrorWorld fills in the rest. */
function createPlayerState(name: string, color: string): PlayerState {
  const player = new PlayerState();
  // The one door for text into the state: whatever the caller cleaned, it stays decodable (see validText).
  player.name = validText(name);
  player.color = validText(color);
  return player;
}

/** A newly joined player's two entries: the player everyone sees, and the ship those near it see. */
export function addPlayerStates(state: GameState, sessionId: string, name: string, color: string): ShipState {
  state.players.set(sessionId, createPlayerState(name, color));
  const ship = new ShipState();
  state.ships.set(sessionId, ship);
  return ship;
}
