/**
 * Erasure with retention (F11; docs/decisions/0019-backup-and-erasure.md).
 *
 * 1. The client asks (`requestErasure`). Nothing is removed yet; they may withdraw.
 * 2. The owner sees what will happen (`erasurePreview`) and carries it out (`carryOutErasure`):
 *    contact details (e-mail, phone), the sign-in account, the pain diary, messages, the waitlist,
 *    the unsubmitted intake draft and future bookings go at once. Clinical records (intake versions,
 *    charts, consent signatures, clearances, plans, past appointments) and the name they are filed
 *    under stay until the last visit plus the clinic's retention years. The client gets a confirmation.
 * 3. The sweep (`purgeDueErasures`, a background job) deletes everything left once that date passes.
 *
 * Audit events name ids only, and are never touched: the chain verifies after every step.
 */
import { and, count, eq, gt, inArray, isNotNull, lte, max, or, sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit";
import type { Db } from "../db/connect";
import {
  appointments,
  clients,
  clinics,
  consentSignatures,
  DEFAULT_CLINIC_POLICIES,
  erasureRequests,
  homeCarePlans,
  intakeDrafts,
  intakes,
  memberships,
  outboxMessages,
  painDiaryEntries,
  sorenessCheckIns,
  treatmentPlans,
  treatmentSessions,
  users,
  waitlistEntries,
} from "../db/schema";
import { enqueueMessage } from "../notify/outbox";

export type ErasureStatus = "requested" | "erased" | "purged" | "withdrawn";

export class ErasureError extends Error {
  constructor(
    readonly code: "not_found" | "already_requested" | "not_requested",
    message: string,
  ) {
    super(message);
  }
}

const YEAR_MS = 365.25 * 86_400_000;

/** The messages of one client: everything the clinic's outbox addressed to them. */
function messagesTo(clinicId: string, addresses: string[]) {
  return and(
    eq(outboxMessages.clinicId, clinicId),
    inArray(
      sql`lower(${outboxMessages.toAddress})`,
      addresses.map((a) => a.toLowerCase()),
    ),
  );
}

async function clientAddresses(db: Db, clinicId: string, clientId: string) {
  const [row] = await db
    .select({ email: clients.email, userId: clients.userId, userEmail: users.email })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.userId))
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  if (!row) return null;
  const addresses = [...new Set([row.email, row.userEmail].filter((a): a is string => Boolean(a)))];
  return { ...row, addresses };
}

/** The last visit: the latest past appointment that took place, or the latest charted session. */
async function lastVisit(db: Db, clinicId: string, clientId: string, now: Date): Promise<Date | null> {
  const [visit] = await db
    .select({ at: max(appointments.startsAt) })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.clientId, clientId),
        inArray(appointments.status, ["completed", "confirmed", "no_show"]),
        lte(appointments.startsAt, now),
      ),
    );
  const [session] = await db
    .select({ at: max(treatmentSessions.createdAt) })
    .from(treatmentSessions)
    .where(and(eq(treatmentSessions.clinicId, clinicId), eq(treatmentSessions.clientId, clientId)));
  const times = [visit?.at, session?.at].filter((d): d is Date => d instanceof Date);
  return times.length > 0 ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

async function retentionYears(db: Db, clinicId: string): Promise<number> {
  const [clinic] = await db
    .select({ policies: clinics.policies })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  const years = clinic?.policies?.retentionYears;
  return typeof years === "number" && years >= 1 ? years : DEFAULT_CLINIC_POLICIES.retentionYears;
}

async function countOf(
  db: Db,
  table:
    | typeof intakes
    | typeof consentSignatures
    | typeof treatmentSessions
    | typeof treatmentPlans
    | typeof homeCarePlans
    | typeof sorenessCheckIns
    | typeof painDiaryEntries
    | typeof waitlistEntries,
  clinicId: string,
  clientId: string,
) {
  const [row] = await db
    .select({ n: count() })
    .from(table)
    .where(and(eq(table.clinicId, clinicId), eq(table.clientId, clientId)));
  return Number(row?.n ?? 0);
}

export interface ErasurePreview {
  erased: {
    contactDetails: boolean;
    account: boolean;
    diaryEntries: number;
    messages: number;
    waitlistEntries: number;
    intakeDraft: boolean;
    futureAppointments: number;
  };
  kept: {
    intakes: number;
    consentSignatures: number;
    treatmentSessions: number;
    treatmentPlans: number;
    homeCarePlans: number;
    sorenessCheckIns: number;
    pastAppointments: number;
  };
  lastVisit: string | null;
  retentionYears: number;
  /** When the kept records will be purged, if the erasure is carried out now. */
  retainUntil: string;
}

