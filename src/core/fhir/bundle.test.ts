import { describe, expect, it } from "vitest";
import { fhirBundle } from "./bundle";
import { bodySiteOfRegion } from "./codes";
import { derivedUuid } from "./ids";
import type { FhirRecord } from "./record";
import { unresolvedReferences } from "./references";

const NOW = new Date("2026-12-03T10:00:00Z");
const record = (overrides: Partial<FhirRecord> = {}): FhirRecord => ({
  clinic: { id: "00000000-0000-4000-8000-000000000001", name: "Clinic", timeZone: "America/Boise" },
  client: {
    id: "00000000-0000-4000-8000-000000000002",
    firstName: "Ada",
    lastName: "Lovelace",
    email: null,
    phone: null,
    dateOfBirth: null,
  },
  therapists: [],
  rooms: [],
  appointments: [],
  intakes: [],
  consentSignatures: [],
  clearances: [],
  sessions: [],
  plans: [],
  diary: [],
  ...overrides,
});

describe("derivedUuid", () => {
  it("is a stable RFC 4122-shaped UUID that differs for different inputs", () => {
    const a = derivedUuid("observation", "x");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedUuid("observation", "x")).toBe(a);
    expect(derivedUuid("observation", "y")).not.toBe(a);
    expect(derivedUuid("observationx", "")).not.toBe(derivedUuid("observation", "x"));
  });
});

describe("fhirBundle", () => {
  it("reads jsonb defensively: odd diary and plan shapes give no resource rather than a bad one", () => {
    const bundle = fhirBundle(
      record({
        diary: [
          { id: "d1", recordedAt: NOW.toISOString(), regions: "not a list" },
          {
            id: "d2",
            recordedAt: NOW.toISOString(),
            regions: [{ id: "temple-left", intensity: 11 }, { id: 5 }],
          },
          { id: "d3", recordedAt: NOW.toISOString(), regions: [{ id: "temple-left", intensity: 4 }] },
        ],
        plans: [
          {
            id: "00000000-0000-4000-8000-000000000009",
            plannedSessions: 4,
            maintenanceIntervalWeeks: null,
            details: null,
            createdAt: NOW.toISOString(),
          },
        ],
      }),
      NOW,
    );
    const observations = bundle.entry.filter((e) => e.resource.resourceType === "Observation");
    expect(observations).toHaveLength(1);
    expect(observations[0]?.resource).toMatchObject({
      valueInteger: 4,
      effectiveDateTime: NOW.toISOString(),
    });
    expect(bundle.entry.filter((e) => e.resource.resourceType === "CarePlan")).toHaveLength(1);
    expect(unresolvedReferences(bundle)).toEqual([]);
  });

  it("lists only the therapists and rooms the record refers to", () => {
    const bundle = fhirBundle(
      record({
        therapists: [
          { id: "00000000-0000-4000-8000-00000000000a", displayName: "Used" },
          { id: "00000000-0000-4000-8000-00000000000b", displayName: "Unused" },
        ],
        rooms: [{ id: "00000000-0000-4000-8000-00000000000c", name: "Room" }],
        appointments: [
          {
            id: "00000000-0000-4000-8000-00000000000d",
            status: "no_show",
            startsAt: NOW.toISOString(),
            endsAt: NOW.toISOString(),
            therapistId: "00000000-0000-4000-8000-00000000000a",
            roomId: "00000000-0000-4000-8000-00000000000c",
            serviceName: "Session",
          },
        ],
      }),
      NOW,
    );
    const names = bundle.entry.map(
      (e) => `${e.resource.resourceType}:${e.resource.name ?? e.resource.status ?? ""}`,
    );
    expect(names).toContain("Location:Room");
    expect(bundle.entry.filter((e) => e.resource.resourceType === "Practitioner")).toHaveLength(1);
    expect(bundle.entry.find((e) => e.resource.resourceType === "Appointment")?.resource.status).toBe(
      "noshow",
    );
    expect(unresolvedReferences(bundle)).toEqual([]);
  });
});

describe("bodySiteOfRegion", () => {
  it("always carries the Knotwork region id, and SNOMED CT only where one is listed", () => {
    expect(bodySiteOfRegion("knee-anterior-left").coding).toEqual([
      expect.objectContaining({ code: "knee-anterior-left" }),
      expect.objectContaining({ system: "http://snomed.info/sct", code: "72696002" }),
    ]);
    expect(bodySiteOfRegion("temple-left").coding).toHaveLength(1);
  });
});
