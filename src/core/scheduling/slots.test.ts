import { describe, expect, it } from "vitest";
import { benchmarkQuery } from "./benchmark-fixture";
import { overlaps } from "./intervals";
import { blockingInterval, findAvailableSlots } from "./slots";
import type { BusyInterval, LocalInterval, SlotQuery, TherapistSchedule, WeeklySchedule } from "./types";

const at = (iso: string): number => Date.parse(iso);
/** 2026-06-01 is a Monday; the default query searches that UTC day. */
const MONDAY = "2026-06-01";
const on = (time: string, date = MONDAY): number => at(`${date}T${time}:00Z`);

function everyDay(...intervals: LocalInterval[]): WeeklySchedule {
  return { 0: intervals, 1: intervals, 2: intervals, 3: intervals, 4: intervals, 5: intervals, 6: intervals };
}

const NINE_TO_FIVE = everyDay({ start: "09:00", end: "17:00" });

function therapist(id: string, overrides: Partial<TherapistSchedule> = {}): TherapistSchedule {
  return { id, weeklyHours: NINE_TO_FIVE, ...overrides };
}

function query(overrides: Partial<SlotQuery> = {}): SlotQuery {
  return {
    zone: "UTC",
    service: { id: "tp-60", durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 0, needsRoom: false },
    therapists: [therapist("ana")],
    rooms: [],
    busy: [],
    range: { from: on("00:00"), to: on("00:00", "2026-06-02") },
    now: at("2026-05-01T00:00:00Z"),
    policy: { minNoticeMin: 0, horizonDays: 365, stepMin: 30 },
    ...overrides,
  };
}

function busy(
  start: string,
  end: string,
  therapistId: string | null = "ana",
  roomId: string | null = null,
): BusyInterval {
  return { therapistId, roomId, start: on(start), end: on(end) };
}

/** Slot starts as "HH:MM" in UTC (with the date when it is not the Monday). */
function startTimes(query: SlotQuery): string[] {
  return findAvailableSlots(query).map((slot) => {
    const iso = new Date(slot.start).toISOString();
    return iso.startsWith(MONDAY) ? iso.slice(11, 16) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  });
}

const HALF_HOURS_9_TO_16 = [
  "09:00",
  "09:30",
  "10:00",
  "10:30",
  "11:00",
  "11:30",
  "12:00",
  "12:30",
  "13:00",
  "13:30",
  "14:00",
  "14:30",
  "15:00",
  "15:30",
  "16:00",
];

describe("findAvailableSlots: working hours and steps", () => {
  it("offers every step of a working interval whose whole session fits inside it", () => {
    const slots = findAvailableSlots(query());
    expect(startTimes(query())).toEqual(HALF_HOURS_9_TO_16);
    for (const slot of slots) {
      expect(slot.end - slot.start).toBe(60 * 60_000);
      expect(slot.therapistIds).toEqual(["ana"]);
      expect(slot.roomIds).toEqual([]);
    }
  });

  it("aligns starts to the step from each working interval's start, not from midnight", () => {
    const therapists = [therapist("ana", { weeklyHours: everyDay({ start: "09:10", end: "12:00" }) })];
    expect(startTimes(query({ therapists }))).toEqual(["09:10", "09:40", "10:10", "10:40"]);
  });

  it("offers nothing on a weekday without hours", () => {
    const therapists = [therapist("ana", { weeklyHours: { 2: [{ start: "09:00", end: "17:00" }] } })];
    expect(startTimes(query({ therapists }))).toEqual([]);
  });

  it("lets a session run across adjacent working intervals, each seeding its own grid", () => {
    const weeklyHours = everyDay({ start: "09:00", end: "12:00" }, { start: "12:00", end: "14:00" });
    expect(startTimes(query({ therapists: [therapist("ana", { weeklyHours })] }))).toEqual([
      "09:00",
      "09:30",
      "10:00",
      "10:30",
      "11:00",
      "11:30",
      "12:00",
      "12:30",
      "13:00",
    ]);
  });

  it("runs an interval ending at 24:00 into the next day's interval from 00:00", () => {
    const weeklyHours: WeeklySchedule = {
      1: [{ start: "20:00", end: "24:00" }],
      2: [{ start: "00:00", end: "02:00" }],
    };
    const service = { id: "tp-90", durationMin: 90, bufferBeforeMin: 0, bufferAfterMin: 0, needsRoom: false };
    const slots = startTimes(
      query({
        service,
        therapists: [therapist("ana", { weeklyHours })],
        range: { from: on("00:00"), to: on("00:00", "2026-06-03") },
        policy: { minNoticeMin: 0, horizonDays: 365, stepMin: 90 },
      }),
    );
    expect(slots).toEqual(["20:00", "21:30", "23:00", "2026-06-02 00:00"]);
  });

  it("lists a therapist once, in start order, when overlapping intervals offer interleaved or equal starts", () => {
    const weeklyHours = everyDay(
      { start: "09:00", end: "11:00" },
      { start: "09:00", end: "10:00" },
      { start: "09:15", end: "11:30" },
    );
    const input = query({ therapists: [therapist("ana", { weeklyHours })] });
    expect(startTimes(input)).toEqual(["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30"]);
    expect(findAvailableSlots(input).every((slot) => slot.therapistIds.join() === "ana")).toBe(true);
  });
});

