/**
 * The database itself refuses double booking (migrations/0001_no_double_booking.sql): these tests
 * insert straight into `appointments`, with no app in between, on PGlite and (with
 * TEST_DATABASE_URL) on PostgreSQL, where concurrent inserts really run in parallel.
 */
import { and, eq, gte, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { postgresErrorCode, toApiError } from "../http/errors";
import { seedDemoClinic } from "../seed/demo";
import { seedOtherClinic } from "../testing/fixtures";
import { createTestDatabase } from "../testing/harness";
import type { Database } from "./connect";
import { appointments, clients, clinics, rooms, services, therapists } from "./schema";

const EXCLUSION_VIOLATION = "23P01";
const FOREIGN_KEY_VIOLATION = "23503";
const CHECK_VIOLATION = "23514";
/**
 * PostgreSQL may settle two concurrent inserts that each wait on the other's exclusion check by
 * aborting one as a deadlock: still a refusal, never a second holder.
 */
const DEADLOCK = "40P01";
const refusedConcurrently = (code: string) => code === EXCLUSION_VIOLATION || code === DEADLOCK;

/** Every test books inside this day, far from the demo seed's appointments around today. */
const DAY = Date.parse("2031-03-10T00:00:00Z");
const at = (minutes: number) => new Date(DAY + minutes * 60_000);

let database: Database;
let demo: { clinicId: string; therapists: string[]; rooms: string[]; serviceId: string; clientId: string };
let other: Awaited<ReturnType<typeof seedOtherClinic>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await seedDemoClinic(db);
  other = await seedOtherClinic(db);
  const [clinic] = await db.select().from(clinics).where(eq(clinics.slug, "demo"));
  if (!clinic) throw new Error("demo clinic missing");
  const therapistRows = await db.select().from(therapists).where(eq(therapists.clinicId, clinic.id));
  const roomRows = await db.select().from(rooms).where(eq(rooms.clinicId, clinic.id));
  const [service] = await db.select().from(services).where(eq(services.clinicId, clinic.id));
  const [client] = await db.select().from(clients).where(eq(clients.clinicId, clinic.id));
  if (!service || !client || therapistRows.length < 2 || roomRows.length < 2)
    throw new Error("demo seed incomplete");
  demo = {
    clinicId: clinic.id,
    therapists: therapistRows.map((t) => t.id),
    rooms: roomRows.map((r) => r.id),
    serviceId: service.id,
    clientId: client.id,
  };
});

afterEach(async () => {
  await database.db.delete(appointments).where(gte(appointments.startsAt, at(-24 * 60)));
});

afterAll(() => database.close());

type Status = (typeof appointments.$inferInsert)["status"];

interface Booking {
  therapist?: number;
  room?: number | null;
  /** Minutes after DAY. */
  start: number;
  end: number;
  blocksFrom?: number;
  blocksUntil?: number;
  status?: Status;
}

function row(b: Booking): typeof appointments.$inferInsert {
  const roomIndex = b.room === undefined ? 0 : b.room;
  return {
    clinicId: demo.clinicId,
    clientId: demo.clientId,
    therapistId: demo.therapists[b.therapist ?? 0] as string,
    roomId: roomIndex === null ? null : (demo.rooms[roomIndex] as string),
    serviceId: demo.serviceId,
    status: b.status ?? "confirmed",
    source: "staff",
    startsAt: at(b.start),
    endsAt: at(b.end),
    blocksFrom: at(b.blocksFrom ?? b.start),
    blocksUntil: at(b.blocksUntil ?? b.end),
  };
}

/** "ok" when the insert succeeded, otherwise the Postgres error code it failed with. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return postgresErrorCode(error) ?? `no postgres code: ${String(error)}`;
  }
}

const book = (b: Booking) => outcome(database.db.insert(appointments).values(row(b)));

/** Pairs of holding appointments that share a therapist or a room and whose blocked ranges overlap. */
async function overlappingHolders(): Promise<number> {
  const result = await database.db.execute<{ n: number | string }>(sql`
    SELECT count(*) AS n
    FROM appointments a
    JOIN appointments b
      ON a.clinic_id = b.clinic_id
     AND a.id < b.id
     AND (a.therapist_id = b.therapist_id OR a.room_id = b.room_id)
     AND tstzrange(a.blocks_from, a.blocks_until, '[)') && tstzrange(b.blocks_from, b.blocks_until, '[)')
    WHERE a.status IN ('requested', 'confirmed') AND b.status IN ('requested', 'confirmed')`);
  const rows = (result as unknown as { rows: { n: number | string }[] }).rows;
  return Number(rows[0]?.n);
}

async function countIn(status?: Status): Promise<number> {
  const rows = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(appointments)
    .where(
      and(gte(appointments.startsAt, at(-24 * 60)), status ? eq(appointments.status, status) : undefined),
    );
  return rows[0]?.n ?? 0;
}

