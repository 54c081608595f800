/**
 * A short-lived, in-process cache of public availability searches. An anonymous 31-day search
 * reads a snapshot and runs the slot engine; identical searches within a few seconds (a page
 * refreshed, many visitors on one clinic's booking page) get the same answer without that work.
 * Any successful write through the API that may change free times empties it, so this server never
 * shows a slot it has just booked; other servers show it for at most the TTL. Booking stays the authority either way: a
 * stale slot can only end in `409 slot_taken`.
 */
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

export const AVAILABILITY_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 500;

export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    // A Map iterates in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: this.clock() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}

declare module "fastify" {
  interface FastifyInstance {
    availabilityCache: TtlCache<unknown>;
  }
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Writes that cannot change anyone's free times, so they leave the cache alone (the pain finder's
 * POST above all: anonymous and frequent). Everything else empties it: a route missing here costs
 * a cache refill, never a stale answer.
 */
const WRITES_THAT_KEEP_SLOTS = ["/api/finder", "/api/auth/", "/api/me/", "/api/consent", "/api/waitlist"];

export function writeMayChangeSlots(method: string, url: string): boolean {
  return WRITE_METHODS.has(method) && !WRITES_THAT_KEEP_SLOTS.some((prefix) => url.startsWith(prefix));
}

/** Decorates the app with the cache, and empties it before any successful write's answer goes out. */
export const availabilityCachePlugin = fp(async (app: FastifyInstance) => {
  const cache = new TtlCache<unknown>(AVAILABILITY_CACHE_TTL_MS, MAX_ENTRIES);
  app.decorate("availabilityCache", cache);
  app.addHook("onSend", async (request, reply) => {
    if (reply.statusCode < 400 && writeMayChangeSlots(request.method, request.url)) cache.clear();
  });
});
