/** Scheduling (docs/product.md F4): the pure slot engine, zone arithmetic and the availability contract. */

export type { Weekday } from "./civil";
export {
  type AvailabilityQuery,
  type AvailabilityResponse,
  type AvailabilitySlot,
  availabilityQuerySchema,
  availabilityRange,
  availabilityResponseSchema,
  availabilitySlotSchema,
  displayZoneOf,
  MAX_AVAILABILITY_DAYS,
  timeZoneSchema,
  toAvailabilityResponse,
} from "./contract";
export { formatSlotInZone } from "./format";
export { type Interval, mergeIntervals, overlaps, subtractIntervals } from "./intervals";
export { blockingInterval, findAvailableSlots, MAX_SEARCH_DAYS, workingTimeByDay } from "./slots";
export type {
  BookingPolicy,
  BusyInterval,
  DateOverride,
  InstantRange,
  LocalInterval,
  Room,
  ServiceSpec,
  Slot,
  SlotQuery,
  TherapistSchedule,
  WeeklySchedule,
} from "./types";
export {
  instantToLocal,
  isValidTimeZone,
  type LocalDateTime,
  type LocalToInstantOptions,
  type LocalToInstantResult,
  localToInstant,
  zoneOffsetMinutes,
} from "./zone";
