/** Reading one appointment with what every action and response needs about it. */
import { and, eq } from "drizzle-orm";
import type { AppointmentDetail } from "../../core/api/scheduling";
import { formatSlotInZone } from "../../core/scheduling";
import type { Db } from "../db/connect";
import { appointments, clients, clinics, rooms, services, therapists } from "../db/schema";
import { notFound } from "../http/errors";
import type { MessageFacts } from "./messages";

export async function loadAppointment(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select({
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
      timeZone: clinics.timeZone,
    })
    .from(appointments)
    .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
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
    .leftJoin(rooms, and(eq(rooms.clinicId, appointments.clinicId), eq(rooms.id, appointments.roomId)))
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.id, id)))
    .limit(1);
  return row ?? null;
}

export type AppointmentRow = NonNullable<Awaited<ReturnType<typeof loadAppointment>>>;

/** Staff of the clinic see any of its appointments; a client only their own. Anything else is a 404. */
export async function loadVisibleAppointment(
  db: Db,
  scope: { clinicId: string; role: string; clientId: string | null },
  id: string,
): Promise<AppointmentRow> {
  const row = await loadAppointment(db, scope.clinicId, id);
  if (!row || (scope.role === "client" && row.clientId !== scope.clientId)) {
    throw notFound("Appointment not found.");
  }
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
    timeZone: row.timeZone,
    appointmentId: row.id,
    clientEmail: row.clientEmail,
    clientFirstName: row.clientFirstName,
    serviceName: row.serviceName,
    therapistName: row.therapistName,
    startsAt: row.startsAt.getTime(),
    reason: reason ?? null,
    publicUrl,
  };
}
