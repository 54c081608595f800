/**
 * Server-side sessions (docs/decisions/0003-auth.md): the cookie carries a random id, the database
 * keeps its hash, so any app server can serve any request and logging out anywhere ends it everywhere.
 */
import { and, eq, lte, or, sql } from "drizzle-orm";
import type { AuthContext, Role, SessionTwoFactor } from "../../core/api/auth";
import type { Config } from "../config";
import type { Db } from "../db/connect";
import { compileStatement, runCompiled } from "../db/prepared";
import { authSessions, clients, clinics, memberships, userTotp } from "../db/schema";
import { touchIntervalMs } from "./settings";
import { newToken, tokenHash } from "./tokens";

export const SESSION_COOKIE = "kw_session";

export interface Caller {
  sessionIdHash: string;
  userId: string;
  email: string;
  name: string;
  /** False until a client who signed up opens the link e-mailed to them. */
  emailVerified: boolean;
  csrfToken: string;
  context: AuthContext | null;
  /** The second factor: enrolled, passed in this session, and what must happen first (if anything). */
  twoFactor: SessionTwoFactor;
  /**
   * Acting as a client: that client's record as the booking needs it (name, e-mail, and whether
   * they have been before), read with the session so a booking does not read it again.
   */
  client: SessionClient | null;
}

export interface SessionClient {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  /** Has a confirmed or completed appointment at the clinic (so a booking is not a first visit). */
  returning: boolean;
}

/**
 * What a session must do before it may use the app: an account with two-factor passes a code first;
 * a staff member of a clinic that requires two-factor enrols first. Clients are never asked to enrol.
 */
export function pendingSecondFactor(input: {
  enrolled: boolean;
  passed: boolean;
  role: Role | null;
  clinicRequires: boolean;
}): SessionTwoFactor["pending"] {
  if (input.enrolled && !input.passed) return "verify";
  if (!input.enrolled && input.role && input.role !== "client" && input.clinicRequires) return "enrol";
  return null;
}

/** Every clinic and role the user may act in: staff memberships first, then client records. */
export async function listContexts(db: Db, userId: string): Promise<AuthContext[]> {
  const staff = await db
    .select({
      clinicId: clinics.id,
      clinicName: clinics.name,
      clinicSlug: clinics.slug,
      timeZone: clinics.timeZone,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
    .where(eq(memberships.userId, userId))
    .orderBy(clinics.name);
  const clientOf = await db
    .select({
      clinicId: clinics.id,
      clinicName: clinics.name,
      clinicSlug: clinics.slug,
      timeZone: clinics.timeZone,
      clientId: clients.id,
    })
    .from(clients)
    .innerJoin(clinics, eq(clinics.id, clients.clinicId))
    .where(eq(clients.userId, userId))
    .orderBy(clinics.name);
  return [
    ...staff.map((s) => ({ ...s, role: s.role as Role, clientId: null })),
    ...clientOf.map((c) => ({ ...c, role: "client" as const })),
  ];
}

export async function createSession(
  db: Db,
  config: Config,
  userId: string,
  context: AuthContext | null,
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(authSessions).values({
    idHash: tokenHash(token),
    userId,
    csrfToken,
    clinicId: context?.clinicId ?? null,
    role: context?.role ?? null,
    clientId: context?.clientId ?? null,
    expiresAt: new Date(Date.now() + config.sessionAbsoluteHours * 3_600_000),
  });
  return { token, csrfToken };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.idHash, tokenHash(token)));
}

export async function deleteUserSessions(db: Db, userId: string, exceptIdHash?: string): Promise<void> {
  const condition = exceptIdHash
    ? and(eq(authSessions.userId, userId), sql`${authSessions.idHash} <> ${exceptIdHash}`)
    : eq(authSessions.userId, userId);
  await db.delete(authSessions).where(condition);
}

export async function setSessionContext(db: Db, idHash: string, context: AuthContext): Promise<void> {
  await db
    .update(authSessions)
    .set({ clinicId: context.clinicId, role: context.role, clientId: context.clientId })
    .where(eq(authSessions.idHash, idHash));
}

/** The second-factor state of a session just started or switched to `context`. */
export async function twoFactorFor(
  db: Db,
  userId: string,
  context: AuthContext | null,
  passed: boolean,
): Promise<SessionTwoFactor> {
  const [totp] = await db
    .select({ confirmedAt: userTotp.confirmedAt })
    .from(userTotp)
    .where(eq(userTotp.userId, userId));
  const [clinic] = context
    ? await db.select({ policies: clinics.policies }).from(clinics).where(eq(clinics.id, context.clinicId))
    : [];
  const enrolled = Boolean(totp?.confirmedAt);
  return {
    enrolled,
    passed,
    pending: pendingSecondFactor({
      enrolled,
      passed,
      role: context?.role ?? null,
      clinicRequires: clinic?.policies.requireStaffTwoFactor === true,
    }),
  };
}

/** One row of `SESSION_LOOKUP`, as the driver decodes it (timestamps as Dates). */
interface SessionRow {
  idHash: string;
  userId: string;
  email: string;
  name: string;
  emailVerifiedAt: Date | null;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  clinicId: string | null;
  role: string | null;
  clientId: string | null;
  clinicName: string | null;
  clinicSlug: string | null;
  timeZone: string | null;
  staffRole: string | null;
  clientUserId: string | null;
  secondFactorAt: Date | null;
  totpConfirmedAt: Date | null;
  policies: { requireStaffTwoFactor?: unknown } | null;
  clientFirstName: string | null;
  clientLastName: string | null;
  clientEmail: string | null;
  clientReturning: boolean | null;
}