describe("findAvailableSlots: bookings, buffers, breaks, overrides and time off", () => {
  it("does not let a booking ending at 10:00 block a slot starting at 10:00 (half-open intervals)", () => {
    const times = startTimes(query({ busy: [busy("08:00", "10:00"), busy("11:00", "11:30")] }));
    expect(times.slice(0, 3)).toEqual(["10:00", "11:30", "12:00"]);
    expect(times).not.toContain("09:30");
    expect(times).not.toContain("10:30");
  });

  it("keeps the new service's buffers inside working hours", () => {
    const service = {
      id: "tp-60",
      durationMin: 60,
      bufferBeforeMin: 15,
      bufferAfterMin: 15,
      needsRoom: false,
    };
    const therapists = [therapist("ana", { weeklyHours: everyDay({ start: "09:00", end: "12:00" }) })];
    // Window [start − 15, start + 75) must lie in 09:00-12:00, starts on the 09:00 + 15 k grid.
    expect(
      startTimes(query({ service, therapists, policy: { minNoticeMin: 0, horizonDays: 365, stepMin: 15 } })),
    ).toEqual(["09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45"]);
  });

  it("keeps the new service's buffers clear of existing bookings", () => {
    const service = {
      id: "tp-60",
      durationMin: 60,
      bufferBeforeMin: 10,
      bufferAfterMin: 10,
      needsRoom: false,
    };
    const times = startTimes(query({ service, busy: [busy("12:00", "13:00")] }));
    expect(times).toContain("10:30"); // window 10:20-11:40
    expect(times).not.toContain("11:00"); // window 10:50-12:10 hits the booking
    expect(times).not.toContain("13:00"); // window 12:50-14:10 hits the booking
    expect(times).toContain("13:30");
  });

  it("takes a stored busy interval as already buffered and never buffers it again", () => {
    const appointment = { start: on("10:00"), end: on("11:00") };
    const blocking = blockingInterval(appointment, { bufferBeforeMin: 10, bufferAfterMin: 10 });
    expect(blocking).toEqual({ start: on("09:50"), end: on("11:10") });
    const times = startTimes(query({ busy: [{ therapistId: "ana", roomId: null, ...blocking }] }));
    expect(times.slice(0, 2)).toEqual(["11:30", "12:00"]);
    expect(times).not.toContain("11:00");
  });

  it("skips weekly breaks", () => {
    const therapists = [therapist("ana", { breaks: everyDay({ start: "12:00", end: "13:00" }) })];
    const times = startTimes(query({ therapists }));
    expect(times).toContain("11:00");
    expect(times).not.toContain("11:30");
    expect(times).not.toContain("12:00");
    expect(times).not.toContain("12:30");
    expect(times).toContain("13:00");
  });

  it("closes a day with an empty date override", () => {
    const therapists = [therapist("ana", { dateOverrides: [{ date: MONDAY, intervals: [] }] })];
    expect(startTimes(query({ therapists }))).toEqual([]);
  });

  it("replaces that day's hours and breaks with a date override", () => {
    const therapists = [
      therapist("ana", {
        breaks: everyDay({ start: "10:00", end: "11:00" }),
        dateOverrides: [{ date: MONDAY, intervals: [{ start: "10:00", end: "12:00" }] }],
      }),
    ];
    expect(startTimes(query({ therapists }))).toEqual(["10:00", "10:30", "11:00"]);
  });

  it("applies an override only to its own date", () => {
    const therapists = [therapist("ana", { dateOverrides: [{ date: "2026-06-02", intervals: [] }] })];
    expect(startTimes(query({ therapists }))).toEqual(HALF_HOURS_9_TO_16);
  });

  it("skips time off", () => {
    const therapists = [
      therapist("ana", { timeOff: [{ start: on("13:00"), end: on("00:00", "2026-06-05") }] }),
    ];
    expect(startTimes(query({ therapists })).at(-1)).toBe("12:00");
  });

  it("ignores empty and other therapists' busy intervals", () => {
    expect(startTimes(query({ busy: [busy("10:00", "10:00"), busy("09:00", "17:00", "ben")] }))).toEqual(
      HALF_HOURS_9_TO_16,
    );
  });
});

