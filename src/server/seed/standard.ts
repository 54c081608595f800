/**
 * What every new clinic starts with, the demo and a real clinic alike: the four standard services
 * of trigger point work, a room, and a Monday-to-Friday week. Owners change all of it in Settings.
 */
import type { Db } from "../db/connect";
import { services, workingHours } from "../db/schema";

type Inserter = Pick<Db, "insert">;

export const STANDARD_SERVICES = [
  {
    kind: "consultation" as const,
    name: "First visit: consultation and treatment",
    description: "Posture and movement assessment, then a first trigger point treatment.",
    durationMin: 60,
    priceCents: 9500,
    bookingMode: "request" as const,
    sortOrder: 0,
  },
  {
    kind: "session" as const,
    name: "Trigger point session, 30 min",
    description: "A focused session on one area.",
    durationMin: 30,
    priceCents: 5500,
    bookingMode: "instant" as const,
    sortOrder: 1,
  },
  {
    kind: "session" as const,
    name: "Trigger point session, 60 min",
    description: "The usual follow-up session.",
    durationMin: 60,
    priceCents: 9000,
    bookingMode: "instant" as const,
    sortOrder: 2,
  },
  {
    kind: "session" as const,
    name: "Trigger point session, 90 min",
    description: "Several areas, or long-standing pain.",
    durationMin: 90,
    priceCents: 12500,
    bookingMode: "request" as const,
    sortOrder: 3,
  },
];

/** The room a new clinic's services are booked into (every standard service needs one). */
export const STANDARD_ROOM_NAME = "Treatment room";

/**
 * Inserts the standard services. `prices: false` leaves them unpriced: a real clinic's prices and
 * currency are its own (set in Settings); the demo shows US prices.
 */
export function insertStandardServices(tx: Inserter, clinicId: string, options: { prices: boolean }) {
  return tx
    .insert(services)
    .values(
      STANDARD_SERVICES.map((s) => ({
        ...s,
        priceCents: options.prices ? s.priceCents : null,
        clinicId,
        bufferAfterMin: 15,
      })),
    )
    .returning();
}

/** Monday to Friday 09:00-17:00 with lunch 12:00-13:00, in the clinic's local time. */
export function insertStandardWeek(tx: Inserter, clinicId: string, therapistId: string) {
  const rows = [];
  for (let weekday = 1; weekday <= 5; weekday++) {
    rows.push(
      { clinicId, therapistId, weekday, startTime: "09:00", endTime: "17:00" },
      { clinicId, therapistId, weekday, startTime: "12:00", endTime: "13:00", isBreak: true },
    );
  }
  return tx.insert(workingHours).values(rows);
}
