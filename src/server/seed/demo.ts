/**
 * The demo clinic of docs/product.md F12: Knotwork Demo Clinic in Boise, with three therapists, two
 * rooms, the four standard services, clients and a fortnight of appointments around today, so that
 * every screen has something real to show. Seeding is idempotent: it does nothing if the clinic exists.
 */
import { eq } from "drizzle-orm";
import { instantToLocal, localToInstant } from "../../core/scheduling";
import { hashPassword } from "../auth/passwords";
import { unissuedFeedTokenHash } from "../clinic/feed-token";
import type { Db } from "../db/connect";
import {
  appointments,
  clients,
  clinics,
  DEFAULT_CLINIC_POLICIES,
  memberships,
  rooms,
  therapists,
  users,
  workingHours,
} from "../db/schema";
import { seedDemoIntakes } from "../intake/demo-intakes";
import { seedDemoCharting } from "./demo-charting";
import { seedDemoHistory } from "./demo-history";
import { seedDemoMessages } from "./demo-notify";
import { seedDemoPlans } from "./demo-plans";
import { insertStandardServices, insertStandardWeek } from "./standard";

export const DEMO_CLINIC_SLUG = "demo";
export const DEMO_TIME_ZONE = "America/Boise";
/** Printed at start so anyone can try every role. Demo data only: never use these elsewhere. */
export const DEMO_PASSWORD = "knotwork-demo";

export const DEMO_LOGINS = [
  { role: "owner", email: "owner@knotwork.test", name: "Olivia Reyes" },
  { role: "therapist", email: "therapist@knotwork.test", name: "Marcus Bell" },
  { role: "front_desk", email: "desk@knotwork.test", name: "Dana Whitfield" },
  { role: "client", email: "client@knotwork.test", name: "Jordan Lee" },
] as const;

/** The demo log-ins as printed at start and by `knotwork seed`. */
export function demoLoginsText(): string {
  const lines = DEMO_LOGINS.map((l) => `  ${l.role.padEnd(11)} ${l.email.padEnd(26)} ${DEMO_PASSWORD}`);
  return ["Demo log-ins (role, e-mail, password):", ...lines].join("\n");
}

const EXTRA_THERAPISTS = ["Priya Nair", "Sam Okafor"];

/** Short bios for the public clinic page (docs/decisions/0025-clinic-profile.md). */
const DEMO_BIOS: Record<string, string> = {
  "Priya Nair":
    "Shoulder, arm and hand pain, including desk and climbing injuries. Certified myotherapist since 2016.",
  "Sam Okafor":
    "Low back, hip and leg pain; works with runners and people who sit all day. Former physiotherapy assistant.",
};

/** The demo clinic's public profile: what a visitor reads before booking. */
const DEMO_PROFILE = {
  description:
    "A small trigger point therapy clinic in downtown Boise. We look for the knots that refer pain to where you feel it, treat them by hand, and show you how to keep them from coming back.",
  firstVisitInfo:
    "Your first visit is a 30-minute consultation: we go through your health questionnaire, ask where and when it hurts, and check the muscles that commonly refer pain there. If treatment suits you, we agree a short plan. Wear loose clothing; there is a changing area.",
  cancellationPolicy:
    "Please cancel or move your appointment at least 24 hours ahead, online or by phone, so someone else can have the time. Late cancellations and missed appointments may be charged in full.",
};

const DEMO_CLIENTS: { first: string; last: string; email: string; phone: string }[] = [
  { first: "Alex", last: "Morgan", email: "alex.morgan@example.com", phone: "208-555-0141" },
  { first: "Rita", last: "Gomez", email: "rita.gomez@example.com", phone: "208-555-0178" },
  { first: "Ben", last: "Carter", email: "ben.carter@example.com", phone: "208-555-0112" },
  { first: "Hannah", last: "Kim", email: "hannah.kim@example.com", phone: "208-555-0190" },
  { first: "Tom", last: "Fischer", email: "tom.fischer@example.com", phone: "208-555-0133" },
];