describe("findAvailableSlots: therapists", () => {
  const ana = therapist("ana", { weeklyHours: everyDay({ start: "09:00", end: "13:00" }) });
  const ben = therapist("ben", { weeklyHours: everyDay({ start: "11:00", end: "15:00" }) });

  it("unites any therapist's slots and lists who can take each, in the given order", () => {
    const slots = findAvailableSlots(query({ therapists: [ben, ana] }));
    const byTime = new Map(
      slots.map((slot) => [new Date(slot.start).toISOString().slice(11, 16), slot.therapistIds]),
    );
    expect(byTime.get("09:00")).toEqual(["ana"]);
    expect(byTime.get("11:00")).toEqual(["ben", "ana"]);
    expect(byTime.get("12:00")).toEqual(["ben", "ana"]);
    expect(byTime.get("12:30")).toEqual(["ben"]);
    expect(byTime.get("14:00")).toEqual(["ben"]);
    expect(slots.map((slot) => slot.start)).toEqual(
      [...slots.map((slot) => slot.start)].sort((a, b) => a - b),
    );
  });

  it("narrows to one therapist when asked", () => {
    const slots = findAvailableSlots(query({ therapists: [ana, ben], therapistId: "ben" }));
    expect(slots.length).toBe(7);
    expect(slots.every((slot) => slot.therapistIds.length === 1 && slot.therapistIds[0] === "ben")).toBe(
      true,
    );
  });

  it("offers nothing for an unknown therapist", () => {
    expect(findAvailableSlots(query({ therapists: [ana, ben], therapistId: "zoe" }))).toEqual([]);
  });

  it("leaves out therapists who do not perform the service", () => {
    const slots = findAvailableSlots(query({ therapists: [{ ...ana, serviceIds: ["consultation"] }, ben] }));
    expect(slots.every((slot) => slot.therapistIds.join() === "ben")).toBe(true);
    expect(findAvailableSlots(query({ therapists: [{ ...ana, serviceIds: ["tp-60"] }] })).length).toBe(7);
  });
});

describe("findAvailableSlots: rooms", () => {
  const withRoom = { id: "tp-60", durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 15, needsRoom: true };
  const rooms = [{ id: "blue" }, { id: "green" }];

  it("lists the free rooms, in the given order", () => {
    const slots = findAvailableSlots(query({ service: withRoom, rooms }));
    expect(slots[0]?.roomIds).toEqual(["blue", "green"]);
  });

  it("needs a room free for the whole blocking window, buffers included", () => {
    const roomBusy = [busy("09:00", "17:00", null, "blue"), busy("10:00", "11:00", "ben", "green")];
    const slots = findAvailableSlots(query({ service: withRoom, rooms, busy: roomBusy }));
    const times = slots.map((slot) => new Date(slot.start).toISOString().slice(11, 16));
    expect(times).not.toContain("09:00"); // 09:00-10:15 with clean-up reaches green's booking
    expect(times).not.toContain("10:00");
    expect(times).not.toContain("10:30");
    expect(times).toContain("11:00");
    expect(slots.every((slot) => slot.roomIds.join() === "green")).toBe(true);
  });

  it("offers nothing when the service needs a room and the clinic has none", () => {
    expect(findAvailableSlots(query({ service: withRoom, rooms: [] }))).toEqual([]);
  });

  it("ignores rooms when the service needs none", () => {
    const slots = findAvailableSlots(query({ rooms, busy: [busy("09:00", "17:00", null, "blue")] }));
    expect(slots.length).toBe(15);
    expect(slots.every((slot) => slot.roomIds.length === 0)).toBe(true);
  });
});