export async function erasurePreview(
  db: Db,
  clinicId: string,
  clientId: string,
  now = new Date(),
): Promise<ErasurePreview | null> {
  const who = await clientAddresses(db, clinicId, clientId);
  if (!who) return null;
  const own = <T extends typeof appointments>(t: T) =>
    and(eq(t.clinicId, clinicId), eq(t.clientId, clientId));
  const [messages] =
    who.addresses.length > 0
      ? await db.select({ n: count() }).from(outboxMessages).where(messagesTo(clinicId, who.addresses))
      : [{ n: 0 }];
  const [future] = await db
    .select({ n: count() })
    .from(appointments)
    .where(
      and(
        own(appointments),
        inArray(appointments.status, ["requested", "confirmed"]),
        gt(appointments.startsAt, now),
      ),
    );
  const [past] = await db
    .select({ n: count() })
    .from(appointments)
    .where(and(own(appointments), lte(appointments.startsAt, now)));
  const [draft] = await db
    .select({ n: count() })
    .from(intakeDrafts)
    .where(and(eq(intakeDrafts.clinicId, clinicId), eq(intakeDrafts.clientId, clientId)));
  const last = await lastVisit(db, clinicId, clientId, now);
  const years = await retentionYears(db, clinicId);
  return {
    erased: {
      contactDetails: Boolean(who.email) || who.addresses.length > 0,
      account: who.userId !== null,
      diaryEntries: await countOf(db, painDiaryEntries, clinicId, clientId),
      messages: Number(messages?.n ?? 0),
      waitlistEntries: await countOf(db, waitlistEntries, clinicId, clientId),
      intakeDraft: Number(draft?.n ?? 0) > 0,
      futureAppointments: Number(future?.n ?? 0),
    },
    kept: {
      intakes: await countOf(db, intakes, clinicId, clientId),
      consentSignatures: await countOf(db, consentSignatures, clinicId, clientId),
      treatmentSessions: await countOf(db, treatmentSessions, clinicId, clientId),
      treatmentPlans: await countOf(db, treatmentPlans, clinicId, clientId),
      homeCarePlans: await countOf(db, homeCarePlans, clinicId, clientId),
      sorenessCheckIns: await countOf(db, sorenessCheckIns, clinicId, clientId),
      pastAppointments: Number(past?.n ?? 0),
    },
    lastVisit: last?.toISOString() ?? null,
    retentionYears: years,
    retainUntil: new Date((last ?? now).getTime() + years * YEAR_MS).toISOString(),
  };
}

export async function openRequestOf(db: Db, clinicId: string, clientId: string) {
  const [row] = await db
    .select()
    .from(erasureRequests)
    .where(
      and(
        eq(erasureRequests.clinicId, clinicId),
        eq(erasureRequests.clientId, clientId),
        inArray(erasureRequests.status, ["requested", "erased"]),
      ),
    );
  return row ?? null;
}

export async function requestErasure(
  db: Db,
  actor: { clinicId: string; clientId: string; userId: string; ip?: string },
) {
  const existing = await openRequestOf(db, actor.clinicId, actor.clientId);
  if (existing)
    throw new ErasureError("already_requested", "You have already asked us to erase your account.");
  const [row] = await db
    .insert(erasureRequests)
    .values({ clinicId: actor.clinicId, clientId: actor.clientId })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new ErasureError("already_requested", "You have already asked us to erase your account.");
  await recordAudit(db, {
    clinicId: actor.clinicId,
    actorUserId: actor.userId,
    actorRole: "client",
    action: "request-erasure",
    entity: "erasure_request",
    entityId: row.id,
    clientId: actor.clientId,
    ip: actor.ip ?? null,
  });
  return row;
}

export async function withdrawErasure(
  db: Db,
  actor: { clinicId: string; clientId: string; userId: string; ip?: string },
) {
  const [row] = await db
    .update(erasureRequests)
    .set({ status: "withdrawn", withdrawnAt: new Date() })
    .where(
      and(
        eq(erasureRequests.clinicId, actor.clinicId),
        eq(erasureRequests.clientId, actor.clientId),
        eq(erasureRequests.status, "requested"),
      ),
    )
    .returning();
  if (!row) throw new ErasureError("not_requested", "There is no erasure request to withdraw.");
  await recordAudit(db, {
    clinicId: actor.clinicId,
    actorUserId: actor.userId,
    actorRole: "client",
    action: "update",
    entity: "erasure_request",
    entityId: row.id,
    clientId: actor.clientId,
    ip: actor.ip ?? null,
  });
  return row;
}

