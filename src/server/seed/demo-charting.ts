/**
 * Demo charts (docs/product.md F6, F12): consultations and signed sessions with trigger points for
 * several clients of the demo clinic, one amended, one left unsigned past the clinic's limit, so
 * every chart screen shows something real. The demo client (Jordan Lee) gets their two past visits
 * charted and signed. Called once from seedDemoClinic, inside its transaction.
 */
import { and, asc, eq } from "drizzle-orm";
import type { AmendmentChanges, Consultation, NoteContent, TriggerPoint } from "../../core/charting";
import { localToInstant } from "../../core/scheduling";
import type { Db } from "../db/connect";
import {
  appointments,
  clients,
  memberships,
  noteAmendments,
  services,
  therapists,
  treatmentSessions,
  triggerPointRecords,
} from "../db/schema";

type PointSpec = Partial<TriggerPoint> & Pick<TriggerPoint, "muscleId">;

interface ChartSpec {
  kind: "consultation" | "session";
  note: Partial<NoteContent>;
  points: PointSpec[];
  signed: boolean;
  /** `changes` is given the points as inserted, so an amendment can name one by id. */
  amendment?: { reason: string; changes: (points: TriggerPoint[]) => AmendmentChanges; afterHours: number };
}

function point(spec: PointSpec, i: number): TriggerPoint {
  return {
    id: crypto.randomUUID(),
    side: null,
    regionId: null,
    mapView: "back",
    mapX: 500,
    mapY: 200 + i * 40,
    active: true,
    pressure: "strong",
    comfort: 6,
    holdSeconds: 30,
    twitch: false,
    referralReproduced: [],
    release: "partial",
    stretchApplied: null,
    ...spec,
  };
}

const NECK_CONSULTATION: Consultation = {
  posture: [
    { id: "forward-head", side: null, note: "" },
    { id: "rounded-shoulders", side: null, note: "" },
    { id: "elevated-shoulder", side: "left", note: "Mouse arm side." },
  ],
  movement: [
    {
      testId: "cervical-rotation",
      side: "left",
      degrees: 50,
      painOnMovement: true,
      pain: 5,
      note: "Pulls at the end.",
    },
    { testId: "cervical-rotation", side: "right", degrees: 65, painOnMovement: false, pain: null, note: "" },
    {
      testId: "cervical-side-bend",
      side: "right",
      degrees: 30,
      painOnMovement: true,
      pain: 4,
      note: "Left side tight.",
    },
    { testId: "shoulder-abduction", side: "left", degrees: 170, painOnMovement: false, pain: null, note: "" },
  ],
  note: "Desk work 8 h a day; headaches behind the left eye most afternoons.",
};

function neckPoints(release: "full" | "partial"): PointSpec[] {
  return [
    {
      muscleId: "upper-trapezius",
      side: "left",
      regionId: "neck-posterior-left",
      mapX: 450,
      mapY: 182,
      twitch: true,
      referralReproduced: ["temple-left"],
      release,
      stretchApplied: "Ear towards the right shoulder, left hand under the seat.",
    },
    { muscleId: "levator-scapulae", side: "left", regionId: "neck-posterior-left", mapX: 462, mapY: 150 },
    {
      muscleId: "suboccipitals",
      side: "left",
      regionId: "neck-posterior-left",
      mapX: 482,
      mapY: 118,
      active: false,
      pressure: "gentle",
      comfort: 4,
    },
  ];
}

const JORDAN: ChartSpec[] = [
  {
    kind: "consultation",
    note: {
      subjective: "Left-sided headaches for four months, worse after long days at the computer.",
      objective: "Forward head, left shoulder elevated. Neck rotation to the left limited and painful.",
      assessment: "Findings fit upper trapezius and levator scapulae trigger points on the left.",
      plan: "Three sessions a week apart, then review. Desk set-up advice given.",
      painBefore: 6,
      painAfter: 3,
      consultation: NECK_CONSULTATION,
      clientNote: "Take a short break every hour: roll the shoulders back and look away from the screen.",
    },
    points: neckPoints("partial"),
    signed: true,
    amendment: {
      reason: "Pain after was recorded before the client stood up; they reported 4, not 3.",
      changes: () => ({ note: { painAfter: 4 } }),
      afterHours: 20,
    },
  },
  {
    kind: "session",
    note: {
      subjective: "Headaches down to two a week. Neck stiff in the mornings.",
      objective: "Rotation left improved (60°). Upper trapezius point less tender.",
      assessment: "Improving; levator still active.",
      plan: "Continue; add the doorway stretch for the chest.",
      painBefore: 5,
      painAfter: 2,
      clientNote: "Keep the neck stretch twice a day and try the doorway chest stretch after work.",
    },
    points: [
      ...neckPoints("full"),
      {
        muscleId: "pectoralis-minor",
        side: "left",
        regionId: "chest-upper-left",
        mapView: "front",
        mapX: 640,
        mapY: 205,
      },
    ],
    signed: true,
  },
];

