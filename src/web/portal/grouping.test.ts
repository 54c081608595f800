import { describe, expect, it } from "vitest";
import type { Appointment } from "../../core/api/clinic";
import { groupPortalAppointments } from "./grouping";

const NOW = Date.parse("2026-12-02T18:00:00Z");
const HOUR = 3_600_000;

function appointment(id: string, status: Appointment["status"], startsInHours: number): Appointment {
  const start = NOW + startsInHours * HOUR;
  return {
    id,
    status,
    source: "online",
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + HOUR).toISOString(),
    firstVisit: false,
    client: { id: "c", name: "Jordan Lee" },
    therapist: { id: "t", name: "Marcus Bell", isYou: false },
    service: { id: "s", name: "Session, 60 min", durationMin: 60 },
    room: null,
  };
}

const ids = (list: Appointment[]) => list.map((a) => a.id);

describe("groupPortalAppointments", () => {
  it("puts a cancelled or declined future visit in Cancelled, not in Past", () => {
    const groups = groupPortalAppointments(
      [
        appointment("cancelled-next-week", "cancelled", 24 * 7),
        appointment("declined-tomorrow", "declined", 24),
        appointment("confirmed-tomorrow", "confirmed", 24),
      ],
      NOW,
    );
    expect(ids(groups.cancelled)).toEqual(["declined-tomorrow", "cancelled-next-week"]);
    expect(ids(groups.past)).toEqual([]);
    expect(ids(groups.upcoming)).toEqual(["confirmed-tomorrow"]);
  });

  it("keeps what is over in Past, latest first, whatever its status", () => {
    const groups = groupPortalAppointments(
      [
        appointment("done-last-month", "completed", -24 * 30),
        appointment("cancelled-last-week", "cancelled", -24 * 7),
        appointment("missed-yesterday", "no_show", -24),
        appointment("request-that-lapsed", "requested", -48),
      ],
      NOW,
    );
    expect(ids(groups.past)).toEqual([
      "missed-yesterday",
      "request-that-lapsed",
      "cancelled-last-week",
      "done-last-month",
    ]);
    expect(groups.upcoming).toEqual([]);
    expect(groups.cancelled).toEqual([]);
  });

  it("counts a visit in progress as upcoming until it ends", () => {
    const groups = groupPortalAppointments([appointment("now", "confirmed", -0.5)], NOW);
    expect(ids(groups.upcoming)).toEqual(["now"]);
  });

  it("lists upcoming visits soonest first", () => {
    const groups = groupPortalAppointments(
      [appointment("later", "requested", 48), appointment("sooner", "confirmed", 2)],
      NOW,
    );
    expect(ids(groups.upcoming)).toEqual(["sooner", "later"]);
  });
});