/** The text of the confirmation the client receives (no health data: it may travel by plain e-mail). */
function confirmationBody(clinicName: string, retainUntil: Date): string {
  const until = retainUntil.toISOString().slice(0, 10);
  return [
    `${clinicName} has erased your account as you asked.`,
    "",
    "Your contact details, sign-in, pain diary and messages have been deleted, and any future bookings cancelled.",
    `The law requires us to keep your clinical records (intake, treatment notes and consent) until ${until}; they are then deleted.`,
    "",
    "You do not need to do anything. If you did not ask for this, please contact the clinic.",
  ].join("\n");
}

/**
 * Carries out a requested erasure, in one transaction. Returns the request as it now stands.
 * The account (users row) is deleted only when it has no other role anywhere: a person who is also
 * staff, or a client of another clinic, keeps their sign-in for those.
 */
export async function carryOutErasure(
  db: Db,
  actor: { clinicId: string; userId: string; role: string; ip?: string },
  requestId: string,
  now = new Date(),
) {
  const [request] = await db
    .select()
    .from(erasureRequests)
    .where(and(eq(erasureRequests.clinicId, actor.clinicId), eq(erasureRequests.id, requestId)));
  if (!request) throw new ErasureError("not_found", "Erasure request not found.");
  if (request.status !== "requested")
    throw new ErasureError(
      "not_requested",
      `This request is ${request.status}, not waiting to be carried out.`,
    );
  const { clinicId, clientId } = request;
  const who = await clientAddresses(db, clinicId, clientId);
  if (!who) throw new ErasureError("not_found", "Client not found.");
  const preview = await erasurePreview(db, clinicId, clientId, now);
  const retainUntil = new Date(preview?.retainUntil ?? now);
  const [clinic] = await db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, clinicId));

  const updated = await db.transaction(async (tx) => {
    const own = <T extends typeof painDiaryEntries | typeof waitlistEntries | typeof intakeDrafts>(t: T) =>
      and(eq(t.clinicId, clinicId), eq(t.clientId, clientId));
    await tx.delete(painDiaryEntries).where(own(painDiaryEntries));
    await tx.delete(waitlistEntries).where(own(waitlistEntries));
    await tx.delete(intakeDrafts).where(own(intakeDrafts));
    if (who.addresses.length > 0) await tx.delete(outboxMessages).where(messagesTo(clinicId, who.addresses));
    await tx
      .update(appointments)
      .set({ status: "cancelled", statusReason: "Account erased at the client's request", updatedAt: now })
      .where(
        and(
          eq(appointments.clinicId, clinicId),
          eq(appointments.clientId, clientId),
          inArray(appointments.status, ["requested", "confirmed"]),
          gt(appointments.startsAt, now),
        ),
      );
    await tx
      .update(appointments)
      .set({ clientNote: null })
      .where(
        and(
          eq(appointments.clinicId, clinicId),
          eq(appointments.clientId, clientId),
          isNotNull(appointments.clientNote),
        ),
      );
    await tx
      .update(clients)
      .set({ email: null, phone: null, userId: null })
      .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
    if (who.userId) {
      const [otherRoles] = await tx
        .select({ n: count() })
        .from(memberships)
        .where(eq(memberships.userId, who.userId));
      const [otherClients] = await tx
        .select({ n: count() })
        .from(clients)
        .where(eq(clients.userId, who.userId));
      // Sessions, e-mail links and the like cascade with the account.
      if (Number(otherRoles?.n ?? 0) === 0 && Number(otherClients?.n ?? 0) === 0)
        await tx.delete(users).where(eq(users.id, who.userId));
      else
        await tx.execute(
          sql`DELETE FROM auth_sessions WHERE user_id = ${who.userId} AND clinic_id = ${clinicId} AND client_id = ${clientId}`,
        );
    }
    const [row] = await tx
      .update(erasureRequests)
      .set({ status: "erased", erasedAt: now, erasedBy: actor.userId, retainUntil })
      .where(eq(erasureRequests.id, requestId))
      .returning();
    // The one place their address is used after this: the confirmation, deleted by the purge.
    const to = who.addresses[0];
    if (to)
      await enqueueMessage(tx as unknown as Db, {
        clinicId,
        dedupeKey: `erasure-confirmation:${requestId}`,
        kind: "erasure-confirmation",
        to,
        subject: `${clinic?.name ?? "Your clinic"}: your account has been erased`,
        body: confirmationBody(clinic?.name ?? "Your clinic", retainUntil),
      });
    return row;
  });
  await recordAudit(db, {
    clinicId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: "erase",
    entity: "client",
    entityId: clientId,
    clientId,
    ip: actor.ip ?? null,
  });
  return updated;
}

