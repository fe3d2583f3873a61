/**
 * Maps the keyboard to the input bitmask: arrows move and turn, Space charges and
 * fires (WASD works too). Losing focus releases every key, so a ship never keeps
 * thrusting because its keyup went to another window.
 */
import { Key } from "../../../shared/sim/input";

const KEY_BITS: Readonly<Record<string, number>> = {
  ArrowUp: Key.Up,
  KeyW: Key.Up,
  ArrowDown: Key.Down,
  KeyS: Key.Down,
  ArrowLeft: Key.Left,
  KeyA: Key.Left,
  ArrowRight: Key.Right,
  KeyD: Key.Right,
  Space: Key.Fire,
};

export interface KeyboardHandlers {
  /** Called with the new bitmask whenever the held keys change. */
  onKeys(keys: number): void;
  /** Called when Esc is pressed. */
  onEscape(): void;
}

/** Listens on `target`; returns the function that stops listening. */
export function attachKeyboard(target: Window, handlers: KeyboardHandlers): () => void {
  let keys = 0;
  const update = (next: number) => {
    if (next === keys) return;
    keys = next;
    handlers.onKeys(keys);
  };
  const isTyping = (event: KeyboardEvent) => event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;

  const onKeyDown = (event: KeyboardEvent) => {
    if (isTyping(event)) return;
    if (event.code === "Escape") return handlers.onEscape();
    const bit = KEY_BITS[event.code];
    if (bit === undefined) return;
    event.preventDefault(); // arrows and Space would scroll the page
    update(keys | bit);
  };
  const onKeyUp = (event: KeyboardEvent) => {
    const bit = KEY_BITS[event.code];
    if (bit === undefined) return;
    event.preventDefault();
    update(keys & ~bit);
  };
  const releaseAll = () => update(0);
  const onVisibility = () => {
    if (document.visibilityState === "hidden") releaseAll();
  };

  target.addEventListener("keydown", onKeyDown);
  target.addEventListener("keyup", onKeyUp);
  target.addEventListener("blur", releaseAll);
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    target.removeEventListener("keydown", onKeyDown);
    target.removeEventListener("keyup", onKeyUp);
    target.removeEventListener("blur", releaseAll);
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
