import { useSyncExternalStore } from "react";

/** Whether a CSS media query matches now, updated when it changes (a phone turned, a window resized). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The width below which staff pages switch from grids to one-column lists (matches the CSS). */
export const PHONE_QUERY = "(max-width: 640px)";
