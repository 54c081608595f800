import { eq, sql } from "drizzle-orm";
import {
  EmailSchema,
  NewPasswordSchema,
  PersonNameSchema,
  STAFF_ROLES,
  type StaffRole,
} from "../../core/api/auth";
import { hashPassword } from "../auth/passwords";
import { unissuedFeedTokenHash } from "../clinic/feed-token";
import type { Db } from "../db/connect";
import { clinics, memberships, therapists, users } from "../db/schema";

export interface CreateStaffUserInput {
  email: string;
  name: string;
  role: string;
  /** May be null when the installation has exactly one clinic. */
  clinicSlug: string | null;
  password: string;
}

/** Creates (or reuses) an account and gives it a staff role in a clinic; used by `knotwork create-user`. */
export async function createStaffUser(
  db: Db,
  input: CreateStaffUserInput,
): Promise<{ ok: true; userId: string; clinicSlug: string } | { ok: false; message: string }> {
  const email = EmailSchema.safeParse(input.email);
  if (!email.success) return { ok: false, message: "--email must be a valid e-mail address." };
  const name = PersonNameSchema.safeParse(input.name);
  if (!name.success) return { ok: false, message: "--name is required." };
  if (!STAFF_ROLES.includes(input.role as StaffRole)) {
    return { ok: false, message: `--role must be one of ${STAFF_ROLES.join(", ")}.` };
  }
  const password = NewPasswordSchema.safeParse(input.password);
  if (!password.success) return { ok: false, message: "--password must have at least 10 characters." };
  let clinic: typeof clinics.$inferSelect | undefined;
  if (input.clinicSlug === null) {
    // No silent default: leaving --clinic out is only unambiguous when there is one clinic.
    const firstTwo = await db.select().from(clinics).limit(2);
    if (firstTwo.length !== 1)
      return {
        ok: false,
        message:
          firstTwo.length === 0
            ? "There is no clinic yet: run `knotwork setup` first."
            : "--clinic SLUG is required: this installation has several clinics.",
      };
    clinic = firstTwo[0];
  } else {
    [clinic] = await db.select().from(clinics).where(eq(clinics.slug, input.clinicSlug));
  }
  if (!clinic) return { ok: false, message: `No clinic with slug "${input.clinicSlug}".` };
  const role = input.role as StaffRole;
  const passwordHash = await hashPassword(password.data);
  const clinicId = clinic.id;
  const userId = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email.data}`);
    const user =
      existing ??
      (await tx.insert(users).values({ email: email.data, name: name.data, passwordHash }).returning())[0];
    if (!user) throw new Error("user insert returned nothing");
    await tx
      .insert(memberships)
      .values({ clinicId, userId: user.id, role })
      .onConflictDoUpdate({ target: [memberships.clinicId, memberships.userId], set: { role } });
    if (role === "therapist") {
      await tx.insert(therapists).values({
        clinicId,
        userId: user.id,
        displayName: user.name,
        feedTokenHash: unissuedFeedTokenHash(),
      });
    }
    return user.id;
  });
  return { ok: true, userId, clinicSlug: clinic.slug };
}
