import { formatClock, formatLocalDay, localDateOf } from "./time";

/** "Thursday, December 3, 10:00 AM – 11:00 AM" in `zone`. */
export function describeWhen(a: { startsAt: string; endsAt: string }, zone: string): string {
  return `${formatLocalDay(localDateOf(a.startsAt, zone), "long")}, ${formatClock(a.startsAt, zone)} – ${formatClock(a.endsAt, zone)}`;
}
