/**
 * Creates a real clinic and its owner: the one path behind the first-run page (`POST /api/setup`),
 * `knotwork setup` and `knotwork create-clinic` (docs/decisions/0010-clinic-setup.md).
 */
import { count, eq, ne, sql } from "drizzle-orm";
import type { NewClinic } from "../../core/api/setup";
import { hashPassword } from "../auth/passwords";
import { unissuedFeedTokenHash } from "../clinic/feed-token";
import type { Db } from "../db/connect";
import { clinics, DEFAULT_CLINIC_POLICIES, memberships, rooms, therapists, users } from "../db/schema";
import { conflict } from "../http/errors";
import { DEMO_CLINIC_SLUG } from "../seed/demo";
import { insertStandardServices, insertStandardWeek, STANDARD_ROOM_NAME } from "../seed/standard";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface CreatedClinic {
  clinicId: string;
  slug: string;
  ownerUserId: string;
  /** The owner's e-mail already had an account: it was reused and its password left unchanged. */
  ownerAccountExisted: boolean;
  /** The owner's therapist row, when they treat clients too. */
  therapistId: string | null;
}

/** How many clinics exist, and whether any of them is not the demo. */
export async function clinicCensus(db: Db): Promise<{ total: number; real: number }> {
  const [all] = await db.select({ n: count() }).from(clinics);
  const [real] = await db.select({ n: count() }).from(clinics).where(ne(clinics.slug, DEMO_CLINIC_SLUG));
  return { total: all?.n ?? 0, real: real?.n ?? 0 };
}

export const alreadySetUp = () =>
  conflict(
    "already_set_up",
    "This installation already has a clinic. Sign in, or add another with `npx knotwork create-clinic`.",
  );

/** Refuses when any clinic exists (the first-run page and `knotwork setup`). Call inside `createClinic`'s guard. */
export async function refuseIfAnyClinic(tx: Tx): Promise<void> {
  const [row] = await tx.select({ n: count() }).from(clinics);
  if ((row?.n ?? 0) > 0) throw alreadySetUp();
}

/**
 * Creates the clinic (standard services unpriced, one room, default policies) and its owner, in one
 * transaction. `guard` runs first inside it, after the clinics table is locked against concurrent
 * creation, so a check such as "no clinic exists yet" cannot race with another request.
 */
export async function createClinic(
  db: Db,
  input: NewClinic,
  guard: (tx: Tx) => Promise<void> = async () => {},
): Promise<CreatedClinic> {
  // Hashing takes a moment; do it before the transaction holds its lock.
  const passwordHash = await hashPassword(input.ownerPassword);
  return db.transaction(async (tx) => {
    // SHARE ROW EXCLUSIVE conflicts with itself and with inserts: one clinic creation at a time.
    await tx.execute(sql`LOCK TABLE clinics IN SHARE ROW EXCLUSIVE MODE`);
    await guard(tx);
    const [taken] = await tx.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, input.slug));
    if (taken) throw conflict("slug_taken", "Another clinic already uses this address.", "slug");
    const [clinic] = await tx
      .insert(clinics)
      .values({
        slug: input.slug,
        name: input.clinicName,
        timeZone: input.timeZone,
        address: input.address,
        phone: input.phone,
        email: input.ownerEmail,
        policies: DEFAULT_CLINIC_POLICIES,
      })
      .returning();
    if (!clinic) throw new Error("clinic insert returned nothing");

    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.ownerEmail}`);
    const ownerUserId =
      existing?.id ??
      (
        await tx
          .insert(users)
          .values({ email: input.ownerEmail, name: input.ownerName, passwordHash })
          .returning()
      )[0]?.id;
    if (!ownerUserId) throw new Error("user insert returned nothing");
    await tx.insert(memberships).values({ clinicId: clinic.id, userId: ownerUserId, role: "owner" });

    await tx.insert(rooms).values({ clinicId: clinic.id, name: STANDARD_ROOM_NAME });
    await insertStandardServices(tx, clinic.id, { prices: false });
    let therapistId: string | null = null;
    if (input.ownerIsTherapist) {
      const [therapist] = await tx
        .insert(therapists)
        .values({
          clinicId: clinic.id,
          userId: ownerUserId,
          displayName: input.ownerName,
          feedTokenHash: unissuedFeedTokenHash(),
        })
        .returning();
      if (!therapist) throw new Error("therapist insert returned nothing");
      therapistId = therapist.id;
      await insertStandardWeek(tx, clinic.id, therapist.id);
    }
    return {
      clinicId: clinic.id,
      slug: clinic.slug,
      ownerUserId,
      ownerAccountExisted: Boolean(existing),
      therapistId,
    };
  });
}
