/**
 * A zod schema fetched just after a public form page first paints, so the page itself stays within
 * the first-load budget (bench/web-size.bench.ts): zod is most of a sign-in page's weight. Until it
 * arrives (a moment after the page shows), the form sends input unchecked and the server, which
 * checks everything anyway, answers with the same plain messages.
 */
import type { z } from "zod";

export function lazySchema<S extends z.ZodType>(load: () => Promise<S>): S {
  let loaded: S | null = null;
  void load().then((schema) => {
    loaded = schema;
  });
  const unchecked = (value: unknown) => ({ success: true as const, data: value });
  return {
    safeParse: (value: unknown, params?: unknown) =>
      loaded ? loaded.safeParse(value, params as never) : unchecked(value),
  } as unknown as S;
}
