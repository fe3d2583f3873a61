import { useEffect, useState } from "react";

/** F1…F12 type nothing, so they work even while a text field has the focus. */
const FUNCTION_KEY = /^F\d+$/;

/** Whether the key goes into a field the player is typing in (a checkbox takes no text). */
function typesText(event: KeyboardEvent): boolean {
  const target = event.target;
  return (target instanceof HTMLInputElement && target.type !== "checkbox") || target instanceof HTMLTextAreaElement;
}

/**
 * A flag flipped by any of `codes` (KeyboardEvent.code), off at first. Held-key repeats are
 * ignored so a long press does not flicker; the browser's own use of the key (F3: find) is
 * cancelled.
 */
export function useToggleKey(codes: readonly string[]): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!codes.includes(event.code) || event.repeat) return;
      if (!FUNCTION_KEY.test(event.code) && typesText(event)) return;
      event.preventDefault();
      setOn((value) => !value);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [codes]);
  return on;
}