const OTHERS: ChartSpec[][] = [
  // Rita: low back.
  [
    {
      kind: "consultation",
      note: {
        subjective: "Low back ache on the right after gardening; worse getting out of the car.",
        objective: "Hip hike on the right. Trunk side bend to the left limited.",
        assessment: "Quadratus lumborum and gluteus medius trigger points likely.",
        plan: "Four sessions, weekly.",
        painBefore: 7,
        painAfter: 5,
        consultation: {
          posture: [{ id: "lateral-pelvic-tilt", side: "right", note: "" }],
          movement: [
            {
              testId: "lumbar-side-bend",
              side: "left",
              degrees: 20,
              painOnMovement: true,
              pain: 6,
              note: "",
            },
            { testId: "lumbar-flexion", side: null, degrees: 60, painOnMovement: true, pain: 5, note: "" },
          ],
          note: "",
        },
      },
      points: [
        {
          muscleId: "quadratus-lumborum",
          side: "right",
          regionId: "back-low-right",
          mapX: 600,
          mapY: 410,
          twitch: true,
        },
        { muscleId: "gluteus-medius", side: "right", regionId: "buttock-right", mapX: 610, mapY: 470 },
      ],
      signed: true,
    },
    {
      kind: "session",
      note: {
        subjective: "Better for three days after last time.",
        painBefore: 5,
        painAfter: 2,
        plan: "Continue weekly.",
      },
      points: [
        {
          muscleId: "quadratus-lumborum",
          side: "right",
          regionId: "back-low-right",
          mapX: 600,
          mapY: 410,
          release: "full",
        },
        {
          muscleId: "gluteus-medius",
          side: "right",
          regionId: "buttock-right",
          mapX: 610,
          mapY: 470,
          release: "full",
        },
      ],
      signed: true,
    },
  ],
  // Ben: shoulder, with an amendment.
  [
    {
      kind: "consultation",
      note: {
        subjective: "Ache deep in the front of the right shoulder when reaching up; tennis twice a week.",
        objective: "Shoulder flexion 160° on the right, painful arc.",
        assessment: "Infraspinatus trigger points refer to the front of the shoulder.",
        plan: "Three sessions; self-massage with a ball against the wall.",
        painBefore: 5,
        painAfter: 3,
        consultation: {
          posture: [{ id: "rounded-shoulders", side: null, note: "" }],
          movement: [
            {
              testId: "shoulder-flexion",
              side: "right",
              degrees: 160,
              painOnMovement: true,
              pain: 4,
              note: "",
            },
            {
              testId: "shoulder-internal-rotation",
              side: "right",
              degrees: 50,
              painOnMovement: true,
              pain: 3,
              note: "",
            },
          ],
          note: "",
        },
      },
      points: [
        {
          muscleId: "infraspinatus",
          side: "right",
          regionId: "scapula-right",
          mapX: 655,
          mapY: 262,
          referralReproduced: ["shoulder-anterior-right"],
        },
        {
          muscleId: "supraspinatus",
          side: "right",
          regionId: "scapula-right",
          mapX: 665,
          mapY: 230,
          active: false,
        },
      ],
      signed: true,
      amendment: {
        reason: "The second point was teres minor, not supraspinatus (checked against the atlas).",
        changes: (points) => ({
          points: points[1] ? [{ id: points[1].id, set: { muscleId: "teres-minor" } }] : [],
        }),
        afterHours: 2,
      },
    },
  ],
  // Hannah: a chart left unsigned past the limit (it shows on the unsigned list).
  [
    {
      kind: "session",
      note: { subjective: "Calf cramps at night.", painBefore: 4 },
      points: [{ muscleId: "gastrocnemius", side: "left", regionId: "calf-left", mapX: 400, mapY: 790 }],
      signed: false,
    },
  ],
];

/** Days before today (and times) of the past visits added for the other clients. */
const OTHER_VISITS = [
  [
    { day: -24, time: "10:00" },
    { day: -17, time: "10:00" },
  ],
  [{ day: -14, time: "14:00" }],
  [{ day: -2, time: "11:30" }],
];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const HOUR = 3_600_000;