describe("findAvailableSlots: notice, horizon and range", () => {
  it("starts no earlier than now plus the minimum notice", () => {
    const policy = { minNoticeMin: 60, horizonDays: 365, stepMin: 30 };
    expect(startTimes(query({ now: on("08:50"), policy }))[0]).toBe("10:00");
    expect(startTimes(query({ now: on("08:00"), policy }))[0]).toBe("09:00");
  });

  it("starts strictly before now plus the horizon", () => {
    const policy = { minNoticeMin: 0, horizonDays: 1, stepMin: 30 };
    expect(startTimes(query({ now: at("2026-05-31T10:00:00Z"), policy }))).toEqual(["09:00", "09:30"]);
    expect(
      startTimes(query({ now: at("2026-05-31T10:00:00Z"), policy: { ...policy, horizonDays: 0 } })),
    ).toEqual([]);
  });

  it("starts inside [from, to) even when the session ends after `to`", () => {
    expect(startTimes(query({ range: { from: on("10:15"), to: on("12:00") } }))).toEqual([
      "10:30",
      "11:00",
      "11:30",
    ]);
    expect(startTimes(query({ range: { from: on("12:00"), to: on("10:00") } }))).toEqual([]);
  });
});

describe("findAvailableSlots: time zones", () => {
  it("reads working hours in the clinic's zone", () => {
    const slots = findAvailableSlots(
      query({
        zone: "Asia/Kolkata",
        range: { from: at("2026-06-01T00:00:00Z"), to: at("2026-06-01T06:00:00Z") },
      }),
    );
    expect(slots[0]?.start).toBe(at("2026-06-01T03:30:00Z")); // 09:00 IST
  });

  it("starts a working interval that begins in a DST gap at the end of the gap", () => {
    // 2026-03-08 is a Sunday; New York springs forward 02:00 EST → 03:00 EDT (07:00Z).
    const slots = findAvailableSlots(
      query({
        zone: "America/New_York",
        therapists: [therapist("ana", { weeklyHours: { 0: [{ start: "02:00", end: "10:00" }] } })],
        range: { from: at("2026-03-08T00:00:00Z"), to: at("2026-03-09T00:00:00Z") },
        now: at("2026-03-01T00:00:00Z"),
        policy: { minNoticeMin: 0, horizonDays: 365, stepMin: 60 },
      }),
    );
    expect(slots.map((slot) => new Date(slot.start).toISOString())).toEqual([
      "2026-03-08T07:00:00.000Z", // 03:00 EDT
      "2026-03-08T08:00:00.000Z",
      "2026-03-08T09:00:00.000Z",
      "2026-03-08T10:00:00.000Z",
      "2026-03-08T11:00:00.000Z",
      "2026-03-08T12:00:00.000Z",
      "2026-03-08T13:00:00.000Z", // 09:00 EDT, ends 10:00 EDT
    ]);
  });

  it("steps in elapsed minutes across a gap and drops an interval that lies wholly inside it", () => {
    const service = { id: "tp-30", durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 0, needsRoom: false };
    const base = {
      zone: "America/New_York",
      service,
      range: { from: at("2026-03-08T00:00:00Z"), to: at("2026-03-09T00:00:00Z") },
      now: at("2026-03-01T00:00:00Z"),
    };
    const across = findAvailableSlots(
      query({
        ...base,
        therapists: [therapist("ana", { weeklyHours: { 0: [{ start: "01:30", end: "03:30" }] } })],
      }),
    );
    // 01:30 EST (06:30Z) + 30 min = 03:00 EDT (07:00Z); the interval ends 03:30 EDT (07:30Z).
    expect(across.map((slot) => new Date(slot.start).toISOString())).toEqual([
      "2026-03-08T06:30:00.000Z",
      "2026-03-08T07:00:00.000Z",
    ]);
    const inside = findAvailableSlots(
      query({
        ...base,
        therapists: [therapist("ana", { weeklyHours: { 0: [{ start: "02:00", end: "02:45" }] } })],
      }),
    );
    expect(inside).toEqual([]);
  });
});

