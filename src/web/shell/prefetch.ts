/**
 * Starting a page's code and data before the click: navigation links call `prefetchPath` when a
 * pointer rests on them or they get focus (the intent to go there). The router registers how;
 * this module only passes the call on, so the shell does not import the route table.
 */
let prefetcher: ((to: string) => void) | null = null;
const started = new Map<string, number>();
/** A second hover within this long does not start the same work again. */
const AGAIN_AFTER_MS = 10_000;

export function registerPrefetcher(next: (to: string) => void): void {
  prefetcher = next;
}

export function prefetchPath(to: string, now = Date.now()): void {
  const last = started.get(to);
  if (!prefetcher || (last !== undefined && now - last < AGAIN_AFTER_MS)) return;
  started.set(to, now);
  prefetcher(to);
}

/** Props for a link that prefetches its destination on intent. */
export function prefetchOnIntent(to: string) {
  const start = () => prefetchPath(to);
  return { onPointerEnter: start, onFocus: start, onTouchStart: start };
}
