/** Small wording helpers shared by the booking steps. */

import { formatClock, formatLocalDay, localDateOf } from "../appointments/time";
import type { PublicClinic } from "../clinic/api";

export type Service = PublicClinic["services"][number];

export function formatPrice(service: Service): string | null {
  if (service.priceCents === null) return null;
  return new Intl.NumberFormat("en-US", { style: "currency", currency: service.currency }).format(
    service.priceCents / 100,
  );
}

/** "Thursday, December 3, 10:00 AM – 11:00 AM" in `zone`. */
export function whenText(start: string, durationMin: number, zone: string): string {
  const end = new Date(Date.parse(start) + durationMin * 60_000).toISOString();
  return `${formatLocalDay(localDateOf(start, zone), "long")}, ${formatClock(start, zone)} – ${formatClock(end, zone)}`;
}
