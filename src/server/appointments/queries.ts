/** Reading one appointment with what every action and response needs about it. */
import { and, asc, eq, gt, lt, type SQL, sql } from "drizzle-orm";
import type { PgSelectBase, SelectedFields } from "drizzle-orm/pg-core";
import type { AppointmentDetail } from "../../core/api/scheduling";
import { formatSlotInZone } from "../../core/scheduling";
import type { Db } from "../db/connect";
import { appointments, clients, clinics, rooms, services, therapists } from "../db/schema";
import { notFound } from "../http/errors";
import type { MessageFacts } from "./messages";

/**
 * The appointments with the client, therapist and service they belong to (and the room, when they
 * have one), each joined within the appointment's own clinic: the one place the appointment's parties
 * are joined. Callers add their conditions, order and limit.
 */
export function selectAppointmentsWithParties<TSelection extends SelectedFields>(
  db: Db,
  columns: TSelection,
): PgSelectBase<"appointments", TSelection, "partial", PartiesNullability> {
  const query = db
    .select(columns as SelectedFields)
    .from(appointments)
    .innerJoin(
      clients,
      and(eq(clients.clinicId, appointments.clinicId), eq(clients.id, appointments.clientId)),
    )
    .innerJoin(
      therapists,
      and(eq(therapists.clinicId, appointments.clinicId), eq(therapists.id, appointments.therapistId)),
    )
    .innerJoin(
      services,
      and(eq(services.clinicId, appointments.clinicId), eq(services.id, appointments.serviceId)),
    )
    .leftJoin(rooms, and(eq(rooms.clinicId, appointments.clinicId), eq(rooms.id, appointments.roomId)));
  // TypeScript cannot follow drizzle's join types through a generic selection; this is the type
  // the same joins give a concrete one (room columns nullable, as the join is a left join).
  return query as unknown as PgSelectBase<"appointments", TSelection, "partial", PartiesNullability>;
}

type PartiesNullability = {
  appointments: "not-null";
  clients: "not-null";
  therapists: "not-null";
  services: "not-null";
  rooms: "nullable";
};

export interface VisibilityScope {
  clinicId: string;
  role: string;
  clientId: string | null;
}

/**
 * Which appointments a caller may see: staff every one of their clinic; a client only their own, and
 * none at all when the log-in has no client row (`false`, rather than an id that matches nothing).
 */
export function appointmentVisibility(scope: VisibilityScope): SQL[] {
  const clinic = eq(appointments.clinicId, scope.clinicId);
  if (scope.role !== "client") return [clinic];
  return [clinic, scope.clientId ? eq(appointments.clientId, scope.clientId) : sql`false`];
}

const DETAIL_COLUMNS = {
  id: appointments.id,
  clinicId: appointments.clinicId,
  status: appointments.status,
  source: appointments.source,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  blocksFrom: appointments.blocksFrom,
  blocksUntil: appointments.blocksUntil,
  firstVisit: appointments.firstVisit,
  requestExpiresAt: appointments.requestExpiresAt,
  clientNote: appointments.clientNote,
  statusReason: appointments.statusReason,
  createdAt: appointments.createdAt,
  updatedAt: appointments.updatedAt,
  clientId: clients.id,
  clientFirstName: clients.firstName,
  clientLastName: clients.lastName,
  clientEmail: clients.email,
  therapistId: therapists.id,
  therapistName: therapists.displayName,
  therapistUserId: therapists.userId,
  serviceId: services.id,
  serviceName: services.name,
  durationMin: services.durationMin,
  bufferBeforeMin: services.bufferBeforeMin,
  bufferAfterMin: services.bufferAfterMin,
  needsRoom: services.needsRoom,
  bookableOnline: services.bookableOnline,
  bookingMode: services.bookingMode,
  roomId: rooms.id,
  roomName: rooms.name,
  clinicName: clinics.name,
  clinicAddress: clinics.address,
  clinicPhone: clinics.phone,
  timeZone: clinics.timeZone,
};

/** One appointment, with everything an action or answer needs, among those matching `conditions`. */
async function loadOneAppointment(db: Db, conditions: SQL[], id: string) {
  const [row] = await selectAppointmentsWithParties(db, DETAIL_COLUMNS)
    .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
    .where(and(...conditions, eq(appointments.id, id)))
    .limit(1);
  return row ?? null;
}

export function loadAppointment(db: Db, clinicId: string, id: string) {
  return loadOneAppointment(db, [eq(appointments.clinicId, clinicId)], id);
}

export type AppointmentRow = NonNullable<Awaited<ReturnType<typeof loadAppointment>>>;

/** Staff of the clinic see any of its appointments; a client only their own. Anything else is a 404. */
export async function loadVisibleAppointment(
  db: Db,
  scope: VisibilityScope,
  id: string,
): Promise<AppointmentRow> {
  const row = await loadOneAppointment(db, appointmentVisibility(scope), id);
  if (!row) throw notFound("Appointment not found.");
  return row;
}

export function toDetail(row: AppointmentRow, userId: string | null): AppointmentDetail {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    firstVisit: row.firstVisit,
    client: { id: row.clientId, name: `${row.clientFirstName} ${row.clientLastName}` },
    therapist: {
      id: row.therapistId,
      name: row.therapistName,
      isYou: userId !== null && row.therapistUserId === userId,
    },
    service: { id: row.serviceId, name: row.serviceName, durationMin: row.durationMin },
    room: row.roomId && row.roomName ? { id: row.roomId, name: row.roomName } : null,
    statusReason: row.statusReason,
    requestExpiresAt: row.requestExpiresAt ? row.requestExpiresAt.toISOString() : null,
    clientNote: row.clientNote,
    blocksFrom: row.blocksFrom.toISOString(),
    blocksUntil: row.blocksUntil.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    timeZone: row.timeZone,
    local: formatSlotInZone(row.startsAt.getTime(), row.timeZone),
  };
}

export function messageFactsOf(row: AppointmentRow, publicUrl: string, reason?: string | null): MessageFacts {
  return {
    clinicId: row.clinicId,
    clinicName: row.clinicName,
    clinicAddress: row.clinicAddress,
    clinicPhone: row.clinicPhone,
    timeZone: row.timeZone,
    appointmentId: row.id,
    clientId: row.clientId,
    clientEmail: row.clientEmail,
    clientFirstName: row.clientFirstName,
    serviceName: row.serviceName,
    therapistName: row.therapistName,
    startsAt: row.startsAt.getTime(),
    endsAt: row.endsAt.getTime(),
    firstVisit: row.firstVisit,
    reason: reason ?? null,
    publicUrl,
  };
}

/** Appointments overlapping [from, to) that `scope` may see, soonest first (the calendar list). */
export async function listVisibleAppointments(db: Db, scope: VisibilityScope, from: Date, to: Date) {
  return selectAppointmentsWithParties(db, {
    id: appointments.id,
    status: appointments.status,
    source: appointments.source,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    firstVisit: appointments.firstVisit,
    clientId: clients.id,
    clientFirst: clients.firstName,
    clientLast: clients.lastName,
    therapistId: therapists.id,
    therapistName: therapists.displayName,
    therapistUserId: therapists.userId,
    serviceId: services.id,
    serviceName: services.name,
    durationMin: services.durationMin,
    roomId: rooms.id,
    roomName: rooms.name,
  })
    .where(and(...appointmentVisibility(scope), lt(appointments.startsAt, to), gt(appointments.endsAt, from)))
    .orderBy(asc(appointments.startsAt));
}
