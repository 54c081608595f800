/**
 * Rooms as the owner manages them: names unique per clinic whatever their case (the database's
 * `rooms_clinic_name_key` index is the authority; the look-up here only explains the refusal), and
 * what is still booked in a room before it is archived.
 */
import { and, asc, count, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { ROOM_UPCOMING_LIMIT, type RoomUpcomingSchema } from "../../core/api/scheduling";
import { selectAppointmentsWithParties } from "../appointments/queries";
import type { Db } from "../db/connect";
import { appointments, clients, rooms, services, therapists } from "../db/schema";
import { type AppError, conflict, postgresErrorCode } from "../http/errors";

/** Appointments that still hold their room. */
const HOLDING = ["requested", "confirmed"] as const;

/** The clinic's room called `name` (any case, active or archived), other than `exceptId`. */
async function roomNamed(db: Db, clinicId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: rooms.id, name: rooms.name, active: rooms.active })
    .from(rooms)
    .where(
      and(
        eq(rooms.clinicId, clinicId),
        sql`lower(${rooms.name}) = lower(${name})`,
        exceptId ? ne(rooms.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

function nameTaken(name: string, archived: boolean): AppError {
  return conflict(
    "room_name_taken",
    archived
      ? `An archived room is already called "${name}". Restore it, or choose another name.`
      : `There is already a room called "${name}". Choose another name.`,
    "name",
  );
}

/**
 * Runs a write that sets a room's name, refusing a name the clinic already uses: checked first for
 * a helpful message, and again by the unique index when two owners race.
 */
export async function withUniqueRoomName<T>(
  db: Db,
  clinicId: string,
  name: string | undefined,
  exceptId: string | undefined,
  write: () => Promise<T>,
): Promise<T> {
  if (name !== undefined) {
    const existing = await roomNamed(db, clinicId, name, exceptId);
    if (existing) throw nameTaken(name, !existing.active);
  }
  try {
    return await write();
  } catch (error) {
    if (name !== undefined && postgresErrorCode(error) === "23505") throw nameTaken(name, false);
    throw error;
  }
}

export type RoomUpcoming = z.infer<typeof RoomUpcomingSchema>;

/** Requested and confirmed appointments in a room that have not ended yet, soonest first. */
export async function upcomingInRoom(db: Db, clinicId: string, roomId: string, now = new Date()) {
  const where = and(
    eq(appointments.clinicId, clinicId),
    eq(appointments.roomId, roomId),
    inArray(appointments.status, [...HOLDING]),
    gt(appointments.endsAt, now),
  );
  const [total] = await db.select({ n: count() }).from(appointments).where(where);
  const rows = await selectAppointmentsWithParties(db, {
    id: appointments.id,
    startsAt: appointments.startsAt,
    status: appointments.status,
    firstName: clients.firstName,
    lastName: clients.lastName,
    therapistName: therapists.displayName,
    serviceName: services.name,
  })
    .where(where)
    .orderBy(asc(appointments.startsAt))
    .limit(ROOM_UPCOMING_LIMIT);
  return {
    count: Number(total?.n ?? 0),
    appointments: rows.map((r) => ({
      id: r.id,
      startsAt: r.startsAt.toISOString(),
      status: r.status as (typeof HOLDING)[number],
      clientName: `${r.firstName} ${r.lastName}`,
      therapistName: r.therapistName,
      serviceName: r.serviceName,
    })),
  } satisfies RoomUpcoming;
}
