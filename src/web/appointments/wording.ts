/**
 * Staff-facing words about one appointment, derived from its state, so a line never contradicts
 * the badge beside it ("Confirmed." over "Before it can be confirmed"), the clock ("held until"
 * after the start) or who wrote it ("Note from the client" over a note the desk typed).
 */
import type { Readiness } from "../../core/api/scheduling";

/**
 * Until when a request keeps its slot: its expiry, but never past its own start (once it starts,
 * the request is moot). Null for anything but a live request.
 */
export function heldUntil(a: {
  status: string;
  startsAt: string;
  requestExpiresAt: string | null;
}): string | null {
  if (a.status !== "requested" || !a.requestExpiresAt) return null;
  return Date.parse(a.requestExpiresAt) < Date.parse(a.startsAt) ? a.requestExpiresAt : a.startsAt;
}

/** Online, the client typed the note; on the phone or in the calendar, staff did. */
export function noteLabel(source: "online" | "phone" | "staff"): string {
  return source === "online" ? "Note from the client" : "Note taken by the clinic";
}

/**
 * What still stands between a request and its confirmation, or null when nothing does or it has
 * just been confirmed here ("not a request any more" is not something to fix).
 */
export function openReasons(
  readiness: Readiness | undefined,
  answered: boolean,
): Readiness["reasons"] | null {
  if (answered || !readiness || readiness.ok) return null;
  const reasons = readiness.reasons.filter((r) => r.code !== "not-requested");
  return reasons.length > 0 ? reasons : null;
}

const MISSING: Partial<Record<Readiness["reasons"][number]["code"], string>> = {
  "intake-not-submitted": "the client's intake",
  "consent-not-signed": "their signed consent",
  "clearance-missing": "a doctor's clearance",
};

/** After the desk books a first visit: what it waits for, or that it can be confirmed now. */
export function firstVisitNextStep(readiness: Readiness): string {
  if (readiness.ok) return "The intake and consent are in: confirm it from Requests when you are ready.";
  const missing = readiness.reasons.map((r) => MISSING[r.code]).filter((m): m is string => Boolean(m));
  const other = readiness.reasons.filter((r) => !MISSING[r.code]).map((r) => r.message);
  const parts: string[] = [];
  if (missing.length > 0) {
    const list =
      missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
    parts.push(
      `A first visit stays a request until ${list} ${missing.length === 1 ? "is" : "are"} in; then confirm it from Requests.`,
    );
  }
  parts.push(...other);
  return parts.join(" ");
}
