/** The snapshot row decoders accept the statement's shapes and refuse anything else by name. */
import { describe, expect, it } from "vitest";
import { decodeSnapshotRow, SnapshotShapeError } from "./snapshot-rows";

const good = {
  clinic: {
    id: "c1",
    slug: "demo",
    name: "Demo",
    timeZone: "America/Boise",
    address: null,
    email: "desk@example.com",
    phone: null,
    policies: { minNoticeMin: 60, requireStaffTwoFactor: false, unknownText: "ignored" },
  },
  service: {
    id: "s1",
    name: "Session",
    kind: "session",
    durationMin: 60,
    bufferBeforeMin: 0,
    bufferAfterMin: 15,
    needsRoom: true,
    bookableOnline: true,
    bookingMode: "request",
    active: true,
  },
  client: null,
  therapists: [["t1", "Marcus Bell", null]],
  hours: [["t1", 1, "09:00:00", "17:00:00", false]],
  overrides: [["t1", "2026-12-24", [{ start: "09:00", end: "12:00" }]]],
  timeOff: [["t1", "2026-12-25T00:00:00+00:00", "2026-12-26T00:00:00+00:00"]],
  rooms: [["r1", "Cedar room"]],
  busy: [["t1", null, [[Date.parse("2026-12-23T10:00:00Z"), Date.parse("2026-12-23T11:00:00Z")]]]],
};

describe("decodeSnapshotRow", () => {
  it("decodes the statement's shapes, keeping only typed policies", () => {
    const row = decodeSnapshotRow(good);
    expect(row.clinic?.policies).toEqual({ minNoticeMin: 60, requireStaffTwoFactor: false });
    expect(row.service?.bookingMode).toBe("request");
    expect(row.therapists).toEqual([["t1", "Marcus Bell", null]]);
    expect(row.overrides[0]?.[2]).toEqual([{ start: "09:00", end: "12:00" }]);
    expect(row.busy[0]?.[1]).toBeNull();
    expect(row.busy[0]?.[2]).toEqual([
      [Date.parse("2026-12-23T10:00:00Z"), Date.parse("2026-12-23T11:00:00Z")],
    ]);
  });

  it("reads an unknown clinic (no rows in the CTEs) as nulls and empty lists", () => {
    const row = decodeSnapshotRow({ ...good, clinic: null, service: null, therapists: [], hours: [] });
    expect(row).toMatchObject({ clinic: null, service: null, client: null, therapists: [], hours: [] });
  });

  it.each([
    ["a service kind outside the enum", { service: { ...good.service, kind: "massage" } }, "service.kind"],
    [
      "a booking mode outside the enum",
      { service: { ...good.service, bookingMode: "maybe" } },
      "service.bookingMode",
    ],
    ["a duration as text", { service: { ...good.service, durationMin: "60" } }, "service.durationMin"],
    ["a weekday out of range", { hours: [["t1", 7, "09:00:00", "17:00:00", false]] }, "hours[0][1]"],
    ["a therapist tuple of the wrong length", { therapists: [["t1", "Marcus"]] }, "therapists[0]"],
    [
      "an interval without an end",
      { overrides: [["t1", "2026-12-24", [{ start: "09:00" }]]] },
      "overrides[0][2][0].end",
    ],
    ["a list that is not a list", { rooms: { r1: "Cedar" } }, "rooms"],
    [
      "a busy instant as text",
      {
        busy: [
          [
            "t1",
            null,
            [
              [0, 3_600_000],
              ["2026-12-23T10:00:00Z", 3_600_000],
            ],
          ],
        ],
      },
      "busy[0][2][1]",
    ],
    ["a busy interval without its end", { busy: [["t1", null, [[0]]]] }, "busy[0][2][0]"],
    ["a clinic name that is null", { clinic: { ...good.clinic, name: null } }, "clinic.name"],
  ])("refuses %s, naming where", (_what, change, path) => {
    expect(() => decodeSnapshotRow({ ...good, ...change })).toThrow(SnapshotShapeError);
    expect(() => decodeSnapshotRow({ ...good, ...change })).toThrow(`snapshot ${path}:`);
  });
});
