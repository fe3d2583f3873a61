/** Test fixtures: a drawn ship at rest, as a frame holds it ("me" is the local player). */
import type { RenderShip } from "../../client/frame";

export function drawnShip(id: string, x: number, y: number): RenderShip {
  return {
    id,
    name: id,
    color: "#ffffff",
    x,
    y,
    angle: 0,
    alive: true,
    charge: 0,
    keys: 0,
    protected: false,
    respawnIn: 0,
    isLocal: id === "me",
  };
}
