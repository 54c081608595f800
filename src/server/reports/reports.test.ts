/**
 * Every report against a small clinic whose figures are worked out by hand (in the comments), one
 * week in March 2026 in America/Boise (MST, UTC−7; DST starts on Sunday the 8th, a day without hours).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RawAppointment } from "../../core/reports/compute";
import { localToInstant } from "../../core/scheduling";
import type { Database } from "../db/connect";
import { createTestDatabase } from "../testing/harness";
import { REPORTS, type ReportScope } from "./queries";
import { emptyWorld, insertWorld } from "./test-world";

const TZ = "America/Boise";
const at = (date: string, time: string) => {
  const result = localToInstant(date, time, TZ);
  if (!result.ok) throw new Error("bad time");
  return result.instant;
};

const world = emptyWorld(TZ);
const [T1, T2, R1, C1, C2, C3, C4, C5] = Array.from({ length: 8 }, () => randomUUID()) as string[] as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const S = world.serviceIds[0] as string;
const weekdays = (intervals: { start: string; end: string }[]) =>
  Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, intervals]));
world.therapists.push(
  {
    id: T1,
    name: 'Ada, "the" therapist',
    hours: weekdays([{ start: "09:00", end: "17:00" }]),
    breaks: weekdays([{ start: "12:00", end: "13:00" }]),
    overrides: [{ date: "2026-03-04", intervals: [{ start: "10:00", end: "12:00" }] }],
    timeOff: [{ start: at("2026-03-05", "09:00"), end: at("2026-03-05", "13:00") }],
  },
  { id: T2, name: "Bo", hours: { 1: [{ start: "09:00", end: "13:00" }] } },
);
world.rooms.push({ id: R1, name: "Room one" });
world.clients.push(
  { id: C1, firstName: "Cy", lastName: "One" },
  { id: C2, firstName: "=cmd", lastName: 'Two, "Quoted"' },
  { id: C3, firstName: "Cal", lastName: "Three" },
  { id: C4, firstName: "Cara", lastName: "Four" },
  { id: C5, firstName: "Cole", lastName: "Five" },
);
const names: Record<string, string> = {};
for (const c of world.clients) names[c.id] = `${c.firstName} ${c.lastName}`;

function appt(
  partial: Partial<RawAppointment> & Pick<RawAppointment, "clientId" | "therapistId" | "status" | "source">,
  date: string,
  start: string,
  end: string,
): RawAppointment {
  const startsAt = at(date, start);
  return {
    id: randomUUID(),
    clientName: names[partial.clientId] as string,
    roomId: null,
    serviceId: S,
    startsAt,
    endsAt: at(date, end),
    createdAt: startsAt - 7 * 86_400_000,
    updatedAt: startsAt - 7 * 86_400_000,
    requestExpiresAt: null,
    confirmedAt: null,
    ...partial,
  };
}

world.appointments.push(
  // A0: C3's first visit, long before the range.
  appt(
    { clientId: C3, therapistId: T2, status: "completed", source: "staff" },
    "2026-01-10",
    "10:00",
    "11:00",
  ),
  // A1: a request, confirmed 30 minutes after it was made; C1's first visit.
  appt(
    {
      clientId: C1,
      therapistId: T1,
      roomId: R1,
      status: "completed",
      source: "online",
      createdAt: at("2026-02-25", "10:00"),
      requestExpiresAt: at("2026-02-27", "10:00"),
      confirmedAt: at("2026-02-25", "10:30"),
    },
    "2026-03-02",
    "09:00",
    "10:00",
  ),
  // A2: a no-show.
  appt(
    { clientId: C2, therapistId: T1, roomId: R1, status: "no_show", source: "phone" },
    "2026-03-03",
    "10:00",
    "11:00",
  ),
  // A3: cancelled 2 hours before (late: the window is 24 hours).
  appt(
    {
      clientId: C2,
      therapistId: T1,
      roomId: R1,
      status: "cancelled",
      source: "online",
      updatedAt: at("2026-03-04", "08:00"),
    },
    "2026-03-04",
    "10:00",
    "11:00",
  ),
  // A4: C3 returns, 90 minutes with T2.
  appt(
    { clientId: C3, therapistId: T2, roomId: R1, status: "completed", source: "staff" },
    "2026-03-02",
    "10:00",
    "11:30",
  ),
  // A5: C1 books again (a request confirmed after 90 minutes).
  appt(
    {
      clientId: C1,
      therapistId: T1,
      status: "confirmed",
      source: "online",
      createdAt: at("2026-03-01", "09:00"),
      confirmedAt: at("2026-03-01", "10:30"),
    },
    "2026-03-06",
    "14:00",
    "15:00",
  ),
  // A6: a declined request.
  appt(
    {
      clientId: C4,
      therapistId: T2,
      status: "declined",
      source: "online",
      requestExpiresAt: at("2026-03-01", "12:00"),
    },
    "2026-03-02",
    "11:30",
    "12:30",
  ),
  // A7: cancelled four days ahead (not late).
  appt(
    {
      clientId: C3,
      therapistId: T1,
      status: "cancelled",
      source: "staff",
      updatedAt: at("2026-03-01", "12:00"),
    },
    "2026-03-05",
    "14:00",
    "15:00",
  ),
  // A8: C1's next appointment, after "now" (keeps C1's plan active).
  appt(
    { clientId: C1, therapistId: T1, status: "confirmed", source: "online" },
    "2026-04-25",
    "09:00",
    "10:00",
  ),
  // A9: C4 books 3 hours after the waitlist offer.
  appt(
    {
      clientId: C4,
      therapistId: T2,
      status: "requested",
      source: "online",
      createdAt: at("2026-03-03", "12:00"),
    },
    "2026-03-20",
    "09:00",
    "10:00",
  ),
);

const session = (clientId: string, therapistId: string, date: string, pain: number, muscleIds: string[]) => ({
  id: randomUUID(),
  clientId,
  therapistId,
  createdAt: at(date, "09:30"),
  signed: true,
  painBefore: pain,
  muscleIds,
});
world.sessions.push(
  session(C1, T1, "2026-03-02", 7, ["upper-trapezius"]),
  session(C1, T1, "2026-03-06", 4, ["upper-trapezius"]),
  session(C3, T2, "2026-03-02", 5, ["levator-scapulae"]),
  session(C3, T2, "2026-03-04", 5, ["levator-scapulae", "upper-trapezius"]),
);
world.plans.push(
  // P1: C1, 3 planned, 2 done (03-02, 03-06), something booked → active.
  {
    id: randomUUID(),
    clientId: C1,
    createdAt: at("2026-03-02", "08:00"),
    plannedSessions: 3,
    maintenanceIntervalWeeks: null,
  },
  // P2: C3, 1 planned, done on 03-04 (the 03-02 session came before the plan) → maintenance.
  {
    id: randomUUID(),
    clientId: C3,
    createdAt: at("2026-03-03", "08:00"),
    plannedSessions: 1,
    maintenanceIntervalWeeks: 4,
  },
  // P3: C2, 4 planned, nothing since, nothing booked → dropped.
  {
    id: randomUUID(),
    clientId: C2,
    createdAt: at("2026-03-03", "08:00"),
    plannedSessions: 4,
    maintenanceIntervalWeeks: null,
  },
);
world.waitlist.push(
  {
    clientId: C4,
    serviceId: S,
    therapistId: T2,
    createdAt: at("2026-03-02", "10:00"),
    notifiedAt: at("2026-03-03", "09:00"),
    latest: at("2026-05-01", "00:00"),
  },
  {
    clientId: C2,
    serviceId: S,
    therapistId: null,
    createdAt: at("2026-03-04", "10:00"),
    notifiedAt: null,
    latest: at("2026-03-10", "00:00"),
  },
  {
    clientId: C5,
    serviceId: S,
    therapistId: null,
    createdAt: at("2026-02-01", "10:00"),
    notifiedAt: at("2026-03-05", "09:00"),
    latest: at("2026-04-01", "00:00"),
  },
);

const scope = (therapistId: string | null = null): ReportScope => ({
  clinicId: world.clinicId,
  from: "2026-03-02",
  to: "2026-03-08",
  timeZone: TZ,
  therapistId,
  now: Date.parse("2026-04-20T12:00:00Z"),
  cancellationWindowHours: 24,
});

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await insertWorld(database.db, world);
});
afterAll(async () => database.close());

describe("reports against a hand-computed week", () => {
  it("appointments: by status and source, requests and the median time to confirm", async () => {
    const report = await REPORTS.appointments(database.db, scope());
    expect(report.total).toBe(7);
    expect(report.byStatusSource).toEqual([
      { status: "cancelled", source: "online", count: 1 },
      { status: "cancelled", source: "staff", count: 1 },
      { status: "completed", source: "online", count: 1 },
      { status: "completed", source: "staff", count: 1 },
      { status: "confirmed", source: "online", count: 1 },
      { status: "declined", source: "online", count: 1 },
      { status: "no_show", source: "phone", count: 1 },
    ]);
    expect(report.weeks).toEqual([{ week: "2026-03-02", count: 7 }]);
    // Requests: A1 (30 min), A5 (90 min), A6 (declined) → median of 30 and 90.
    expect(report.requests).toEqual({ total: 3, confirmed: 2, medianMinutesToConfirm: 60 });
  });

  it("utilisation: working hours, breaks, an override and time off", async () => {
    const report = await REPORTS.utilisation(database.db, scope());
    // T1: Mon 420 + Tue 420 + Wed override 120 + Thu 420 − 180 time off + Fri 420 = 1620; booked A1, A2, A5.
    // T2: Monday 09–13 = 240; booked A4 (90). Room: T1 ∪ T2 = 480 + 420 + 120 + 240 + 420 = 1680; A1, A2, A4.
    expect(report.rows).toEqual([
      {
        kind: "therapist",
        id: T1,
        name: 'Ada, "the" therapist',
        week: "2026-03-02",
        bookedMin: 180,
        availableMin: 1620,
        share: 0.1111,
      },
      {
        kind: "therapist",
        id: T2,
        name: "Bo",
        week: "2026-03-02",
        bookedMin: 90,
        availableMin: 240,
        share: 0.375,
      },
      {
        kind: "room",
        id: R1,
        name: "Room one",
        week: "2026-03-02",
        bookedMin: 210,
        availableMin: 1680,
        share: 0.125,
      },
    ]);
    const own = await REPORTS.utilisation(database.db, scope(T2));
    expect(own.rows.map((r) => [r.kind, r.id])).toEqual([["therapist", T2]]);
  });

  it("no-shows and late cancellations", async () => {
    const report = await REPORTS["no-shows"](database.db, scope());
    // Due: A1, A2, A3, A4, A5, A7 = 6; A2 no-show; A3 late, A7 early.
    expect(report).toMatchObject({
      booked: 6,
      noShows: 1,
      lateCancellations: 1,
      noShowRate: 0.1667,
      lateCancellationRate: 0.1667,
    });
    expect(report.weeks).toEqual([{ week: "2026-03-02", booked: 6, noShows: 1, lateCancellations: 1 }]);
    expect(report.clients).toEqual([{ clientId: C2, name: names[C2], noShows: 1, lateCancellations: 1 }]);
  });

  it("new and returning clients, retention", async () => {
    const report = await REPORTS.clients(database.db, scope());
    // C1's first visit is A1 (new), C3's was in January (returning); C1 booked again (A5).
    expect(report).toMatchObject({ newClients: 1, returningClients: 1 });
    expect(report.weeks).toEqual([{ week: "2026-03-02", newClients: 1, returningClients: 1 }]);
    expect(report.retention).toEqual({ eligible: 1, rebooked: 1, share: 1 });
    const t2 = await REPORTS.clients(database.db, scope(T2));
    expect(t2).toMatchObject({ newClients: 0, returningClients: 1 });
  });

  it("plan completion", async () => {
    const report = await REPORTS.plans(database.db, scope());
    expect(report).toMatchObject({ plans: 3, plannedSessions: 8, doneSessions: 3, completionShare: 0.375 });
    expect(report.byStatus).toEqual([
      { status: "active", count: 1 },
      { status: "completed", count: 0 },
      { status: "maintenance", count: 1 },
      { status: "dropped", count: 1 },
    ]);
    const t2 = await REPORTS.plans(database.db, scope(T2));
    expect(t2).toMatchObject({ plans: 1, plannedSessions: 1, doneSessions: 1 });
  });

  it("outcomes: first to latest pain, hidden under five clients", async () => {
    const report = await REPORTS.outcomes(database.db, scope());
    // Upper trapezius: only C1 has two sessions (7 → 4); levator scapulae: C3 (5 → 5). Both hidden.
    // Neck region (both muscles): C1 −3 and C3 0 over two sessions each.
    expect(report.rows).toEqual([
      { kind: "muscle", id: "levator-scapulae", label: expect.any(String), clients: 1, averageChange: null },
      { kind: "muscle", id: "upper-trapezius", label: expect.any(String), clients: 1, averageChange: null },
      { kind: "region", id: "neck", label: "Neck", clients: 2, averageChange: null },
    ]);
  });

  it("waitlist: entries, offers and offers followed by a booking", async () => {
    const report = await REPORTS.waitlist(database.db, scope());
    expect(report).toMatchObject({ entriesCreated: 2, offersSent: 2, offersTakenEstimate: 1, openNow: 1 });
    expect(report.weeks).toEqual([{ week: "2026-03-02", entriesCreated: 2, offersSent: 2 }]);
    const t2 = await REPORTS.waitlist(database.db, scope(T2));
    expect(t2).toMatchObject({ entriesCreated: 1, offersSent: 1, offersTakenEstimate: 1, openNow: 1 });
  });
});