async function insertChart(
  db: Db,
  clinicId: string,
  visit: { id: string; clientId: string; therapistId: string; endsAt: Date },
  spec: ChartSpec,
  signerId: string,
): Promise<void> {
  const at = visit.endsAt;
  const note = { subjective: "", objective: "", assessment: "", plan: "", clientNote: "", ...spec.note };
  const [session] = await db
    .insert(treatmentSessions)
    .values({
      clinicId,
      appointmentId: visit.id,
      clientId: visit.clientId,
      therapistId: visit.therapistId,
      kind: spec.kind,
      subjective: note.subjective,
      objective: note.objective,
      assessment: note.assessment,
      plan: note.plan,
      painBefore: note.painBefore ?? null,
      painAfter: note.painAfter ?? null,
      consultation: note.consultation ?? null,
      clientNote: note.clientNote,
      version: 3,
      createdAt: new Date(at.getTime() - HOUR),
      updatedAt: at,
    })
    .returning({ id: treatmentSessions.id });
  if (!session) throw new Error("session insert returned nothing");
  const points = spec.points.map(point);
  await db.insert(triggerPointRecords).values(
    points.map((p, ordinal) => ({
      ...p,
      clinicId,
      sessionId: session.id,
      ordinal,
      createdAt: new Date(at.getTime() - HOUR + ordinal * 60_000),
    })),
  );
  if (!spec.signed) return;
  // Signed as the last step: the sign-lock trigger refuses anything after this.
  await db
    .update(treatmentSessions)
    .set({ signedAt: at, signedBy: signerId, version: 4 })
    .where(eq(treatmentSessions.id, session.id));
  if (spec.amendment) {
    await db.insert(noteAmendments).values({
      clinicId,
      sessionId: session.id,
      authorId: signerId,
      reason: spec.amendment.reason,
      changes: spec.amendment.changes(points),
      createdAt: new Date(at.getTime() + spec.amendment.afterHours * HOUR),
    });
  }
}

export async function seedDemoCharting(
  db: Db,
  clinicId: string,
  today: string,
  timeZone: string,
): Promise<void> {
  const therapistRows = await db
    .select({ id: therapists.id, userId: therapists.userId })
    .from(therapists)
    .where(eq(therapists.clinicId, clinicId))
    .orderBy(asc(therapists.createdAt), asc(therapists.displayName));
  const [owner] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.clinicId, clinicId), eq(memberships.role, "owner")));
  const clientRows = await db
    .select({ id: clients.id, email: clients.email })
    .from(clients)
    .where(eq(clients.clinicId, clinicId))
    .orderBy(asc(clients.createdAt), asc(clients.lastName));
  const serviceRows = await db.select().from(services).where(eq(services.clinicId, clinicId));
  const consultation = serviceRows.find((s) => s.kind === "consultation");
  const session = serviceRows.find((s) => s.kind === "session" && s.durationMin === 60) ?? serviceRows[1];
  const marcus = therapistRows.find((t) => t.userId !== null) ?? therapistRows[0];
  if (!owner || !consultation || !session || !marcus) return;
  const signerFor = (therapist: { userId: string | null }) => therapist.userId ?? owner.userId;

  // Jordan's past visits, already seeded as completed appointments.
  const jordan = clientRows.find((c) => c.email === "client@knotwork.test");
  if (jordan) {
    const visits = await db
      .select({
        id: appointments.id,
        clientId: appointments.clientId,
        therapistId: appointments.therapistId,
        endsAt: appointments.endsAt,
      })
      .from(appointments)
      .where(
        and(
          eq(appointments.clinicId, clinicId),
          eq(appointments.clientId, jordan.id),
          eq(appointments.status, "completed"),
        ),
      )
      .orderBy(asc(appointments.startsAt));
    for (const [i, spec] of JORDAN.entries()) {
      const visit = visits[i];
      const therapist = therapistRows.find((t) => t.id === visit?.therapistId);
      if (visit && therapist) await insertChart(db, clinicId, visit, spec, signerFor(therapist));
    }
  }

  // Other clients: past visits made here, each with a different therapist.
  // Named, not by position: the other demo clients (Tom, Alex) stay as the first wave left them
  // (Tom's only visit is a request, which the browser tests rely on).
  const others = ["rita.gomez@example.com", "ben.carter@example.com", "hannah.kim@example.com"].map((email) =>
    clientRows.find((c) => c.email === email),
  );
  for (const [n, specs] of OTHERS.entries()) {
    const client = others[n];
    const therapist = n === 2 ? marcus : (therapistRows[(n + 1) % therapistRows.length] ?? marcus);
    if (!client) continue;
    for (const [i, spec] of specs.entries()) {
      const when = OTHER_VISITS[n]?.[i];
      if (!when) continue;
      const service = spec.kind === "consultation" ? consultation : session;
      const local = localToInstant(addDays(today, when.day), when.time, timeZone);
      if (!local.ok) continue;
      const startsAt = new Date(local.instant);
      const endsAt = new Date(startsAt.getTime() + service.durationMin * 60_000);
      const [visit] = await db
        .insert(appointments)
        .values({
          clinicId,
          clientId: client.id,
          therapistId: therapist.id,
          serviceId: service.id,
          status: "completed",
          source: "phone",
          startsAt,
          endsAt,
          blocksFrom: startsAt,
          blocksUntil: endsAt,
          firstVisit: spec.kind === "consultation",
        })
        .returning({
          id: appointments.id,
          clientId: appointments.clientId,
          therapistId: appointments.therapistId,
          endsAt: appointments.endsAt,
        });
      if (visit) await insertChart(db, clinicId, visit, spec, signerFor(therapist));
    }
  }
}
