import { useEffect, useRef } from "react";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The calendar's keys: T today, D day, W week, N new booking, ←/→ move. Off while typing or while a
 * dialog is open (it has its own keys).
 */
export function useCalendarKeys(
  enabled: boolean,
  actions: { today(): void; day(): void; week(): void; book(): void; move(direction: -1 | 1): void },
) {
  // The latest actions (they close over the current date), without re-subscribing every render.
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    if (!enabled) return;
    function onKey(event: KeyboardEvent) {
      const actions = latest.current;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target))
        return;
      const key = event.key.toLowerCase();
      if (key === "t") actions.today();
      else if (key === "d") actions.day();
      else if (key === "w") actions.week();
      else if (key === "n") actions.book();
      else if (event.key === "ArrowLeft") actions.move(-1);
      else if (event.key === "ArrowRight") actions.move(1);
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
