import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  availabilityQuerySchema,
  availabilityRange,
  availabilityResponseSchema,
  MAX_AVAILABILITY_DAYS,
  toAvailabilityResponse,
} from "./contract";
import { findAvailableSlots } from "./slots";
import type { SlotQuery } from "./types";

const valid = { serviceId: "tp-60", from: "2026-03-01", to: "2026-03-31" };

function issuesOf(input: unknown): string[] {
  const result = availabilityQuerySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

describe("availabilityQuerySchema", () => {
  it("accepts a service and a date range, with an optional therapist and client zone", () => {
    expect(availabilityQuerySchema.parse(valid)).toEqual(valid);
    const full = { ...valid, therapistId: "ana", zone: "Europe/London" };
    expect(availabilityQuerySchema.parse(full)).toEqual(full);
  });

  it(`accepts at most ${MAX_AVAILABILITY_DAYS} days, counted inclusively`, () => {
    expect(issuesOf({ ...valid, to: "2026-03-31" })).toEqual([]);
    expect(issuesOf({ ...valid, to: "2026-04-01" })).toEqual(["to"]);
    expect(issuesOf({ ...valid, to: "2026-03-01" })).toEqual([]);
  });

  it("rejects a range that ends before it starts", () => {
    expect(issuesOf({ ...valid, to: "2026-02-28" })).toEqual(["to"]);
  });

  it("rejects malformed and impossible dates, naming the field", () => {
    expect(issuesOf({ ...valid, from: "2026-02-30" })).toEqual(["from"]);
    expect(issuesOf({ ...valid, from: "2026/03/01" })).toEqual(["from"]);
    expect(issuesOf({ ...valid, to: "2026-03-01T00:00:00Z" })).toEqual(["to"]);
    expect(issuesOf({ ...valid, from: 20260301 })).toEqual(["from"]);
  });

  it("rejects an unknown or oversized client zone", () => {
    expect(issuesOf({ ...valid, zone: "Mars/Olympus_Mons" })).toEqual(["zone"]);
    expect(issuesOf({ ...valid, zone: "Europe/".repeat(50) })).toEqual(["zone"]);
    expect(issuesOf({ ...valid, zone: "" })).toEqual(["zone"]);
  });

  it("rejects missing or empty ids", () => {
    expect(issuesOf({ from: valid.from, to: valid.to })).toEqual(["serviceId"]);
    expect(issuesOf({ ...valid, serviceId: "" })).toEqual(["serviceId"]);
    expect(issuesOf({ ...valid, therapistId: "" })).toEqual(["therapistId"]);
  });

  it("drops unknown keys, including __proto__", () => {
    const parsed = availabilityQuerySchema.parse(
      JSON.parse(
        `{"serviceId":"tp-60","from":"2026-03-01","to":"2026-03-02","__proto__":{"admin":true},"extra":1}`,
      ),
    );
    expect(Object.keys(parsed).sort()).toEqual(["from", "serviceId", "to"]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe("the availability schemas", () => {
  it("convert to JSON Schema for the OpenAPI document", () => {
    const query = z.toJSONSchema(availabilityQuerySchema);
    expect(query.required).toEqual(["serviceId", "from", "to"]);
    expect(query.properties?.from).toMatchObject({ type: "string", format: "date" });
    const response = z.toJSONSchema(availabilityResponseSchema);
    expect(response.required).toEqual(["zone", "slots"]);
  });
});

describe("availabilityRange", () => {
  it("reads the dates in the clinic's zone when the client gives none", () => {
    const range = availabilityRange(
      availabilityQuerySchema.parse({ ...valid, to: "2026-03-01" }),
      "America/Boise",
    );
    expect(range).toEqual({
      from: Date.parse("2026-03-01T07:00:00Z"),
      to: Date.parse("2026-03-02T07:00:00Z"),
    });
  });

  it("reads the dates in the client's zone when given", () => {
    const query = availabilityQuerySchema.parse({ ...valid, to: "2026-03-01", zone: "Asia/Kolkata" });
    expect(availabilityRange(query, "America/Boise")).toEqual({
      from: Date.parse("2026-02-28T18:30:00Z"),
      to: Date.parse("2026-03-01T18:30:00Z"),
    });
  });

  it("gives a spring-forward day its 23 hours", () => {
    const query = availabilityQuerySchema.parse({ serviceId: "tp-60", from: "2026-03-08", to: "2026-03-08" });
    const range = availabilityRange(query, "America/New_York");
    expect(range.to - range.from).toBe(23 * 3_600_000);
  });
});

describe("toAvailabilityResponse", () => {
  it("answers ISO instants, therapists and a display string in the client's zone, without rooms", () => {
    const clinicZone = "America/Boise";
    const query = availabilityQuerySchema.parse({ ...valid, to: "2026-03-02", zone: "Europe/London" });
    const engineQuery: SlotQuery = {
      zone: clinicZone,
      service: { id: "tp-60", durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 10, needsRoom: true },
      therapists: [{ id: "ana", weeklyHours: { 1: [{ start: "09:00", end: "12:00" }] } }],
      rooms: [{ id: "blue" }],
      busy: [],
      range: availabilityRange(query, clinicZone),
      now: Date.parse("2026-02-01T00:00:00Z"),
      policy: { minNoticeMin: 0, horizonDays: 90, stepMin: 60 },
    };
    const response = toAvailabilityResponse(
      findAvailableSlots(engineQuery),
      query.zone ?? clinicZone,
      "en-GB",
    );
    expect(availabilityResponseSchema.parse(response)).toEqual(response);
    // Monday 2026-03-02, 09:00 and 10:00 in Boise (MST, UTC−7) = 16:00 and 17:00 in London.
    expect(response).toEqual({
      zone: "Europe/London",
      slots: [
        {
          start: "2026-03-02T16:00:00.000Z",
          end: "2026-03-02T17:00:00.000Z",
          therapistIds: ["ana"],
          local: expect.stringContaining("16:00"),
        },
        {
          start: "2026-03-02T17:00:00.000Z",
          end: "2026-03-02T18:00:00.000Z",
          therapistIds: ["ana"],
          local: expect.stringContaining("17:00"),
        },
      ],
    });
    expect(JSON.stringify(response)).not.toContain("blue");
  });
});
