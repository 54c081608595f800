/**
 * Six months of the demo clinic's past (docs/decisions/0021-reports.md), so that every report has a
 * trend to show: a practice that grows, regulars and one-off visitors, a few no-shows and late
 * cancellations, charted sessions whose pain eases, treatment plans and waitlist offers.
 *
 * Deterministic (a seeded generator, dates relative to `now`) and written with a handful of
 * multi-row inserts, so it adds well under a second to the first start. Everything lies at least
 * eight days back: past statuses do not hold their slot, and the fortnight that demo.ts lays out
 * around today stays as it is.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { instantToLocal, localToInstant } from "../../core/scheduling";
import type { Db } from "../db/connect";
import type {
  appointments,
  clients,
  treatmentPlans,
  treatmentSessions,
  triggerPointRecords,
  waitlistEntries,
} from "../db/schema";

type Inserter = Pick<Db, "execute">;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Many rows in one statement with ONE parameter: the rows as JSON, unpacked by
 * `json_populate_recordset`. Binding thousands of parameters costs PGlite far more than the insert.
 * Columns left out of every row get their defaults.
 */
async function insertJson(db: Inserter, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map(snake);
  const json = JSON.stringify(
    rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [snake(key), value]))),
  );
  const list = sql.raw(columns.map((c) => `"${c}"`).join(", "));
  await db.execute(
    sql`INSERT INTO ${sql.raw(`"${table}"`)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${sql.raw(`"${table}"`)}, ${json}::json)`,
  );
}

export interface DemoHistoryInput {
  clinicId: string;
  timeZone: string;
  therapistIds: readonly string[];
  roomIds: readonly string[];
  /** The standard services in order: first visit, 30, 60, 90 minutes. */
  services: readonly { id: string; durationMin: number }[];
  now: Date;
}

const WEEKS = 22;
const SLOTS = ["09:00", "11:00", "14:00", "15:30"];
const FIRST_NAMES = [
  "Avery",
  "Blake",
  "Casey",
  "Devon",
  "Emery",
  "Finley",
  "Gray",
  "Harper",
  "Indy",
  "Jules",
  "Kai",
  "Logan",
  "Milan",
  "Noor",
  "Oakley",
  "Parker",
  "Quinn",
  "Reese",
  "Sage",
  "Tatum",
  "Uma",
  "Vale",
  "Wren",
  "Yael",
];
const LAST_NAMES = [
  "Alvarez",
  "Brooks",
  "Chen",
  "Dubois",
  "Evans",
  "Fontaine",
  "Garcia",
  "Haddad",
  "Ito",
  "Jensen",
];
/** Each client comes with one complaint: a region and the muscles usually treated for it. */
const COMPLAINTS = [
  ["upper-trapezius", "levator-scapulae", "suboccipitals"],
  ["quadratus-lumborum", "iliopsoas", "multifidi"],
  ["infraspinatus", "supraspinatus", "teres-minor"],
  ["gluteus-medius", "piriformis", "gluteus-minimus"],
  ["temporalis", "masseter", "lateral-pterygoid"],
];

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface HistoryClient {
  id: string;
  complaint: readonly string[];
  visits: number;
  pain: number;
  /** Visits this client will come for before stopping (regulars come back, one-offs do not). */
  plannedVisits: number;
  lastVisitDay: number;
}