/** Tables (with clinic_id and client_id) the purge must not touch: the audit log, and this one. */
const NEVER_PURGED = new Set(["audit_events", "erasure_requests", "clients"]);

/**
 * Every table holding a client's rows, found in the catalogue rather than listed here: a table
 * added later (by charting, plans, messages) is purged without anyone remembering to add it.
 */
async function clientOwnedTables(db: Db): Promise<string[]> {
  const result = (await db.execute(sql`
    SELECT c.table_name AS t FROM information_schema.columns c
    JOIN information_schema.columns k ON k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = 'clinic_id'
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.column_name = 'client_id'
    ORDER BY 1`)) as unknown as { rows: { t: string }[] };
  return result.rows.map((r) => r.t).filter((t) => !NEVER_PURGED.has(t));
}

/** Deletes the client's rows table by table; a table another still points into is retried after the rest. */
async function deleteClientRows(tx: Db, clinicId: string, clientId: string): Promise<void> {
  // The one sanctioned delete of signed notes (migration 0018): local to this transaction.
  await tx.execute(sql`SELECT set_config('knotwork.retention_purge', 'on', true)`);
  let pending = await clientOwnedTables(tx);
  while (pending.length > 0) {
    const blocked: string[] = [];
    for (const table of pending) {
      try {
        await tx.transaction(async (sp) => {
          await sp.execute(
            sql`DELETE FROM ${sql.identifier(table)} WHERE clinic_id = ${clinicId} AND client_id = ${clientId}`,
          );
        });
      } catch (error) {
        if (
          (error as { code?: string; cause?: { code?: string } }).code !== "23503" &&
          (error as { cause?: { code?: string } }).cause?.code !== "23503"
        )
          throw error;
        blocked.push(table);
      }
    }
    if (blocked.length === pending.length)
      throw new Error(`Cannot purge: rows in ${blocked.join(", ")} are still referenced.`);
    pending = blocked;
  }
  await tx.delete(clients).where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
}

/** The sweep: purges every erased client whose retention has run out. Returns how many. */
export async function purgeDueErasures(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select()
    .from(erasureRequests)
    .where(and(eq(erasureRequests.status, "erased"), lte(erasureRequests.retainUntil, now)));
  let purged = 0;
  for (const request of due) {
    const done = await db.transaction(async (tx) => {
      // Claimed by a single UPDATE: another server's sweep finds it no longer "erased".
      const [claimed] = await tx
        .update(erasureRequests)
        .set({ status: "purged", purgedAt: now })
        .where(and(eq(erasureRequests.id, request.id), eq(erasureRequests.status, "erased")))
        .returning();
      if (!claimed) return false;
      await deleteClientRows(tx as unknown as Db, request.clinicId, request.clientId);
      await tx
        .delete(outboxMessages)
        .where(eq(outboxMessages.dedupeKey, `erasure-confirmation:${request.id}`));
      return true;
    });
    if (!done) continue;
    purged++;
    await recordAudit(db, {
      clinicId: request.clinicId,
      actorUserId: null,
      actorRole: "system",
      action: "purge",
      entity: "client",
      entityId: request.clientId,
      clientId: request.clientId,
    });
  }
  return purged;
}

export async function listErasureRequests(db: Db, clinicId: string) {
  return db
    .select({
      id: erasureRequests.id,
      clientId: erasureRequests.clientId,
      status: erasureRequests.status,
      requestedAt: erasureRequests.requestedAt,
      erasedAt: erasureRequests.erasedAt,
      retainUntil: erasureRequests.retainUntil,
      purgedAt: erasureRequests.purgedAt,
      firstName: clients.firstName,
      lastName: clients.lastName,
    })
    .from(erasureRequests)
    .leftJoin(
      clients,
      and(eq(clients.clinicId, erasureRequests.clinicId), eq(clients.id, erasureRequests.clientId)),
    )
    .where(
      and(
        eq(erasureRequests.clinicId, clinicId),
        or(
          eq(erasureRequests.status, "requested"),
          eq(erasureRequests.status, "erased"),
          eq(erasureRequests.status, "purged"),
        ),
      ),
    )
    .orderBy(sql`${erasureRequests.requestedAt} DESC`);
}