describe("findAvailableSlots: input", () => {
  it("rejects malformed input with a RangeError", () => {
    const bad: Partial<SlotQuery>[] = [
      { zone: "Mars/Olympus_Mons" },
      { therapists: [therapist("ana", { weeklyHours: { 1: [{ start: "9:00", end: "17:00" }] } })] },
      { therapists: [therapist("ana", { weeklyHours: { 1: [{ start: "17:00", end: "09:00" }] } })] },
      { therapists: [therapist("ana", { weeklyHours: { 1: [{ start: "09:00", end: "09:00" }] } })] },
      { therapists: [therapist("ana", { dateOverrides: [{ date: "2026-02-30", intervals: [] }] })] },
      {
        therapists: [
          therapist("ana", {
            dateOverrides: [
              { date: MONDAY, intervals: [] },
              { date: MONDAY, intervals: [{ start: "10:00", end: "11:00" }] },
            ],
          }),
        ],
      },
      { policy: { minNoticeMin: 0, horizonDays: 365, stepMin: 0 } },
      { policy: { minNoticeMin: -5, horizonDays: 365, stepMin: 30 } },
      { service: { id: "x", durationMin: 0, bufferBeforeMin: 0, bufferAfterMin: 0, needsRoom: false } },
      { service: { id: "x", durationMin: 60, bufferBeforeMin: 2.5, bufferAfterMin: 0, needsRoom: false } },
      { now: Number.NaN },
      { range: { from: 0, to: Number.POSITIVE_INFINITY } },
      { busy: [{ therapistId: "ana", roomId: null, start: Number.NaN, end: 0 }] },
      // Too long a search: bounded so one call cannot run for minutes.
      {
        range: { from: 0, to: 800 * 86_400_000 },
        now: 0,
        policy: { minNoticeMin: 0, horizonDays: 1_000, stepMin: 30 },
      },
      // Still validated when nothing could be bookable anyway.
      {
        policy: { minNoticeMin: 0, horizonDays: 0, stepMin: 30 },
        therapists: [therapist("ana", { weeklyHours: { 1: [{ start: "9:00", end: "17:00" }] } })],
      },
    ];
    for (const overrides of bad) expect(() => findAvailableSlots(query(overrides))).toThrow(RangeError);
  });

  it("neither mutates its input nor depends on anything but it", () => {
    const input = benchmarkQuery();
    const frozen = deepFreeze(structuredClone(input));
    const first = findAvailableSlots(frozen);
    expect(findAvailableSlots(input)).toEqual(first);
    expect(frozen).toEqual(input);
  });
});

describe("findAvailableSlots: the performance-target workload", () => {
  const input = benchmarkQuery();
  const slots = findAvailableSlots(input);

  it("is the workload the target names: 20 therapists, 30 days across a DST change, ~300 bookings, 2 rooms", () => {
    expect(input.therapists.length).toBe(20);
    expect(input.range.to - input.range.from).toBe(30 * 86_400_000 - 3_600_000); // one 23-hour day
    expect(input.busy.length).toBe(300);
    expect(input.rooms.length).toBe(2);
    const doubleBookings = input.busy.flatMap((a, index) =>
      input.busy
        .slice(index + 1)
        .filter((b) => (a.therapistId === b.therapistId || a.roomId === b.roomId) && overlaps(a, b)),
    );
    expect(doubleBookings).toEqual([]);
  });

  it("offers slots on both sides of the DST change, each with a therapist and a free room", () => {
    const change = at("2026-03-08T09:00:00Z");
    expect(slots.some((slot) => slot.start < change)).toBe(true);
    expect(slots.some((slot) => slot.start > change)).toBe(true);
    for (const slot of slots) {
      expect(slot.therapistIds.length).toBeGreaterThan(0);
      expect(slot.roomIds.length).toBeGreaterThan(0);
      expect(slot.start).toBeGreaterThanOrEqual(input.now + 120 * 60_000);
      const window = { start: slot.start - 5 * 60_000, end: slot.end + 10 * 60_000 };
      for (const roomId of slot.roomIds) {
        expect(input.busy.some((booking) => booking.roomId === roomId && overlaps(booking, window))).toBe(
          false,
        );
      }
      for (const therapistId of slot.therapistIds) {
        expect(
          input.busy.some((booking) => booking.therapistId === therapistId && overlaps(booking, window)),
        ).toBe(false);
      }
    }
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
