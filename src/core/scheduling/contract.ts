/**
 * API contract of the availability search (docs/product.md F4), shared by server and web. The server
 * validates the query with `availabilityQuerySchema`, turns it into an instant range with
 * `availabilityRange`, runs `findAvailableSlots`, and answers `toAvailabilityResponse(...)`.
 */

import { z } from "zod";
import { MS_PER_DAY, parseLocalDate } from "./civil";
import { formatSlotInZone } from "./format";
import type { InstantRange, Slot } from "./types";
import { firstInstantAtOrAfterWallClock, isValidTimeZone } from "./zone";

/** Longest search, in local days counted inclusively (`from` … `to`). */
export const MAX_AVAILABILITY_DAYS = 31;

// `abort` stops at the first failed check, so a malformed date reports one issue, not two.
const localDateSchema = z.iso
  .date({ error: "expected a date YYYY-MM-DD", abort: true })
  .refine((text) => parseLocalDate(text) !== null, { error: "expected a real calendar date" });

export const timeZoneSchema = z
  .string()
  .max(64, { abort: true })
  .refine((zone) => isValidTimeZone(zone), {
    error: "unknown time zone: expected an IANA name such as America/Boise",
  })
  .describe("IANA time zone name");

const idSchema = z.string().min(1).max(100);

export const availabilityQuerySchema = z
  .object({
    serviceId: idSchema.describe("The service to book"),
    therapistId: idSchema.optional().describe("One therapist; omitted = any therapist"),
    from: localDateSchema.describe(
      "First day searched (YYYY-MM-DD, in `zone` if given, else the clinic's zone)",
    ),
    to: localDateSchema.describe("Last day searched, inclusive (YYYY-MM-DD)"),
    zone: timeZoneSchema.optional().describe("The client's IANA zone: dates and `local` strings use it"),
  })
  .superRefine((query, context) => {
    const from = parseLocalDate(query.from);
    const to = parseLocalDate(query.to);
    if (from === null || to === null) return; // already reported by the field schemas
    if (to < from) {
      context.addIssue({ code: "custom", path: ["to"], message: "`to` must not be before `from`" });
    } else if (to - from + 1 > MAX_AVAILABILITY_DAYS) {
      context.addIssue({
        code: "custom",
        path: ["to"],
        message: `the range may span at most ${MAX_AVAILABILITY_DAYS} days`,
      });
    }
  });

export type AvailabilityQuery = z.infer<typeof availabilityQuerySchema>;

export const availabilitySlotSchema = z.object({
  start: z.iso.datetime().describe("Session start, ISO 8601 instant (UTC)"),
  end: z.iso.datetime().describe("Session end, ISO 8601 instant (UTC), buffers excluded"),
  therapistIds: z.array(z.string()).describe("Therapists who can take this slot"),
  local: z.string().describe("The start shown in the response zone, for display"),
});

export const availabilityResponseSchema = z.object({
  zone: z
    .string()
    .describe("The zone `local` strings are shown in: the client's if given, else the clinic's"),
  slots: z.array(availabilitySlotSchema),
});

export type AvailabilitySlot = z.infer<typeof availabilitySlotSchema>;
export type AvailabilityResponse = z.infer<typeof availabilityResponseSchema>;

/** The zone a query's dates and display strings are read in: the client's if given, else the clinic's. */
export function displayZoneOf(query: AvailabilityQuery, clinicZone: string): string {
  return query.zone ?? clinicZone;
}

/**
 * The instant range `[start of from, start of the day after to)` in the display zone, for
 * `SlotQuery.range`. A client in another zone thus gets the slots of THEIR days.
 */
export function availabilityRange(query: AvailabilityQuery, clinicZone: string): InstantRange {
  const zone = displayZoneOf(query, clinicZone);
  const from = parseLocalDate(query.from);
  const to = parseLocalDate(query.to);
  if (from === null || to === null) throw new RangeError("availability query dates must be validated first");
  return {
    from: firstInstantAtOrAfterWallClock(from * MS_PER_DAY, zone),
    to: firstInstantAtOrAfterWallClock((to + 1) * MS_PER_DAY, zone),
  };
}

/** The public response for engine slots; rooms stay internal. */
export function toAvailabilityResponse(
  slots: readonly Slot[],
  zone: string,
  locale?: string,
): AvailabilityResponse {
  return {
    zone,
    slots: slots.map((slot) => ({
      start: new Date(slot.start).toISOString(),
      end: new Date(slot.end).toISOString(),
      therapistIds: [...slot.therapistIds],
      local: formatSlotInZone(slot.start, zone, locale),
    })),
  };
}
