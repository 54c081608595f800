import { describe, expect, it } from "vitest";
import type { Appointment } from "../../core/api/clinic";
import { calendarColumns } from "./columns";

const appt = (
  therapist: { id: string; name: string },
  room: { id: string; name: string } | null,
): Appointment => ({
  id: `${therapist.id}-${room?.id ?? "none"}`,
  status: "confirmed",
  source: "phone",
  startsAt: "2026-12-03T17:00:00Z",
  endsAt: "2026-12-03T18:00:00Z",
  firstVisit: false,
  client: { id: "c", name: "Rita Gomez" },
  therapist: { ...therapist, isYou: false },
  service: { id: "s", name: "Session", durationMin: 60 },
  room,
});

const base = {
  dates: ["2026-12-03"],
  therapists: [{ id: "marcus", displayName: "Marcus Bell" }],
  rooms: [{ id: "cedar", name: "Cedar room" }],
};

describe("calendar columns", () => {
  it("keeps a therapist no longer active as a column while they have appointments", () => {
    const gone = { id: "lee", name: "Lee Former" };
    const { columns, columnOf } = calendarColumns({
      ...base,
      view: "day",
      by: "therapist",
      appointments: [appt(gone, null)],
    });
    expect(columns.map((c) => c.label)).toEqual(["Marcus Bell", "Lee Former"]);
    expect(columnOf(appt(gone, null), "2026-12-03")).toBe("lee");
  });

  it("adds 'No room' only when something is booked without one", () => {
    const marcus = { id: "marcus", name: "Marcus Bell" };
    expect(
      calendarColumns({
        ...base,
        view: "day",
        by: "room",
        appointments: [appt(marcus, base.rooms[0] ?? null)],
      }).columns,
    ).toHaveLength(1);
    const { columns } = calendarColumns({
      ...base,
      view: "day",
      by: "room",
      appointments: [appt(marcus, null)],
    });
    expect(columns.map((c) => c.key)).toEqual(["cedar", "none"]);
  });

  it("has a column per day in a week", () => {
    const { columns } = calendarColumns({
      ...base,
      dates: ["2026-11-30", "2026-12-01"],
      view: "week",
      by: "therapist",
      appointments: [],
    });
    expect(columns.map((c) => c.key)).toEqual(["2026-11-30", "2026-12-01"]);
  });
});