function boiseInstant(date: string, time: string): Date {
  const result = localToInstant(date, time, DEMO_TIME_ZONE);
  if (!result.ok) throw new Error(`demo time ${date} ${time} does not exist in ${DEMO_TIME_ZONE}`);
  return new Date(result.instant);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function isSeeded(db: Db): Promise<boolean> {
  const rows = await db
    .select({ id: clinics.id })
    .from(clinics)
    .where(eq(clinics.slug, DEMO_CLINIC_SLUG))
    .limit(1);
  return rows.length > 0;
}

/**
 * `history`: also six months of past activity for the reports (demo-history.ts). The running demo
 * asks for it; tests leave it out, so their fixtures stay the small fortnight they count on.
 */
export async function seedDemoClinic(
  db: Db,
  now = new Date(),
  { history = false }: { history?: boolean } = {},
): Promise<{ created: boolean }> {
  if (await isSeeded(db)) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [clinic] = await tx
      .insert(clinics)
      .values({
        slug: DEMO_CLINIC_SLUG,
        name: "Knotwork Demo Clinic",
        timeZone: DEMO_TIME_ZONE,
        email: "hello@knotwork.test",
        phone: "208-555-0100",
        address: "410 W Main St, Boise, ID 83702",
        policies: DEFAULT_CLINIC_POLICIES,
        ...DEMO_PROFILE,
      })
      .returning();
    if (!clinic) throw new Error("clinic insert returned nothing");
    const clinicId = clinic.id;

    const userIds: Record<string, string> = {};
    for (const login of DEMO_LOGINS) {
      const [user] = await tx
        .insert(users)
        .values({ email: login.email, name: login.name, passwordHash })
        .returning();
      if (!user) throw new Error("user insert returned nothing");
      userIds[login.role] = user.id;
      if (login.role !== "client")
        await tx.insert(memberships).values({ clinicId, userId: user.id, role: login.role });
    }

    const therapistRows = await tx
      .insert(therapists)
      .values([
        {
          clinicId,
          userId: userIds.therapist,
          displayName: "Marcus Bell",
          bio: "Neck, jaw and headache work, and pain after long hours at a screen; 12 years in practice.",
          feedTokenHash: unissuedFeedTokenHash(),
        },
        ...EXTRA_THERAPISTS.map((name) => ({
          clinicId,
          displayName: name,
          bio: DEMO_BIOS[name] ?? "Trigger point therapist.",
          feedTokenHash: unissuedFeedTokenHash(),
        })),
      ])
      .returning();
    const roomRows = await tx
      .insert(rooms)
      .values([
        { clinicId, name: "Cedar room" },
        { clinicId, name: "Sage room" },
      ])
      .returning();
    const serviceRows = await insertStandardServices(tx, clinicId, { prices: true });

    // The standard week (Monday to Friday 09:00-17:00, lunch 12:00-13:00); Sam also works Saturday mornings.
    for (const therapist of therapistRows) await insertStandardWeek(tx, clinicId, therapist.id);
    const sam = therapistRows[2];
    if (sam)
      await tx
        .insert(workingHours)
        .values({ clinicId, therapistId: sam.id, weekday: 6, startTime: "09:00", endTime: "13:00" });

    const clientRows = await tx
      .insert(clients)
      .values([
        {
          clinicId,
          userId: userIds.client,
          firstName: "Jordan",
          lastName: "Lee",
          email: "client@knotwork.test",
          phone: "208-555-0155",
        },
        ...DEMO_CLIENTS.map((c) => ({
          clinicId,
          firstName: c.first,
          lastName: c.last,
          email: c.email,
          phone: c.phone,
        })),
      ])
      .returning();

    await seedDemoIntakes(tx, clinicId, clientRows, now);

    // A fortnight of appointments around today, on working days, in Boise wall-clock time.
    const today = instantToLocal(now.getTime(), DEMO_TIME_ZONE).date;
    const plan: {
      day: number;
      time: string;
      therapist: number;
      room: number;
      service: number;
      client: number;
    }[] = [
      { day: -7, time: "10:00", therapist: 0, room: 0, service: 0, client: 0 },
      { day: -3, time: "14:00", therapist: 0, room: 0, service: 2, client: 0 },
      { day: 0, time: "09:00", therapist: 0, room: 0, service: 2, client: 1 },
      { day: 0, time: "10:30", therapist: 0, room: 1, service: 1, client: 2 },
      { day: 0, time: "13:30", therapist: 1, room: 0, service: 3, client: 3 },
      { day: 0, time: "15:00", therapist: 2, room: 1, service: 2, client: 4 },
      { day: 1, time: "11:00", therapist: 0, room: 0, service: 0, client: 5 },
      { day: 2, time: "09:30", therapist: 1, room: 1, service: 2, client: 1 },
      { day: 4, time: "16:00", therapist: 0, room: 0, service: 2, client: 0 },
      { day: 6, time: "10:00", therapist: 2, room: 1, service: 1, client: 2 },
    ];
    for (const entry of plan) {
      const date = addDays(today, entry.day);
      const service = serviceRows[entry.service];
      const therapist = therapistRows[entry.therapist];
      const room = roomRows[entry.room];
      const client = clientRows[entry.client];
      if (!service || !therapist || !room || !client) continue;
      const startsAt = boiseInstant(date, entry.time);
      const endsAt = new Date(startsAt.getTime() + service.durationMin * 60_000);
      const isPast = endsAt.getTime() < now.getTime();
      const isRequest = entry.service === 0 && !isPast;
      await tx.insert(appointments).values({
        clinicId,
        clientId: client.id,
        therapistId: therapist.id,
        roomId: room.id,
        serviceId: service.id,
        status: isPast ? "completed" : isRequest ? "requested" : "confirmed",
        source: entry.client % 2 === 0 ? "online" : "phone",
        startsAt,
        endsAt,
        blocksFrom: new Date(startsAt.getTime() - service.bufferBeforeMin * 60_000),
        blocksUntil: new Date(endsAt.getTime() + service.bufferAfterMin * 60_000),
        firstVisit: entry.service === 0,
        requestExpiresAt: isRequest ? new Date(now.getTime() + 48 * 3_600_000) : null,
      });
    }
    await seedDemoCharting(tx, clinicId, today, DEMO_TIME_ZONE);
    await seedDemoPlans(tx as unknown as Db, clinicId, now);
    await seedDemoMessages(tx, clinicId, now);
    if (history)
      await seedDemoHistory(tx, {
        clinicId,
        timeZone: DEMO_TIME_ZONE,
        therapistIds: therapistRows.map((t) => t.id),
        roomIds: roomRows.map((r) => r.id),
        services: serviceRows,
        now,
      });
  });
  return { created: true };
}
