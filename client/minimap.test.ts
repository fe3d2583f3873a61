import { GameState, PlayerState } from "../shared/net/schema";
import { decodeMapCell, encodeMapCell } from "../shared/net/wire";
import { LARGEST_WORLD } from "../shared/sim/worldSize";
import { minimapBlips } from "./minimap";
import { drawnShip } from "../test/support/testShips";

function player(name: string, color: string, x: number, y: number, alive = true): PlayerState {
  return Object.assign(new PlayerState(), {
    name,
    color,
    alive,
    mapX: encodeMapCell(x, LARGEST_WORLD.width),
    mapY: encodeMapCell(y, LARGEST_WORLD.height),
  });
}

const drawn = drawnShip;

describe("minimapBlips", () => {
  it("places ships in view where they are drawn and the rest at their coarse cell", () => {
    const state = new GameState();
    state.players.set("me", player("Me", "#ff0000", 100, 100));
    state.players.set("near", player("Near", "#00ff00", 300, 200));
    state.players.set("far", player("Far", "#0000ff", 3000, 1900, false));
    const blips = minimapBlips(state, { world: LARGEST_WORLD, ships: [drawn("me", 101.5, 99), drawn("near", 310, 205)] }, "me");
    expect(blips.find((blip) => blip.id === "me")).toMatchObject({ x: 101.5, y: 99, isLocal: true, exact: true });
    expect(blips.find((blip) => blip.id === "near")).toMatchObject({ x: 310, y: 205, exact: true, isLocal: false });
    const far = blips.find((blip) => blip.id === "far")!;
    expect(far).toMatchObject({ exact: false, alive: false, color: "#0000ff" });
    expect(Math.abs(far.x - 3000)).toBeLessThanOrEqual(LARGEST_WORLD.width / 256 / 2);
    expect(far.y).toBe(decodeMapCell(encodeMapCell(1900, LARGEST_WORLD.height), LARGEST_WORLD.height));
  });

  it("has no blips before the first state", () => {
    expect(minimapBlips({} as GameState, { world: LARGEST_WORLD, ships: [] }, "me")).toEqual([]);
  });
});
