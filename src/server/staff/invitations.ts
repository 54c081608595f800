/**
 * Staff invitations: who is on the team, inviting someone, and accepting. Acceptance is one
 * transaction that starts by claiming the invitation with a conditional UPDATE, so however many
 * requests race with the same link, exactly one gets a row back and the others change nothing.
 */
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { NewPasswordSchema, type StaffRole } from "../../core/api/auth";
import { hashPassword, verifyPassword } from "../auth/passwords";
import type { Caller } from "../auth/sessions";
import { tokenHash } from "../auth/tokens";
import { unissuedFeedTokenHash } from "../clinic/feed-token";
import type { Db } from "../db/connect";
import { clinics, invitations, memberships, therapists, users } from "../db/schema";
import { AppError, badRequest, conflict } from "../http/errors";

export const INVITATION_DAYS = 7;

const INVALID_INVITATION = () =>
  badRequest("invalid_invitation", "This invitation is not valid any more. Ask the clinic for a new one.");

type Invitation = typeof invitations.$inferSelect;

function findUserByEmail(db: Db, email: string) {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1)
    .then((rows) => rows[0]);
}

/** An invitation that can still be accepted, by its secret token. */
export async function openInvitation(db: Db, token: string): Promise<Invitation | undefined> {
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, tokenHash(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return invitation;
}

/** What the accept page needs to show the right form; nothing for a used or unknown token. */
export async function previewInvitation(db: Db, token: string) {
  const invitation = await openInvitation(db, token);
  if (!invitation) throw INVALID_INVITATION();
  const [clinic] = await db
    .select({ name: clinics.name })
    .from(clinics)
    .where(eq(clinics.id, invitation.clinicId));
  return {
    clinicName: clinic?.name ?? "",
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    existingAccount: (await findUserByEmail(db, invitation.email)) !== undefined,
  };
}

/**
 * The therapist row an invitation gives a sign-in to: the one named by the owner (a therapist on
 * the calendar without a sign-in), or the one the invited person already has in this clinic, so a
 * re-invitation never makes a second row for the same person.
 */
export async function therapistRowFor(
  db: Db,
  clinicId: string,
  input: { email: string; role: StaffRole; therapistId?: string | undefined },
): Promise<string | null> {
  if (input.therapistId) {
    if (input.role !== "therapist")
      throw badRequest("invalid_role", "A therapist on the calendar is invited as a therapist.", "role");
    const [row] = await db
      .select({ id: therapists.id, userId: therapists.userId })
      .from(therapists)
      .where(and(eq(therapists.clinicId, clinicId), eq(therapists.id, input.therapistId)));
    if (!row) throw badRequest("unknown_therapist", "No such therapist in this clinic.", "therapistId");
    if (row.userId)
      throw conflict("therapist_has_sign_in", "This therapist already has a sign-in.", "therapistId");
    return row.id;
  }
  const user = await findUserByEmail(db, input.email);
  if (!user) return null;
  const [own] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.clinicId, clinicId), eq(therapists.userId, user.id)));
  return own?.id ?? null;
}

/** Whom an acceptance is for, decided before the transaction (password hashing is slow). */
type Acceptor = { kind: "existing"; userId: string } | { kind: "new"; passwordHash: string };

async function acceptorFor(
  db: Db,
  invitation: Invitation,
  password: string | undefined,
  caller: Caller | null,
): Promise<Acceptor> {
  const existing = await findUserByEmail(db, invitation.email);
  if (existing) {
    // An existing account proves it is the invitee by being signed in as it, or by its password.
    if (caller?.userId === existing.id) return { kind: "existing", userId: existing.id };
    if (password === undefined)
      throw new AppError(401, "sign_in_required", "Sign in as the invited address to accept.", "password");
    if (!(await verifyPassword(existing.passwordHash, password)))
      throw new AppError(401, "invalid_credentials", "The password is incorrect.", "password");
    return { kind: "existing", userId: existing.id };
  }
  const chosen = NewPasswordSchema.safeParse(password ?? "");
  if (!chosen.success)
    throw badRequest("invalid_password", chosen.error.issues[0]?.message ?? "Choose a password.", "password");
  return { kind: "new", passwordHash: await hashPassword(chosen.data) };
}