/**
 * The session, its user and the acting clinic, membership and client record (with what a booking
 * needs of it, so a client's booking reads nothing else before its write) in one prepared
 * statement: every request runs it, so it is compiled once and sent as the driver's named statement
 * rather than built by the query builder each time (docs/decisions/0023-booking-hot-path-and-driver.md).
 */
const SESSION_LOOKUP = compileStatement<"idHash">(
  "session",
  sql`SELECT s.id_hash AS "idHash", u.id AS "userId", u.email, u.name, u.email_verified_at AS "emailVerifiedAt",
      s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
      s.clinic_id AS "clinicId", s.role, s.client_id AS "clientId", c.name AS "clinicName",
      c.slug AS "clinicSlug", c.time_zone AS "timeZone", m.role AS "staffRole", cl.user_id AS "clientUserId",
      s.second_factor_at AS "secondFactorAt", t.confirmed_at AS "totpConfirmedAt", c.policies,
      cl.first_name AS "clientFirstName", cl.last_name AS "clientLastName", cl.email AS "clientEmail",
      CASE WHEN cl.id IS NOT NULL THEN EXISTS (SELECT 1 FROM appointments p WHERE p.clinic_id = cl.clinic_id
        AND p.client_id = cl.id AND p.status IN ('confirmed', 'completed')) END AS "clientReturning"
    FROM auth_sessions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN user_totp t ON t.user_id = s.user_id
    LEFT JOIN clinics c ON c.id = s.clinic_id
    LEFT JOIN memberships m ON m.clinic_id = s.clinic_id AND m.user_id = s.user_id
    LEFT JOIN clients cl ON cl.clinic_id = s.clinic_id AND cl.id = s.client_id
    WHERE s.id_hash = ${sql.placeholder("idHash")}
    LIMIT 1`,
);

/**
 * Resolves a session cookie to the caller, or null when it is unknown, idle too long or past its
 * absolute lifetime. The role is re-checked against memberships on every request, so removing a
 * staff member takes effect at once rather than when their session ends.
 */
export async function resolveSession(
  db: Db,
  config: Config,
  token: string,
  now = new Date(),
): Promise<Caller | null> {
  const idHash = tokenHash(token);
  const [row] = (await runCompiled(db, SESSION_LOOKUP, { idHash })) as SessionRow[];
  if (!row) return null;
  const idleLimit = row.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  if (now.getTime() >= row.expiresAt.getTime() || now.getTime() >= idleLimit) {
    await db.delete(authSessions).where(eq(authSessions.idHash, idHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= touchIntervalMs(config.sessionIdleMinutes)) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.idHash, idHash));
  }
  const context = contextFromRow(row);
  const enrolled = row.totpConfirmedAt !== null;
  const passed = row.secondFactorAt !== null;
  return {
    sessionIdHash: row.idHash,
    userId: row.userId,
    email: row.email,
    name: row.name,
    emailVerified: row.emailVerifiedAt !== null,
    csrfToken: row.csrfToken,
    context,
    twoFactor: {
      enrolled,
      passed,
      pending: pendingSecondFactor({
        enrolled,
        passed,
        role: context?.role ?? null,
        clinicRequires: row.policies?.requireStaffTwoFactor === true,
      }),
    },
    client: clientFromRow(row, context),
  };
}

function clientFromRow(row: SessionRow, context: AuthContext | null): SessionClient | null {
  if (context?.role !== "client" || !context.clientId || row.clientFirstName === null) return null;
  return {
    id: context.clientId,
    firstName: row.clientFirstName,
    lastName: row.clientLastName ?? "",
    email: row.clientEmail,
    returning: row.clientReturning === true,
  };
}

function contextFromRow(
  row: Pick<
    SessionRow,
    | "clinicId"
    | "role"
    | "clientId"
    | "clinicName"
    | "clinicSlug"
    | "timeZone"
    | "staffRole"
    | "clientUserId"
    | "userId"
  >,
): AuthContext | null {
  if (!row.clinicId || !row.role || !row.clinicName || !row.clinicSlug || !row.timeZone) return null;
  const stillValid = row.role === "client" ? row.clientUserId === row.userId : row.staffRole === row.role;
  if (!stillValid) return null;
  return {
    clinicId: row.clinicId,
    clinicName: row.clinicName,
    clinicSlug: row.clinicSlug,
    timeZone: row.timeZone,
    role: row.role as Role,
    clientId: row.role === "client" ? row.clientId : null,
  };
}

/**
 * Housekeeping (the session-purge job in ../jobs): deletes sessions past their absolute lifetime
 * or idle since before `idleBefore`, which `resolveSession` would refuse anyway. Returns how many.
 */
export async function deleteEndedSessions(db: Db, now: Date, idleBefore: Date): Promise<number> {
  const deleted = await db
    .delete(authSessions)
    .where(or(lte(authSessions.expiresAt, now), lte(authSessions.lastSeenAt, idleBefore)))
    .returning({ idHash: authSessions.idHash });
  return deleted.length;
}
