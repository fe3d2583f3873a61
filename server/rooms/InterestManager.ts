/**
 * Interest management: each client's Colyseus StateView holds the ships, bullets and
 * rocks near its own ship, and nothing else, so a client of a full room is sent the
 * few dozen objects around it instead of every one. The region is the most a screen
 * shows (VIEW_WIDTH × VIEW_HEIGHT) plus INTEREST_MARGIN on every side, across the wrap;
 * an object leaves only INTEREST_HYSTERESIS further out, so one on the edge does not
 * come and go patch after patch. Far players stay on everyone's minimap through the
 * unfiltered `players` map.
 *
 * An object added to a view is sent whole at the next patch: a ship with its current
 * pose, a bullet or rock with the start of its straight flight, which the client runs
 * forward. Either way it appears where it truly is, and the margin gives it several
 * patches of history before it reaches the screen.
 */
import type { StateView } from "@colyseus/schema";
import { INTEREST_HYSTERESIS, INTEREST_MARGIN, INTEREST_UPDATE_PATCHES } from "../../shared/net/netConstants";
import { VIEW_HEIGHT, VIEW_WIDTH } from "../../shared/constants";
import { OWNER_VIEW_TAG, type BulletState, type GameState } from "../../shared/net/schema";
import { fieldDelta } from "../../shared/sim/vector";
import type { Ship, World } from "../../shared/sim/world";
import { PlacedObjects, type Replicated } from "./PlacedObjects";

/** A client as interest management needs it. */
export interface Viewer {
  sessionId: string;
  view?: StateView;
}

/** Half the region a client is sent on each axis, before an object's own radius. */
const HALF_WIDTH = VIEW_WIDTH / 2 + INTEREST_MARGIN;
const HALF_HEIGHT = VIEW_HEIGHT / 2 + INTEREST_MARGIN;
const HYSTERESIS = INTEREST_HYSTERESIS;

export class InterestManager {
  /** What each view holds besides its owner's ship, with the update that last found it near: leavers are found without visiting all. */
  private readonly held = new WeakMap<StateView, Map<Replicated, number>>();
  private round = 0;
  private updates = 0;

  /** Lets `client` see its own ship, owner-only fields included; call on join and reconnect. */
  showOwnShip(viewer: Viewer, state: GameState): void {
    const ship = state.ships.get(viewer.sessionId);
    if (ship) viewer.view?.add(ship, OWNER_VIEW_TAG);
  }

  /**
   * Puts each new bullet in its shooter's view at once, without waiting for that view's
   * turn: it leaves from the shooter's own nose, and the shooter's client matches it to
   * the shot it predicted in the very patch that acknowledges the shot.
   */
  showShots(viewers: readonly Viewer[], bullets: readonly BulletState[]): void {
    if (bullets.length === 0) return;
    const byId = new Map<string, Viewer>();
    for (const viewer of viewers) byId.set(viewer.sessionId, viewer);
    for (const bullet of bullets) {
      const view = byId.get(bullet.owner)?.view;
      if (!view) continue;
      view.add(bullet);
      this.heldBy(view).set(bullet, this.updates);
    }
  }

  /** Brings every INTEREST_UPDATE_PATCHES-th viewer's StateView up to date, the next share of them at each call: once a patch. */
  updateInTurn(viewers: readonly Viewer[], world: World, state: GameState): void {
    const turn = this.round++ % INTEREST_UPDATE_PATCHES;
    this.update(
      viewers.filter((_, index) => index % INTEREST_UPDATE_PATCHES === turn),
      world,
      state,
    );
  }

  /**
   * Brings every viewer's StateView up to date with what is near its ship now. One pass
   * over the cells around the ship, out to the hysteresis band: an object inside the
   * region enters, a held one past the band leaves; a held object not met at all is
   * further still (or destroyed) and leaves too.
   */
  update(viewers: Iterable<Viewer>, world: World, state: GameState): void {
    const placed = new PlacedObjects(world, state);
    const shipsById = new Map<string, Ship>(world.ships.map((ship) => [ship.id, ship]));
    const { width, height } = world.size;
    const { states, positions, radius, indexOf } = placed;
    const reach = placed.maxRadius + HYSTERESIS;
    const round = ++this.updates;
    const near: number[] = [];
    for (const viewer of viewers) {
      const own = shipsById.get(viewer.sessionId);
      const view = viewer.view;
      if (!own || !view) continue;
      const ownState = state.ships.get(viewer.sessionId);
      const held = this.heldBy(view);
      const ownX = own.x;
      const ownY = own.y;
      for (const i of placed.grid.near(ownX, ownY, HALF_WIDTH + reach, HALF_HEIGHT + reach, near)) {
        const object = states[i]!;
        if (object === ownState) continue;
        const position = positions[i]!;
        // How far the object's edge lies outside the region (negative: inside), across the wrap.
        const beyond =
          Math.max(
            Math.abs(fieldDelta(ownX, position.x, width)) - HALF_WIDTH,
            Math.abs(fieldDelta(ownY, position.y, height)) - HALF_HEIGHT,
          ) - radius[i]!;
        if (held.has(object)) {
          if (beyond > HYSTERESIS) {
            view.remove(object);
            held.delete(object);
          } else held.set(object, round);
        } else if (beyond <= 0) {
          view.add(object);
          held.set(object, round);
        }
      }
      for (const [object, seenIn] of held) {
        if (seenIn === round) continue;
        // A destroyed object has left the state, and so every view, by itself.
        if (indexOf.has(object)) view.remove(object);
        held.delete(object);
      }
    }
  }

  private heldBy(view: StateView): Map<Replicated, number> {
    let held = this.held.get(view);
    if (!held) {
      held = new Map();
      this.held.set(view, held);
    }
    return held;
  }
}
