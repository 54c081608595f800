/**
 * Intake and screening API (docs/product.md F5).
 * - The client's own intake: read, autosave the working copy, submit (which screens it).
 * - The owner and therapists: entering a client's intake for them (a phone client), through the same
 *   store and screening as the client's own routes; every write audited as `enter-for-client`.
 * - Staff: a client's intake with screening, pain, the finder's ranking and consent (every read audited),
 *   recording a doctor's clearance for a hold, and the flags lists show beside a client's name.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParamsSchema } from "../../core/api/clinic";
import {
  ClearanceRecordSchema,
  ClearanceRequestSchema,
  ClientFlagsSchema,
  FlagsQuerySchema,
  IntakeDraftSchema,
  IntakeSubmissionSchema,
  IntakeVersionQuerySchema,
  type MyIntake,
  MyIntakeSchema,
  SavedDraftSchema,
  type StaffIntake,
  StaffIntakeSchema,
  withoutUnaskedAnswers,
} from "../../core/api/intake";
import { rankMuscles } from "../../core/finder";
import {
  classifyChronicity,
  type IntakeDraft,
  type IntakeSubmission,
  missingIntakeFields,
} from "../../core/intake";
import { instantToLocal } from "../../core/scheduling";
import { canConfirmFirstVisit } from "../../core/screening";
import { type AuditAction, recordAudit } from "../audit/audit";
import { CLINICAL, ownClientId, type Scope, STAFF, scopeOf } from "../auth/access";
import { consentStatus } from "../consent/store";
import type { Db } from "../db/connect";
import { clearances } from "../db/schema";
import { badRequest, notFound } from "../http/errors";
import { enteredByStaff, STAFF_ENTRY } from "./entered-by";
import {
  hasPendingChanges,
  loadClientScreeningFacts,
  loadSubmittedIntake,
  loadSubmittedVersions,
  type ScreeningFacts,
  staffScreeningOf,
} from "./facts";
import { clientScreening, flagsOf } from "./findings";
import { auditFlagsShown, loadScreeningFlags } from "./flags";
import { readinessFrom } from "./readiness";
import { existingClients, saveDraft, submitIntake, usedAtVisit } from "./store";

const CLIENT_ONLY = ["client"] as const;
const MAX_FLAG_CLIENTS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function intakeStatus(facts: ScreeningFacts): MyIntake["status"] {
  if (facts.submitted) return hasPendingChanges(facts) ? "changed" : "submitted";
  return hasPendingChanges(facts) ? "draft" : "not-started";
}

async function myIntake(db: Db, clinicId: string, clientId: string, now: Date): Promise<MyIntake> {
  const facts = await loadClientScreeningFacts(db, clinicId, clientId);
  const { submitted, draft } = facts;
  const answers: IntakeDraft = draft?.answers ?? submitted?.answers ?? {};
  const editable = !submitted || !(await usedAtVisit(db, clinicId, clientId, submitted, now));
  const clearedIds = new Set(facts.clearances.map((c) => c.findingId));
  return {
    status: intakeStatus(facts),
    answers,
    savedAt: draft?.updatedAt.toISOString() ?? null,
    missing: missingIntakeFields(answers),
    submitted: submitted
      ? {
          version: submitted.version,
          submittedAt: submitted.submittedAt.toISOString(),
          screening: clientScreening(submitted.screening, clearedIds),
        }
      : null,
    editable,
  };
}

function chronicityOf(answers: IntakeDraft): "recent" | "chronic" | null {
  const duration = answers.duration;
  if (duration?.amount === undefined || duration.unit === undefined) return null;
  return classifyChronicity({ amount: duration.amount, unit: duration.unit });
}

/**
 * The consent tells clients that only the staff caring for them read their health questionnaire:
 * the owner and therapists. The front desk works from flags and readiness.
 */
function readsAnswers(scope: Scope): boolean {
  return CLINICAL.includes(scope.role as (typeof CLINICAL)[number]);
}

function auditEntry(scope: Scope, request: { ip: string }) {
  return { clinicId: scope.clinicId, actorUserId: scope.userId, actorRole: scope.role, ip: request.ip };
}

/** Saves a client's working copy (their own, or staff entering it for them) and says where it stands. */
async function saveAndDescribe(db: Db, clinicId: string, clientId: string, answers: IntakeDraft) {
  const savedAt = await saveDraft(db, clinicId, clientId, answers, new Date());
  const facts = await loadClientScreeningFacts(db, clinicId, clientId);
  return {
    savedAt: savedAt.toISOString(),
    missing: missingIntakeFields(answers),
    status: intakeStatus(facts),
  };
}

/**
 * Screens and stores a client's intake (their own, or staff entering it for them), audits the write
 * as `action` (by default whether it created or updated a version), and answers the client's view.
 */
