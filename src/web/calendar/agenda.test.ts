import { describe, expect, it } from "vitest";
import type { Appointment } from "../../core/api/clinic";
import { agendaColumn, agendaItems, neighbours } from "./agenda";

const columns = [
  { key: "marcus", label: "Marcus Bell" },
  { key: "priya", label: "Priya Nair" },
  { key: "sam", label: "Sam Okafor" },
];

function appt(id: string, therapist: string, startsAt: string): Appointment {
  return {
    id,
    status: "confirmed",
    source: "phone",
    startsAt,
    endsAt: startsAt,
    firstVisit: false,
    client: { id: "c", name: "Rita Gomez" },
    therapist: { id: therapist, name: therapist, isYou: false },
    service: { id: "s", name: "Session", durationMin: 60 },
    room: null,
  };
}

describe("the phone agenda", () => {
  it("shows the asked-for column, else the first, so the third therapist is reachable", () => {
    expect(agendaColumn(columns, "sam")?.label).toBe("Sam Okafor");
    expect(agendaColumn(columns, "gone")?.key).toBe("marcus");
    expect(agendaColumn([], null)).toBeNull();
  });

  it("steps between columns, stopping at the ends", () => {
    expect(neighbours(columns, "marcus")).toEqual({ previous: null, next: columns[1] });
    expect(neighbours(columns, "sam")).toEqual({ previous: columns[1], next: null });
  });

  it("lists one column's appointments in the order of the day", () => {
    const list = [
      appt("late", "priya", "2026-12-03T22:00:00Z"),
      appt("other", "marcus", "2026-12-03T16:00:00Z"),
      appt("early", "priya", "2026-12-03T15:00:00Z"),
    ];
    expect(agendaItems(list, (a) => a.therapist.id === "priya").map((a) => a.id)).toEqual(["early", "late"]);
  });
});
