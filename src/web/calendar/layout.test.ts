import { describe, expect, it } from "vitest";
import type { Appointment } from "../../core/api/clinic";
import { initials } from "../ui/initials";
import { layoutBlocks, visibleHours } from "./layout";

const ZONE = "America/Boise";

function appt(id: string, startsAt: string, endsAt: string, therapist = "t1"): Appointment {
  return {
    id,
    status: "confirmed",
    source: "phone",
    startsAt,
    endsAt,
    firstVisit: false,
    client: { id: "c", name: "Rita Gomez" },
    therapist: { id: therapist, name: "Marcus Bell", isYou: false },
    service: { id: "s", name: "Session", durationMin: 60 },
    room: null,
  };
}

describe("calendar layout", () => {
  it("places a block by wall-clock minutes in the clinic's zone", () => {
    // 16:00Z on 2026-11-23 is 09:00 MST in Boise.
    const [block] = layoutBlocks(
      [appt("a", "2026-11-23T16:00:00Z", "2026-11-23T17:00:00Z")],
      ZONE,
      ["2026-11-23"],
      (a) => a.therapist.id,
    );
    expect(block).toMatchObject({ column: "t1", top: 9 * 60, height: 60, lane: 0, lanes: 1 });
  });

  it("leaves out appointments on other local days (an evening UTC start is the day before in Boise)", () => {
    const blocks = layoutBlocks(
      [appt("a", "2026-11-24T02:00:00Z", "2026-11-24T03:00:00Z")],
      ZONE,
      ["2026-11-24"],
      (a) => a.therapist.id,
    );
    expect(blocks).toEqual([]);
  });

  it("splits overlapping blocks of one column into lanes and leaves others whole", () => {
    const blocks = layoutBlocks(
      [
        appt("a", "2026-11-23T16:00:00Z", "2026-11-23T17:00:00Z"),
        appt("b", "2026-11-23T16:30:00Z", "2026-11-23T17:30:00Z"),
        appt("c", "2026-11-23T18:00:00Z", "2026-11-23T19:00:00Z"),
        appt("d", "2026-11-23T16:00:00Z", "2026-11-23T17:00:00Z", "t2"),
      ],
      ZONE,
      ["2026-11-23"],
      (a) => a.therapist.id,
    );
    const byId = Object.fromEntries(blocks.map((b) => [b.appointment.id, b]));
    expect(byId.a).toMatchObject({ lane: 0, lanes: 2 });
    expect(byId.b).toMatchObject({ lane: 1, lanes: 2 });
    expect(byId.c).toMatchObject({ lane: 0, lanes: 1 });
    expect(byId.d).toMatchObject({ lane: 0, lanes: 1 });
  });

  it("keeps wall-clock positions on the day clocks fall back (25-hour day)", () => {
    // 2026-11-01: Boise falls back at 02:00 MDT. 10:00 MST is 17:00Z.
    const [block] = layoutBlocks(
      [appt("a", "2026-11-01T17:00:00Z", "2026-11-01T18:30:00Z")],
      ZONE,
      ["2026-11-01"],
      (a) => a.therapist.id,
    );
    expect(block).toMatchObject({ top: 10 * 60, height: 90 });
  });

  it("widens the visible hours to fit early and late blocks", () => {
    const blocks = layoutBlocks(
      [
        appt("a", "2026-11-23T14:00:00Z", "2026-11-23T15:00:00Z"),
        appt("b", "2026-11-24T02:00:00Z", "2026-11-24T03:00:00Z"),
      ],
      ZONE,
      ["2026-11-23"],
      () => "x",
    );
    expect(visibleHours(blocks)).toEqual({ start: 7, end: 20 });
  });

  it("widens the visible hours to fit a late evening's working hours", () => {
    expect(visibleHours([], [{ start: 14 * 60, end: 21 * 60 + 30 }])).toEqual({ start: 8, end: 22 });
    expect(visibleHours([], [{ start: 6 * 60 + 30, end: 12 * 60 }])).toEqual({ start: 6, end: 18 });
  });

  it("abbreviates names in a narrow block, keeping an emoji whole", () => {
    expect(initials("Marcus Bell")).toBe("MB");
    expect(initials("  Priya  Nair ")).toBe("PN");
    expect(initials("🧘‍♀️ Sam Okafor")).toBe("🧘‍♀️O");
  });
});
