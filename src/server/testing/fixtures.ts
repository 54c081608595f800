/** A second, independent clinic for isolation tests, with one person in every role. */
import { hashPassword } from "../auth/passwords";
import { unissuedFeedTokenHash } from "../clinic/feed-token";
import type { Db } from "../db/connect";
import {
  clients,
  clinics,
  DEFAULT_CLINIC_POLICIES,
  memberships,
  rooms,
  services,
  therapists,
  users,
} from "../db/schema";

export const OTHER_PASSWORD = "other-clinic-pass";

export async function seedOtherClinic(db: Db) {
  const passwordHash = await hashPassword(OTHER_PASSWORD);
  const [clinic] = await db
    .insert(clinics)
    .values({
      slug: "other",
      name: "Other Clinic",
      timeZone: "Europe/London",
      policies: DEFAULT_CLINIC_POLICIES,
    })
    .returning();
  if (!clinic) throw new Error("no clinic");
  const people = await db
    .insert(users)
    .values([
      { email: "owner@other.test", name: "Other Owner", passwordHash },
      { email: "client@other.test", name: "Other Client", passwordHash },
    ])
    .returning();
  const [owner, clientUser] = people;
  if (!owner || !clientUser) throw new Error("no users");
  await db.insert(memberships).values({ clinicId: clinic.id, userId: owner.id, role: "owner" });
  const [client] = await db
    .insert(clients)
    .values({
      clinicId: clinic.id,
      userId: clientUser.id,
      firstName: "Canary",
      lastName: "Otherclinic-7f3a",
      email: "client@other.test",
    })
    .returning();
  const [therapist] = await db
    .insert(therapists)
    .values({ clinicId: clinic.id, displayName: "Other Therapist", feedTokenHash: unissuedFeedTokenHash() })
    .returning();
  const [room] = await db.insert(rooms).values({ clinicId: clinic.id, name: "Other room" }).returning();
  const [service] = await db
    .insert(services)
    .values({ clinicId: clinic.id, kind: "session", name: "Other session", durationMin: 60 })
    .returning();
  if (!client || !therapist || !room || !service) throw new Error("no rows");
  return { clinic, owner, clientUser, client, therapist, room, service };
}
