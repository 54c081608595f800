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
  homeCare: null,
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
  it("reads jsonb defensively: odd diary and home-care shapes give no resource rather than a bad one", () => {
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
        homeCare: {
          id: "00000000-0000-4000-8000-000000000009",
          items: [null, "loose text", { kind: "posture" }],
          shared: false,
          createdAt: NOW.toISOString(),
          updatedAt: NOW.toISOString(),
        },
      }),
      NOW,
    );
    const observations = bundle.entry.filter((e) => e.resource.resourceType === "Observation");
    expect(observations).toHaveLength(1);
    expect(observations[0]?.resource).toMatchObject({
      valueInteger: 4,
      effectiveDateTime: NOW.toISOString(),
    });
    const carePlans = bundle.entry.filter((e) => e.resource.resourceType === "CarePlan");
    expect(carePlans.map((e) => e.resource.status)).toEqual(["draft"]);
    expect(carePlans[0]?.resource.activity).toBeUndefined();
    expect(unresolvedReferences(bundle)).toEqual([]);
  });

  it("maps a treatment plan's status, goals and therapist, and each home-care item to an activity", () => {
    const therapist = "00000000-0000-4000-8000-00000000000a";
    const plan = {
      id: "00000000-0000-4000-8000-000000000010",
      status: "cancelled",
      plannedSessions: 4,
      sessionIntervalDays: 7,
      maintenanceIntervalWeeks: 4,
      goals: "Sleep through the night",
      therapistId: therapist,
      startsOn: "2026-11-02",
      createdAt: NOW.toISOString(),
    };
    const bundle = fhirBundle(
      record({
        therapists: [{ id: therapist, displayName: "Marcus Bell" }],
        plans: [plan, { ...plan, id: "00000000-0000-4000-8000-000000000011", status: "maintenance" }],
        homeCare: {
          id: "00000000-0000-4000-8000-000000000012",
          items: [
            {
              kind: "self-treatment",
              muscleId: "upper-trapezius",
              title: "Upper trapezius",
              how: "Ball",
              frequency: "Daily",
            },
            { kind: "hydration", muscleId: null, title: "Drink water", how: "", frequency: "" },
          ],
          shared: true,
          createdAt: NOW.toISOString(),
          updatedAt: NOW.toISOString(),
        },
      }),
      NOW,
    );
    const carePlans = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === "CarePlan");
    expect(carePlans.map((r) => r.status)).toEqual(["revoked", "active", "active"]);
    expect(carePlans[0]).toMatchObject({
      description: expect.stringContaining("Goals: Sleep through the night"),
      author: { reference: `urn:uuid:${therapist}` },
      period: { start: "2026-11-02" },
    });
    expect(carePlans[2]?.activity).toEqual([
      {
        detail: expect.objectContaining({
          description: "Upper trapezius — Ball — Daily",
          reasonCode: [
            expect.objectContaining({ coding: [expect.objectContaining({ code: "upper-trapezius" })] }),
          ],
        }),
      },
      { detail: expect.objectContaining({ description: "Drink water", status: "in-progress" }) },
    ]);
    // The plan's therapist is in the Bundle, so the author reference resolves.
    expect(unresolvedReferences(bundle)).toEqual([]);
  });

  it("flags a hold until it is cleared, and every caution and red flag of the latest intake", () => {
    const intake = (id: string, version: number, screening: unknown) => ({
      id,
      version,
      answers: {},
      screening,
      submittedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const screening = {
      holds: [{ id: "recent-surgery", label: "Recent surgery" }],
      cautions: [{ id: "blood-thinners", label: "Blood thinners" }],
      redFlags: [],
    };
    const flagsOf = (overrides: Partial<FhirRecord>) =>
      fhirBundle(record(overrides), NOW)
        .entry.map((e) => e.resource)
        .filter((r) => r.resourceType === "Flag")
        .map((r) => (r.code as { text: string }).text);
    const intakes = [
      intake("00000000-0000-4000-8000-000000000020", 1, { holds: [{ id: "old", label: "Old" }] }),
      intake("00000000-0000-4000-8000-000000000021", 2, screening),
    ];
    expect(flagsOf({ intakes })).toEqual(["Hold until cleared: Recent surgery", "Caution: Blood thinners"]);
    expect(
      flagsOf({ intakes, clearances: [{ findingId: "recent-surgery", clearedOn: "2026-12-01" }] }),
    ).toEqual(["Caution: Blood thinners"]);
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

describe("Procedure", () => {
  it("carries the muscle, the region it lies in, the hold time and the release", () => {
    const therapist = "00000000-0000-4000-8000-00000000000a";
    const bundle = fhirBundle(
      record({
        therapists: [{ id: therapist, displayName: "Marcus Bell" }],
        sessions: [
          {
            id: "00000000-0000-4000-8000-000000000030",
            appointmentId: null,
            therapistId: therapist,
            painBefore: null,
            painAfter: null,
            signedAt: null,
            createdAt: NOW.toISOString(),
            triggerPoints: [
              {
                id: "00000000-0000-4000-8000-000000000031",
                muscleId: "upper-trapezius",
                side: "right",
                holdSeconds: 40,
                release: "partial",
                regionId: "knee-anterior-left",
              },
            ],
          },
        ],
      }),
      NOW,
    );
    const procedure = bundle.entry.find((e) => e.resource.resourceType === "Procedure")?.resource;
    expect(procedure?.bodySite).toEqual([
      expect.objectContaining({ coding: [expect.objectContaining({ code: "upper-trapezius" })] }),
      bodySiteOfRegion("knee-anterior-left"),
    ]);
    expect(procedure).toMatchObject({
      outcome: { coding: [{ code: "partial" }] },
      extension: [{ valueDuration: { value: 40, code: "s" } }],
    });
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