export async function seedDemoHistory(db: Inserter, input: DemoHistoryInput): Promise<void> {
  const random = seeded(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const { clinicId, timeZone } = input;
  const today = instantToLocal(input.now.getTime(), timeZone).date;
  const at = (date: string, time: string) => {
    const result = localToInstant(date, time, timeZone);
    return result.ok ? result.instant : Date.parse(`${date}T${time}:00Z`);
  };

  const clientRows: (typeof clients.$inferInsert)[] = [];
  const appointmentRows: (typeof appointments.$inferInsert)[] = [];
  const sessionRows: (typeof treatmentSessions.$inferInsert)[] = [];
  const recordRows: (typeof triggerPointRecords.$inferInsert)[] = [];
  const planRows: (typeof treatmentPlans.$inferInsert)[] = [];
  const waitlistRows: (typeof waitlistEntries.$inferInsert)[] = [];
  const roster: HistoryClient[] = [];

  function newClient(day: number): HistoryClient {
    const n = clientRows.length;
    const first = FIRST_NAMES[n % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length] as string;
    const id = randomUUID();
    clientRows.push({
      id,
      clinicId,
      firstName: first,
      lastName: `${last}${n >= 240 ? ` ${n}` : ""}`,
      email: null,
    });
    const client: HistoryClient = {
      id,
      complaint: pick(COMPLAINTS),
      visits: 0,
      pain: 5 + Math.floor(random() * 4),
      plannedVisits: random() < 0.3 ? 1 : 3 + Math.floor(random() * 6),
      lastVisitDay: day,
    };
    roster.push(client);
    return client;
  }

  const firstDay = -WEEKS * 7;
  for (let day = firstDay; day <= -8; day++) {
    const date = addDays(today, day);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // The diary fills up over the months: from about half the slots to about four in five.
    const fill = 0.45 + 0.35 * ((day - firstDay) / -firstDay);
    input.therapistIds.forEach((therapistId, t) => {
      for (const time of SLOTS) {
        if (random() > fill) continue;
        const waiting = roster.filter((c) => c.visits < c.plannedVisits && day - c.lastVisitDay >= 7);
        const isNew = waiting.length === 0 || random() < 0.18;
        const client = isNew ? newClient(day) : pick(waiting);
        const service = isNew ? input.services[0] : pick(input.services.slice(1));
        if (!service) continue;
        const startsAt = at(date, time);
        const endsAt = startsAt + service.durationMin * 60_000;
        const roll = random();
        const status =
          roll < 0.05
            ? "no_show"
            : roll < 0.1
              ? "cancelled"
              : roll < 0.12 && isNew
                ? "declined"
                : "completed";
        const createdAt = startsAt - (2 + Math.floor(random() * 12)) * 86_400_000;
        // Half the cancellations come the evening before (late: inside the 24-hour window).
        const updatedAt =
          status === "cancelled" ? startsAt - (random() < 0.5 ? 14 : 72) * 3_600_000 : createdAt;
        const id = randomUUID();
        appointmentRows.push({
          id,
          clinicId,
          clientId: client.id,
          therapistId,
          roomId: input.roomIds[t % input.roomIds.length] ?? null,
          serviceId: service.id,
          status,
          source: pick(["online", "online", "phone", "staff"] as const),
          startsAt: new Date(startsAt),
          endsAt: new Date(endsAt),
          blocksFrom: new Date(startsAt),
          blocksUntil: new Date(endsAt),
          firstVisit: isNew,
          requestExpiresAt: isNew ? new Date(createdAt + 48 * 3_600_000) : null,
          createdAt: new Date(createdAt),
          updatedAt: new Date(updatedAt),
        });
        if (status === "declined") {
          client.plannedVisits = 0;
          continue;
        }
        if (status !== "completed") continue;
        client.visits++;
        client.lastVisitDay = day;
        if (client.visits === 1 && client.plannedVisits > 1) {
          planRows.push({
            clinicId,
            clientId: client.id,
            plannedSessions: Math.max(2, client.plannedVisits - (random() < 0.3 ? -2 : 0)),
            maintenanceIntervalWeeks: random() < 0.4 ? 4 : null,
            details: { goals: ["Less pain in daily activities"] },
            createdAt: new Date(startsAt + 50 * 60_000),
          });
        }
        const sessionId = randomUUID();
        const painBefore = Math.max(1, Math.min(10, Math.round(client.pain + (random() - 0.5) * 2)));
        sessionRows.push({
          id: sessionId,
          clinicId,
          appointmentId: id,
          clientId: client.id,
          therapistId,
          subjective: "Demo history session.",
          painBefore,
          painAfter: Math.max(0, painBefore - 2),
          createdAt: new Date(startsAt),
          updatedAt: new Date(endsAt),
        });
        for (const muscleId of client.complaint.slice(0, 1 + Math.floor(random() * 2))) {
          recordRows.push({ clinicId, sessionId, muscleId, createdAt: new Date(startsAt) });
        }
        client.pain = Math.max(1, client.pain - 0.6 - random() * 0.6);
      }
    });
    // Now and then a client asks to be told of an earlier slot; most offers are taken.
    if (random() < 0.25 && roster.length > 0 && input.services[2]) {
      const client = pick(roster);
      const createdAt = at(date, "08:00");
      const offered = random() < 0.7;
      waitlistRows.push({
        clinicId,
        clientId: client.id,
        serviceId: input.services[2].id,
        therapistId: random() < 0.5 ? pick(input.therapistIds) : null,
        earliest: new Date(createdAt),
        latest: new Date(createdAt + 14 * 86_400_000),
        createdAt: new Date(createdAt),
        notifiedAt: offered ? new Date(createdAt + 30 * 3_600_000) : null,
      });
      // Most offers are taken: the client books the freed slot a couple of hours after the e-mail.
      if (offered && random() < 0.6) {
        const startsAt = at(addDays(date, 3), "17:00");
        const bookedAt = createdAt + 32 * 3_600_000;
        appointmentRows.push({
          id: randomUUID(),
          clinicId,
          clientId: client.id,
          therapistId: pick(input.therapistIds),
          roomId: null,
          serviceId: input.services[2].id,
          status: "completed",
          source: "online",
          startsAt: new Date(startsAt),
          endsAt: new Date(startsAt + input.services[2].durationMin * 60_000),
          blocksFrom: new Date(startsAt),
          blocksUntil: new Date(startsAt + input.services[2].durationMin * 60_000),
          firstVisit: false,
          requestExpiresAt: null,
          createdAt: new Date(bookedAt),
          updatedAt: new Date(bookedAt),
        });
      }
    }
  }

  await insertJson(db, "clients", clientRows);
  await insertJson(db, "appointments", appointmentRows);
  await insertJson(db, "treatment_sessions", sessionRows);
  await insertJson(db, "trigger_point_records", recordRows);
  // Signed after their points are in (the database refuses points on a signed note), when they ended.
  await db.execute(
    sql`UPDATE treatment_sessions SET signed_at = updated_at WHERE clinic_id = ${clinicId} AND signed_at IS NULL AND subjective = 'Demo history session.'`,
  );
  await insertJson(db, "treatment_plans", planRows);
  await insertJson(db, "waitlist_entries", waitlistRows);
}