/**
 * Accepts an invitation for a new account (with the password it chooses) or an existing one
 * (signed in, or with its current password). Returns the account's user id.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password?: string | undefined; caller: Caller | null },
): Promise<string> {
  const invitation = await openInvitation(db, input.token);
  if (!invitation) throw INVALID_INVITATION();
  const acceptor = await acceptorFor(db, invitation, input.password, input.caller);
  return db.transaction(async (tx) => {
    // The claim: of any number of concurrent acceptances, exactly one sees this row come back.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.id, invitation.id),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!claimed) throw INVALID_INVITATION();
    const userId =
      acceptor.kind === "existing"
        ? acceptor.userId
        : (
            await tx
              .insert(users)
              .values({ email: claimed.email, name: claimed.name, passwordHash: acceptor.passwordHash })
              .returning({ id: users.id })
          )[0]?.id;
    if (!userId) throw new Error("user insert returned nothing");
    await tx
      .insert(memberships)
      .values({ clinicId: claimed.clinicId, userId, role: claimed.role })
      .onConflictDoUpdate({
        target: [memberships.clinicId, memberships.userId],
        set: { role: claimed.role },
      });
    if (claimed.role === "therapist") await linkTherapistRow(tx as unknown as Db, claimed, userId);
    return userId;
  });
}

/** Gives the person their one therapist row in the clinic: the invited row, theirs, or a new one. */
async function linkTherapistRow(tx: Db, invitation: Invitation, userId: string): Promise<void> {
  if (invitation.therapistId) {
    const linked = await tx
      .update(therapists)
      .set({ userId })
      .where(
        and(
          eq(therapists.clinicId, invitation.clinicId),
          eq(therapists.id, invitation.therapistId),
          sql`(${therapists.userId} IS NULL OR ${therapists.userId} = ${userId})`,
        ),
      )
      .returning({ id: therapists.id });
    if (linked.length === 0)
      throw conflict("therapist_has_sign_in", "This therapist has been given a sign-in already.");
    return;
  }
  await tx
    .insert(therapists)
    .values({
      clinicId: invitation.clinicId,
      userId,
      displayName: invitation.name,
      feedTokenHash: unissuedFeedTokenHash(),
    })
    .onConflictDoNothing({ target: [therapists.clinicId, therapists.userId] });
}

/** The team: staff with a sign-in, then active therapists without one (with any open invitation). */
export async function listTeam(db: Db, clinicId: string) {
  const staff = await db
    .select({
      userId: users.id,
      therapistId: therapists.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(therapists, and(eq(therapists.clinicId, memberships.clinicId), eq(therapists.userId, users.id)))
    .where(eq(memberships.clinicId, clinicId));
  const withoutSignIn = await db
    .select({
      therapistId: therapists.id,
      name: therapists.displayName,
      // Raw names: inside a one-table select drizzle would print these columns unqualified.
      invitedUntil: sql<Date | string | null>`(
        SELECT max(i.expires_at) FROM invitations i
        WHERE i.clinic_id = "therapists"."clinic_id" AND i.therapist_id = "therapists"."id"
          AND i.accepted_at IS NULL AND i.expires_at > now()
      )`,
    })
    .from(therapists)
    .where(and(eq(therapists.clinicId, clinicId), isNull(therapists.userId), eq(therapists.active, true)))
    .orderBy(asc(therapists.displayName));
  const members = [
    ...staff.map((m) => ({ ...m, hasSignIn: true, invitedUntil: null })),
    ...withoutSignIn.map((t) => ({
      userId: null,
      therapistId: t.therapistId,
      name: t.name,
      email: null,
      role: "therapist" as const,
      hasSignIn: false,
      invitedUntil: t.invitedUntil === null ? null : new Date(t.invitedUntil).toISOString(),
    })),
  ];
  return members.sort((a, b) => a.name.localeCompare(b.name));
}
