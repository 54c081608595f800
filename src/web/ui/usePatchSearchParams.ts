import { useCallback } from "react";
import { useSearchParams } from "react-router";

/**
 * The URL's search parameters and a way to change some of them at once (`null` removes one).
 * Pages keep their choices there (booking's slot, the calendar's day), so a reload, the back
 * button or a shared link shows the same thing.
 */
export function usePatchSearchParams() {
  const [params, setParams] = useSearchParams();
  const patch = useCallback(
    (changes: Record<string, string | null>, options: { replace?: boolean } = {}) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: options.replace ?? false },
      ),
    [setParams],
  );
  return [params, patch] as const;
}