async function submitAndAudit(
  db: Db,
  scope: Scope,
  request: { ip: string },
  clientId: string,
  body: IntakeSubmission,
  action?: AuditAction,
): Promise<MyIntake> {
  const now = new Date();
  const result = await submitIntake(db, scope.clinicId, clientId, withoutUnaskedAnswers(body), now);
  await recordAudit(db, {
    ...auditEntry(scope, request),
    action: action ?? (result.change === "created" ? "create" : "update"),
    entity: "intake",
    entityId: result.id,
    clientId,
  });
  return myIntake(db, scope.clinicId, clientId, now);
}

export const intakeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  // ---- The client's own intake.

  app.get(
    "/me/intake",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["intake"],
        summary: "Your intake: the working copy, what is still missing, and the result of what you submitted",
        response: { 200: MyIntakeSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return myIntake(db, scope.clinicId, ownClientId(scope), new Date());
    },
  );

  app.put(
    "/me/intake/draft",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["intake"],
        summary: "Save your intake as you go (the whole working copy; every field optional)",
        description:
          "Answers that are present must be valid: an invalid one is a 400 naming its field, and nothing is saved, so the last valid copy stays.",
        body: IntakeDraftSchema,
        response: { 200: SavedDraftSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return saveAndDescribe(db, scope.clinicId, ownClientId(scope), request.body);
    },
  );

  app.post(
    "/me/intake/submit",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["intake"],
        summary: "Submit your intake; it is screened and the result returned",
        description:
          "Until a visit has used the current version, submitting changes updates it; after a visit they become the next version. Answers to questions no longer asked (e.g. weeks of pregnancy after 'no') are left out.",
        body: IntakeSubmissionSchema,
        response: { 200: MyIntakeSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return submitAndAudit(db, scope, request, ownClientId(scope), request.body);
    },
  );

  // ---- Staff.

  app.get(
    "/clients/:id/intake",
    {
      config: { access: STAFF },
      schema: {
        tags: ["intake"],
        summary:
          "A client's intake, screening, consent and the finder's ranking for the marked regions (audited)",
        params: IdParamsSchema,
        querystring: IntakeVersionQuerySchema,
        response: { 200: StaffIntakeSchema },
      },
    },
    async (request): Promise<StaffIntake> => {
      const scope = scopeOf(request);
      const clientId = request.params.id;
      const [client] = await existingClients(db, scope.clinicId, [clientId]);
      if (!client) throw notFound("Client not found.");
      const [facts, consent, versions] = await Promise.all([
        loadClientScreeningFacts(db, scope.clinicId, clientId),
        consentStatus(db, scope.clinicId, clientId),
        loadSubmittedVersions(db, scope.clinicId, clientId),
      ]);
      const asked = request.query.version;
      const intake =
        asked === undefined || asked === facts.submitted?.version
          ? facts.submitted
          : await loadSubmittedIntake(db, scope.clinicId, clientId, asked);
      if (asked !== undefined && !intake) throw notFound("There is no such version of this intake.");
      const screening = staffScreeningOf(facts);
      const staffEntry = intake ? await enteredByStaff(db, scope.clinicId, intake.id) : null;
      const readiness = readinessFrom(facts, consent);
      const decision = canConfirmFirstVisit(readiness);
      await recordAudit(db, {
        ...auditEntry(scope, request),
        action: "read",
        entity: "intake",
        entityId: intake?.id ?? null,
        clientId,
      });
      const summary = {
        client: { id: client.id, name: `${client.firstName} ${client.lastName}` },
        versions,
        draft: facts.draft
          ? {
              savedAt: facts.draft.updatedAt.toISOString(),
              missing: missingIntakeFields(facts.draft.answers),
              hasChanges: hasPendingChanges(facts),
            }
          : null,
        screening,
        flags: flagsOf(screening),
        clearances: facts.clearances,
        consent,
        firstVisit: decision.ok ? { ok: true, reasons: [] } : { ok: false, reasons: decision.reasons },
        enteredByStaff: staffEntry,
      };
      if (!readsAnswers(scope)) {
        return {
          ...summary,
          audience: "desk",
          intake: intake ? { version: intake.version, submittedAt: intake.submittedAt.toISOString() } : null,
        };
      }
      return {
        ...summary,
        audience: "clinical",
        intake: intake
          ? {
              version: intake.version,
              submittedAt: intake.submittedAt.toISOString(),
              answers: intake.answers,
              chronicity: chronicityOf(intake.answers),
            }
          : null,
        finder: rankMuscles(intake?.answers.areasOfConcern ?? [], { limit: 10 }),
      };
    },
  );

  // ---- The owner and therapists entering a client's intake for them (a phone client).
  // The front desk does not read the answers (see readsAnswers), so it cannot write them either.
  // Consent is not part of this: signing it stays the client's own act.

  /** The client of this clinic, or 404 (another clinic's client is not there at all). */
  async function clinicClient(scope: Scope, clientId: string) {
    const [client] = await existingClients(db, scope.clinicId, [clientId]);
    if (!client) throw notFound("Client not found.");
    return client;
  }

  app.get(
    "/clients/:id/intake/draft",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["intake"],
        summary:
          "A client's intake as a form to fill in for them (owner and therapists; audited read): the working copy, what is missing, the submitted result",
        params: IdParamsSchema,
        response: { 200: MyIntakeSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clientId = (await clinicClient(scope, request.params.id)).id;
      const answer = await myIntake(db, scope.clinicId, clientId, new Date());
      await recordAudit(db, {
        ...auditEntry(scope, request),
        action: "read",
        entity: "intake",
        entityId: null,
        clientId,
      });
      return answer;
    },
  );

  app.put(
    "/clients/:id/intake/draft",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["intake"],
        summary: "Save a client's intake as staff fill it in for them (by phone); audited",
        description:
          "The same working copy and validation as the client's own `PUT /me/intake/draft`: an invalid answer is a 400 naming its field, and nothing is saved.",
        params: IdParamsSchema,
        body: IntakeDraftSchema,
        response: { 200: SavedDraftSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clientId = (await clinicClient(scope, request.params.id)).id;
      const saved = await saveAndDescribe(db, scope.clinicId, clientId, request.body);
      await recordAudit(db, {
        ...auditEntry(scope, request),
        action: STAFF_ENTRY,
        entity: "intake",
        entityId: null,
        clientId,
      });
      return saved;
    },
  );

  app.post(
    "/clients/:id/intake/submit",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["intake"],
        summary: "Submit a client's intake for them (by phone); screened as when the client submits; audited",
        description:
          "As the client's own `POST /me/intake/submit`: the same validation and screening (holds and red flags apply alike), and the same versions (the current version is updated until a visit used it, then a new one starts). Consent is not signed here: that stays the client's own act.",
        params: IdParamsSchema,
        body: IntakeSubmissionSchema,
        response: { 200: MyIntakeSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clientId = (await clinicClient(scope, request.params.id)).id;
      return submitAndAudit(db, scope, request, clientId, request.body, STAFF_ENTRY);
    },
  );

  app.post(
    "/clients/:id/clearances",
    {
      config: { access: STAFF },
      schema: {
        tags: ["intake"],
        summary:
          "Record a doctor's clearance for one of a client's holds (who cleared it, when, a note; audited)",
        params: IdParamsSchema,
        body: ClearanceRequestSchema,
        response: { 201: ClearanceRecordSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const clientId = request.params.id;
      const body = request.body;
      const [client] = await existingClients(db, scope.clinicId, [clientId]);
      if (!client) throw notFound("Client not found.");
      const facts = await loadClientScreeningFacts(db, scope.clinicId, clientId);
      if (!staffScreeningOf(facts).holds.some((hold) => hold.id === body.findingId)) {
        throw badRequest("no_such_hold", "This client has no such hold to clear.", "findingId");
      }
      const now = new Date();
      const today = instantToLocal(now.getTime(), scope.timeZone).date;
      if (body.clearedOn > today) {
        throw badRequest("invalid_request", "The clearance date can't be in the future.", "clearedOn");
      }
      const [row] = await db
        .insert(clearances)
        .values({
          clinicId: scope.clinicId,
          clientId,
          findingId: body.findingId,
          clearedBy: body.clearedBy,
          clearedOn: body.clearedOn,
          note: body.note,
          recordedBy: scope.userId,
          createdAt: now,
        })
        .returning();
      if (!row) throw new Error("clearance insert returned nothing");
      await recordAudit(db, {
        ...auditEntry(scope, request),
        action: "create",
        entity: "clearance",
        entityId: row.id,
        clientId,
      });
      const recorded = (await loadClientScreeningFacts(db, scope.clinicId, clientId)).clearances.find(
        (c) => c.id === row.id,
      );
      reply.status(201);
      return (
        recorded ?? {
          id: row.id,
          findingId: row.findingId,
          clearedBy: row.clearedBy,
          clearedOn: row.clearedOn,
          note: row.note,
          recordedBy: null,
          recordedAt: row.createdAt.toISOString(),
        }
      );
    },
  );

  app.get(
    "/screening/flags",
    {
      config: { access: STAFF },
      schema: {
        tags: ["intake"],
        summary: "Screening flags of some of the clinic's clients, for lists (audited when any is shown)",
        querystring: FlagsQuerySchema,
        response: { 200: z.array(ClientFlagsSchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const ids = [...new Set(request.query.clientIds.split(",").filter(Boolean))];
      if (ids.length > MAX_FLAG_CLIENTS) {
        throw badRequest("invalid_request", `Ask for at most ${MAX_FLAG_CLIENTS} clients.`, "clientIds");
      }
      if (ids.some((id) => !UUID.test(id))) {
        throw badRequest("invalid_request", "Client ids must be valid ids.", "clientIds");
      }
      const known = (await existingClients(db, scope.clinicId, ids)).map((c) => c.id);
      const flags = await loadScreeningFlags(db, scope.clinicId, known);
      const answer = known.map((clientId) => ({ clientId, flags: flags.get(clientId) ?? [] }));
      await auditFlagsShown(db, scope, request.ip, flags.values());
      return answer;
    },
  );
};
