import { Encoder, StateView } from "@colyseus/schema";
import { INTEREST_HYSTERESIS, INTEREST_MARGIN } from "../../shared/net/netConstants";
import { SHIP_BOUND_RADIUS, VIEW_WIDTH } from "../../shared/constants";
import { addShip } from "../../shared/sim/lifecycle";
import { GameState } from "../../shared/net/schema";
import { createWorld } from "../../shared/sim/step";
import { findShip, type World } from "../../shared/sim/world";
import { LARGEST_WORLD } from "../../shared/sim/worldSize";
import { InterestManager } from "./InterestManager";
import { addPlayerStates } from "./mirrorWorld";

/** Where a ship's centre enters a viewer's region on x, and where it leaves it. */
const ENTER = VIEW_WIDTH / 2 + INTEREST_MARGIN + SHIP_BOUND_RADIUS;
const LEAVE = ENTER + INTEREST_HYSTERESIS;

function setUp(): { world: World; state: GameState; interest: InterestManager; viewer: { sessionId: string; view: StateView } } {
  const world = createWorld(1, LARGEST_WORLD);
  world.asteroids = [];
  const state = new GameState();
  for (const id of ["me", "other"]) {
    addShip(world, id);
    addPlayerStates(state, id, id, "#ffffff");
  }
  // Views bind to the state through its encoder, as in a room.
  new Encoder(state);
  const viewer = { sessionId: "me", view: new StateView() };
  const interest = new InterestManager();
  interest.showOwnShip(viewer, state);
  Object.assign(findShip(world, "me")!, { x: 10, y: 1000 });
  return { world, state, interest, viewer };
}

function putOther(world: World, x: number): void {
  Object.assign(findShip(world, "other")!, { x, y: 1000 });
}

describe("InterestManager", () => {
  it("adds a ship inside the region, across the field's wrap, keeps it through the hysteresis band and drops it past it", () => {
    const { world, state, interest, viewer } = setUp();
    const other = state.ships.get("other")!;
    const at = (dx: number) => putOther(world, (10 + dx + LARGEST_WORLD.width) % LARGEST_WORLD.width);

    at(-(ENTER + 1)); // just outside, on the far side of the x = 0 edge
    interest.update([viewer], world, state);
    expect(viewer.view.has(other)).toBe(false);
    at(-(ENTER - 1));
    interest.update([viewer], world, state);
    expect(viewer.view.has(other)).toBe(true);
    at(-(LEAVE - 1)); // in the band: stays
    interest.update([viewer], world, state);
    expect(viewer.view.has(other)).toBe(true);
    at(-(LEAVE + 1));
    interest.update([viewer], world, state);
    expect(viewer.view.has(other)).toBe(false);
    // And the own ship is never dropped, wherever it is.
    expect(viewer.view.has(state.ships.get("me")!)).toBe(true);
  });

  it("updates each view every other patch, in turn", () => {
    const { world, state, interest, viewer } = setUp();
    const second = { sessionId: "other", view: new StateView() };
    interest.showOwnShip(second, state);
    putOther(world, 200);
    interest.updateInTurn([viewer, second], world, state);
    expect(viewer.view.has(state.ships.get("other")!)).toBe(true);
    // The second view waits for the next patch: half the views are brought up to date each time.
    expect(second.view.has(state.ships.get("me")!)).toBe(false);
    interest.updateInTurn([viewer, second], world, state);
    expect(second.view.has(state.ships.get("me")!)).toBe(true);
  });
});