describe("the no-double-booking constraints", () => {
  it("refuses a second confirmed appointment overlapping the first for the same therapist", async () => {
    expect(await book({ therapist: 0, room: 0, start: 600, end: 660 })).toBe("ok");
    expect(await book({ therapist: 0, room: 1, start: 630, end: 690 })).toBe(EXCLUSION_VIOLATION);
    expect(await countIn()).toBe(1);
  });

  it("treats a requested appointment as holding its slot, like a confirmed one", async () => {
    expect(await book({ therapist: 0, room: 0, start: 600, end: 660, status: "requested" })).toBe("ok");
    expect(await book({ therapist: 0, room: 1, start: 600, end: 660, status: "requested" })).toBe(
      EXCLUSION_VIOLATION,
    );
    expect(await book({ therapist: 0, room: 1, start: 650, end: 700, status: "confirmed" })).toBe(
      EXCLUSION_VIOLATION,
    );
  });

  it("refuses an appointment contained inside another for the same therapist", async () => {
    expect(await book({ therapist: 0, room: 0, start: 600, end: 720 })).toBe("ok");
    expect(await book({ therapist: 0, room: 1, start: 630, end: 660 })).toBe(EXCLUSION_VIOLATION);
  });

  it("refuses two therapists overlapping in the same room", async () => {
    expect(await book({ therapist: 0, room: 0, start: 600, end: 660 })).toBe("ok");
    expect(await book({ therapist: 1, room: 0, start: 645, end: 705 })).toBe(EXCLUSION_VIOLATION);
  });

  it("allows two therapists at the same time in different rooms", async () => {
    expect(await book({ therapist: 0, room: 0, start: 600, end: 660 })).toBe("ok");
    expect(await book({ therapist: 1, room: 1, start: 600, end: 660 })).toBe("ok");
    expect(await countIn()).toBe(2);
  });

  it("allows appointments without a room to overlap in no room", async () => {
    expect(await book({ therapist: 0, room: null, start: 600, end: 660 })).toBe("ok");
    expect(await book({ therapist: 1, room: null, start: 600, end: 660 })).toBe("ok");
  });

  it("accepts back-to-back appointments where one ends exactly when the next starts", async () => {
    expect(await book({ therapist: 0, room: 0, start: 600, end: 660 })).toBe("ok");
    expect(await book({ therapist: 0, room: 0, start: 660, end: 720 })).toBe("ok");
    expect(await book({ therapist: 0, room: 0, start: 540, end: 600 })).toBe("ok");
    expect(await countIn()).toBe(3);
  });

  it.each(["cancelled", "declined", "completed", "no_show"] as const)(
    "does not let a %s appointment block its therapist or room",
    async (status) => {
      expect(await book({ therapist: 0, room: 0, start: 600, end: 660, status })).toBe("ok");
      expect(await book({ therapist: 0, room: 0, start: 600, end: 660 })).toBe("ok");
      expect(await book({ therapist: 1, room: 0, start: 600, end: 660, status })).toBe("ok");
    },
  );

  it("refuses overlap that comes only from the buffers around the sessions", async () => {
    // Sessions 10:00-11:00 and 11:05-12:05 do not touch, but a 15-minute buffer after the first does.
    expect(await book({ therapist: 0, room: 0, start: 600, end: 660, blocksUntil: 675 })).toBe("ok");
    expect(await book({ therapist: 0, room: 1, start: 665, end: 725 })).toBe(EXCLUSION_VIOLATION);
    // A buffer before the next session reaching back into the first is refused too.
    expect(await book({ therapist: 0, room: 1, start: 680, end: 740, blocksFrom: 670 })).toBe(
      EXCLUSION_VIOLATION,
    );
    // Buffer ending exactly where the next block starts is fine.
    expect(await book({ therapist: 0, room: 1, start: 675, end: 735 })).toBe("ok");
  });

  it("refuses reinstating a cancelled appointment into a slot that has since been taken", async () => {
    expect(await book({ therapist: 0, room: 0, start: 600, end: 660, status: "cancelled" })).toBe("ok");
    expect(await book({ therapist: 0, room: 0, start: 600, end: 660 })).toBe("ok");
    const result = await outcome(
      database.db
        .update(appointments)
        .set({ status: "confirmed" })
        .where(and(eq(appointments.clinicId, demo.clinicId), eq(appointments.status, "cancelled"))),
    );
    expect(result).toBe(EXCLUSION_VIOLATION);
    expect(await countIn("cancelled")).toBe(1);
  });

  it("refuses blocked ranges that do not contain the session", async () => {
    expect(await book({ therapist: 0, start: 600, end: 660, blocksFrom: 610 })).toBe(CHECK_VIOLATION);
    expect(await book({ therapist: 0, start: 600, end: 660, blocksUntil: 650 })).toBe(CHECK_VIOLATION);
    expect(await book({ therapist: 0, start: 660, end: 600 })).toBe(CHECK_VIOLATION);
  });

  it("cannot reference another clinic's therapist, room, service or client at all", async () => {
    const base = row({ therapist: 0, room: 0, start: 600, end: 660 });
    for (const foreign of [
      { therapistId: other.therapist.id },
      { roomId: other.room.id },
      { serviceId: other.service.id },
      { clientId: other.client.id },
    ]) {
      expect(await outcome(database.db.insert(appointments).values({ ...base, ...foreign }))).toBe(
        FOREIGN_KEY_VIOLATION,
      );
    }
    expect(await countIn()).toBe(0);
  });

  it("does not let one clinic's bookings block another clinic's therapist", async () => {
    expect(await book({ therapist: 0, room: 0, start: 600, end: 660 })).toBe("ok");
    const otherBooking = outcome(
      database.db.insert(appointments).values({
        clinicId: other.clinic.id,
        clientId: other.client.id,
        therapistId: other.therapist.id,
        roomId: other.room.id,
        serviceId: other.service.id,
        status: "confirmed",
        source: "staff",
        startsAt: at(600),
        endsAt: at(660),
        blocksFrom: at(600),
        blocksUntil: at(660),
      }),
    );
    expect(await otherBooking).toBe("ok");
  });

  it("lets exactly one of 20 concurrent overlapping inserts for one therapist succeed", async () => {
    const attempts = Array.from({ length: 20 }, (_, i) =>
      book({
        therapist: 0,
        room: i % 2,
        start: 600 + i,
        end: 660 + i,
        status: i % 3 ? "confirmed" : "requested",
      }),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok").every(refusedConcurrently)).toBe(true);
    expect(await countIn()).toBe(1);
    expect(await overlappingHolders()).toBe(0);
  });

  it("lets exactly one of 20 concurrent inserts for one room by different therapists succeed", async () => {
    const attempts = Array.from({ length: 20 }, (_, i) =>
      book({ therapist: i % demo.therapists.length, room: 1, start: 600 - i, end: 630 + i }),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok").every(refusedConcurrently)).toBe(true);
    expect(await overlappingHolders()).toBe(0);
  });

  it("never keeps two overlapping bookings from a concurrent burst of partial overlaps", async () => {
    // 40 bookings of 45 minutes starting every 15 minutes: in each run of three, at most one fits.
    const attempts = Array.from({ length: 40 }, (_, i) =>
      book({ therapist: 0, room: 0, start: i * 15, end: i * 15 + 45 }),
    );
    const results = await Promise.all(attempts);
    const accepted = results.flatMap((r, i) => (r === "ok" ? [i] : []));
    expect(accepted.length).toBeGreaterThan(0);
    // Whatever order they land in: no two accepted overlap (start indices at least 3 apart), and
    // every refusal for overlap was caused by an accepted neighbour.
    for (let k = 1; k < accepted.length; k++) {
      expect((accepted[k] as number) - (accepted[k - 1] as number)).toBeGreaterThanOrEqual(3);
    }
    results.forEach((r, i) => {
      if (r === "ok" || r === DEADLOCK) return;
      expect(r).toBe(EXCLUSION_VIOLATION);
      expect(accepted.some((j) => Math.abs(i - j) < 3)).toBe(true);
    });
    expect(await countIn()).toBe(accepted.length);
    expect(await overlappingHolders()).toBe(0);
  });

  it("accepts a second booking exactly when its blocked range does not overlap the first (property)", async () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 180 }))
      .map(([start, length]) => ({ start, end: start + length }));
    await fc.assert(
      fc.asyncProperty(range, range, fc.boolean(), async (a, b, sameRoom) => {
        await database.db.delete(appointments).where(gte(appointments.startsAt, at(-24 * 60)));
        expect(await book({ therapist: 0, room: 0, ...a })).toBe("ok");
        const overlaps = a.start < b.end && b.start < a.end;
        const second = await book({ therapist: sameRoom ? 1 : 0, room: sameRoom ? 0 : 1, ...b });
        expect(second).toBe(overlaps ? EXCLUSION_VIOLATION : "ok");
      }),
      { numRuns: 60 },
    );
    expect(await overlappingHolders()).toBe(0);
  });

  it("leaves no overlapping holders anywhere, demo seed included", async () => {
    expect(await book({ therapist: 0, room: 0, start: 600, end: 660 })).toBe("ok");
    expect(await book({ therapist: 0, room: 0, start: 659, end: 700 })).toBe(EXCLUSION_VIOLATION);
    expect(await overlappingHolders()).toBe(0);
  });

  it("turns a refusal by the database into a 409 for the caller, never a 500", () => {
    const drizzleError = (code: string) =>
      Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("db said no"), { code }) });
    expect(toApiError(drizzleError(EXCLUSION_VIOLATION))).toEqual({
      status: 409,
      body: { code: "slot_taken", message: expect.any(String) },
    });
    expect(toApiError(drizzleError(DEADLOCK))).toEqual({
      status: 409,
      body: { code: "conflict_retry", message: expect.any(String) },
    });
  });
});
