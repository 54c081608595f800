/**
 * Marked regions in a URL: `?regions=temple-left:6,neck-posterior-left:4`. The finder keeps its
 * marks there (a reload or a shared link shows the same map) and "Book a session for these"
 * carries them on to sign-up or the portal, where booking and intake can pick them up.
 */
import { isRegionId } from "../../core/body/regions";

/** Region id → intensity 1-10 (the body map's `RegionMarks`). */
export type Marks = Readonly<Record<string, number>>;

export const REGIONS_PARAM = "regions";
/** The API's limit (core/finder MAX_FINDER_REGIONS), repeated so this page does not load zod. */
export const MAX_FINDER_REGIONS = 40;
const DEFAULT_INTENSITY = 5;

function clampIntensity(value: number): number {
  return Math.min(10, Math.max(1, Math.round(value)));
}

/**
 * Reads `temple-left:6,neck-posterior-left` (intensity optional, 5 by default). Unknown ids and
 * junk are dropped rather than refused: a mistyped link still opens the finder. A repeated id
 * keeps its highest intensity; at most MAX_FINDER_REGIONS regions are kept.
 */
export function parseMarks(value: string | null | undefined): Marks {
  const marks: Record<string, number> = {};
  if (!value) return marks;
  for (const part of value.split(",")) {
    if (Object.keys(marks).length >= MAX_FINDER_REGIONS) break;
    const [rawId = "", rawIntensity, ...rest] = part.trim().split(":");
    const id = rawId.trim().toLowerCase();
    if (rest.length > 0 || !isRegionId(id)) continue;
    const parsed =
      rawIntensity === undefined || rawIntensity === "" ? DEFAULT_INTENSITY : Number(rawIntensity);
    if (!Number.isFinite(parsed)) continue;
    const intensity = clampIntensity(parsed);
    marks[id] = Math.max(marks[id] ?? 0, intensity);
  }
  return marks;
}

/** `temple-left:6,neck-posterior-left:4`, in marking order; ids and digits need no escaping. */
export function formatMarks(marks: Marks): string {
  return Object.entries(marks)
    .map(([id, intensity]) => `${id}:${intensity}`)
    .join(",");
}

/** The query string for a page that carries the marks (`""` when there are none). */
export function marksSearch(marks: Marks, extra: Record<string, string> = {}): string {
  const parts = Object.entries(extra).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  if (Object.keys(marks).length > 0) parts.unshift(`${REGIONS_PARAM}=${formatMarks(marks)}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

export function marksList(marks: Marks): { id: string; intensity: number }[] {
  return Object.entries(marks).map(([id, intensity]) => ({ id, intensity }));
}

export type Visitor = "anonymous" | "client" | "staff";

/**
 * Where "Book a session for these" goes: a visitor creates an account (or signs in and lands in
 * the portal), a client goes straight to the portal; the marks ride along either way.
 */
export function bookingLinks(visitor: Visitor, marks: Marks): { book: string; signIn?: string } {
  // The booking flow shows the marked areas and asks a visitor to sign in or sign up at its
  // details step, keeping the chosen time and the marks.
  const booking = `/book${marksSearch(marks)}`;
  if (visitor === "anonymous") {
    return { book: booking, signIn: `/sign-in?next=${encodeURIComponent(booking)}` };
  }
  return { book: booking };
}

/** A finder result's atlas page: the side shown, and the marks, so booking from there keeps them. */
export function musclePageHref(muscle: string, side: string | null | undefined, marks: Marks): string {
  return `/atlas/${encodeURIComponent(muscle)}${marksSearch(marks, side ? { side } : {})}`;
}

/**
 * Where "Book a session" on an atlas page goes: booking, with the marks the page was opened with
 * (from the finder's results), or none.
 */
export function bookingHrefFrom(search: string): string {
  return `/book${marksSearch(parseMarks(new URLSearchParams(search).get(REGIONS_PARAM)))}`;
}
