import { useRef } from "react";
import type { PointerEvent } from "react";
import { Key } from "../../../shared/sim/input";
import "./touchControls.css";

/**
 * On-screen controls for touch screens: turn left and right under the left thumb, thrust,
 * reverse and a hold-to-charge fire button under the right one. Each button holds its key
 * for as long as any finger presses it (several fingers at once work: turn while firing),
 * and reports the held keys the way the keyboard does, into the same input stream.
 */
interface TouchControlsProps {
  onKeys(keys: number): void;
}

interface Pad {
  key: number;
  label: string;
  className: string;
  glyph: string;
}

const PADS: readonly Pad[] = [
  { key: Key.Left, label: "Turn left", className: "pad left-turn", glyph: "◀" },
  { key: Key.Right, label: "Turn right", className: "pad right-turn", glyph: "▶" },
  { key: Key.Up, label: "Thrust", className: "pad thrust", glyph: "▲" },
  { key: Key.Down, label: "Reverse", className: "pad reverse", glyph: "▼" },
  { key: Key.Fire, label: "Fire (hold to charge)", className: "pad fire", glyph: "●" },
];

/** True on a device whose main pointer is a finger. */
export function isTouchDevice(): boolean {
  return navigator.maxTouchPoints > 0 || window.matchMedia("(pointer: coarse)").matches;
}

export function TouchControls({ onKeys }: TouchControlsProps) {
  // Which fingers hold each key: a key is up only when its last finger lifts.
  const fingers = useRef(new Map<number, Set<number>>());
  const report = () => {
    let keys = 0;
    for (const [key, held] of fingers.current) if (held.size > 0) keys |= key;
    onKeys(keys);
  };
  const press = (key: number) => (event: PointerEvent<HTMLButtonElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const held = fingers.current.get(key) ?? new Set<number>();
    held.add(event.pointerId);
    fingers.current.set(key, held);
    report();
  };
  const lift = (key: number) => (event: PointerEvent<HTMLButtonElement>) => {
    if (fingers.current.get(key)?.delete(event.pointerId)) report();
  };
  return (
    <div className="touch-controls" data-testid="touch-controls">
      {PADS.map((pad) => (
        <button
          key={pad.key}
          type="button"
          className={pad.className}
          aria-label={pad.label}
          data-testid={`touch-${pad.className.split(" ")[1]}`}
          onPointerDown={press(pad.key)}
          onPointerUp={lift(pad.key)}
          onPointerCancel={lift(pad.key)}
          onLostPointerCapture={lift(pad.key)}
          onContextMenu={(event) => event.preventDefault()}
        >
          {pad.glyph}
        </button>
      ))}
    </div>
  );
}
