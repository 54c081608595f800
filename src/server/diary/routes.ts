/**
 * Pain diary and progress API (F7, F9; route list in src/core/api/plans.ts). The client keeps their
 * own diary (a repeat of the last entry is one request, for a quick entry on a phone); staff reads of
 * a client's diary and progress are audited.
 */
import { and, desc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParamsSchema } from "../../core/api/clinic";
import {
  type DiaryEntry,
  DiaryEntryRequestSchema,
  DiaryEntrySchema,
  DiaryEntryUpdateSchema,
  ProgressSchema,
} from "../../core/api/plans";
import { regionById } from "../../core/body/regions";
import { CLINICAL, ownClientId, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import { painDiaryEntries } from "../db/schema";
import { badRequest, notFound } from "../http/errors";
import { clientOf } from "../plans/facts";
import { audited } from "../plans/routes";
import { buildProgress } from "./progress";

const CLIENT_ONLY = ["client"] as const;
const MAX_ENTRIES = 1000;
/** A phone's clock may run a little ahead; further ahead than this is a mistake. */
const FUTURE_SLACK_MS = 5 * 60_000;

type DiaryRow = typeof painDiaryEntries.$inferSelect;

function toEntry(row: DiaryRow): DiaryEntry {
  return {
    id: row.id,
    recordedAt: row.recordedAt.toISOString(),
    regions: row.regions.map((r) => ({
      id: r.id,
      label: regionById(r.id)?.label ?? r.id,
      intensity: r.intensity,
    })),
    note: row.note,
  };
}

export async function diaryOf(db: Db, clinicId: string, clientId: string): Promise<DiaryEntry[]> {
  const rows = await db
    .select()
    .from(painDiaryEntries)
    .where(and(eq(painDiaryEntries.clinicId, clinicId), eq(painDiaryEntries.clientId, clientId)))
    .orderBy(desc(painDiaryEntries.recordedAt))
    .limit(MAX_ENTRIES);
  return rows.map(toEntry);
}

function recordedAtOf(text: string | undefined, now: number): Date {
  if (text === undefined) return new Date(now);
  const at = Date.parse(text);
  if (at > now + FUTURE_SLACK_MS)
    throw badRequest("in_future", "A diary entry cannot be in the future.", "recordedAt");
  return new Date(at);
}

async function ownEntry(db: Db, clinicId: string, clientId: string, id: string): Promise<DiaryRow> {
  const [row] = await db
    .select()
    .from(painDiaryEntries)
    .where(
      and(
        eq(painDiaryEntries.clinicId, clinicId),
        eq(painDiaryEntries.clientId, clientId),
        eq(painDiaryEntries.id, id),
      ),
    );
  if (!row) throw notFound("Diary entry not found.");
  return row;
}

export const diaryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/me/diary",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["diary"],
        summary: "Your pain diary, newest first",
        response: { 200: z.array(DiaryEntrySchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return diaryOf(db, scope.clinicId, ownClientId(scope));
    },
  );

  app.post(
    "/me/diary",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["diary"],
        summary: "Add a diary entry: body regions with pain 0-10, and a note",
        body: DiaryEntryRequestSchema,
        response: { 201: DiaryEntrySchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const body = request.body;
      const [row] = await db
        .insert(painDiaryEntries)
        .values({
          clinicId: scope.clinicId,
          clientId,
          recordedAt: recordedAtOf(body.recordedAt, Date.now()),
          regions: body.regions,
          note: body.note || null,
        })
        .returning();
      if (!row) throw new Error("diary insert returned nothing");
      reply.status(201);
      return toEntry(row);
    },
  );

  app.post(
    "/me/diary/repeat-last",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["diary"],
        summary: "Add an entry the same as your last one (regions and scores), dated now",
        description: "404 when the diary is empty. The note is not copied.",
        response: { 201: DiaryEntrySchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const [last] = await db
        .select()
        .from(painDiaryEntries)
        .where(and(eq(painDiaryEntries.clinicId, scope.clinicId), eq(painDiaryEntries.clientId, clientId)))
        .orderBy(desc(painDiaryEntries.recordedAt))
        .limit(1);
      if (!last) throw notFound("Your diary has no entry to repeat yet.");
      const [row] = await db
        .insert(painDiaryEntries)
        .values({
          clinicId: scope.clinicId,
          clientId,
          recordedAt: new Date(),
          regions: last.regions,
          note: null,
        })
        .returning();
      if (!row) throw new Error("diary insert returned nothing");
      reply.status(201);
      return toEntry(row);
    },
  );

  app.patch(
    "/me/diary/:id",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["diary"],
        summary: "Change one of your diary entries",
        params: IdParamsSchema,
        body: DiaryEntryUpdateSchema,
        response: { 200: DiaryEntrySchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const row = await ownEntry(db, scope.clinicId, clientId, request.params.id);
      const body = request.body;
      const set: Partial<typeof painDiaryEntries.$inferInsert> = {};
      if (body.regions !== undefined) set.regions = body.regions;
      if (body.note !== undefined) set.note = body.note || null;
      if (body.recordedAt !== undefined) set.recordedAt = recordedAtOf(body.recordedAt, Date.now());
      if (Object.keys(set).length === 0) return toEntry(row);
      const [updated] = await db
        .update(painDiaryEntries)
        .set(set)
        .where(and(eq(painDiaryEntries.clinicId, scope.clinicId), eq(painDiaryEntries.id, row.id)))
        .returning();
      return toEntry(updated ?? row);
    },
  );

  app.delete(
    "/me/diary/:id",
    {
      config: { access: CLIENT_ONLY },
      schema: { tags: ["diary"], summary: "Delete one of your diary entries", params: IdParamsSchema },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const row = await ownEntry(db, scope.clinicId, clientId, request.params.id);
      await db
        .delete(painDiaryEntries)
        .where(and(eq(painDiaryEntries.clinicId, scope.clinicId), eq(painDiaryEntries.id, row.id)));
      return reply.status(204).send();
    },
  );

  app.get(
    "/clients/:id/diary",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["diary"],
        summary: "A client's pain diary, newest first (audited)",
        params: IdParamsSchema,
        response: { 200: z.array(DiaryEntrySchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, request.params.id);
      const entries = await diaryOf(db, scope.clinicId, client.id);
      await audited(db, scope, request, "read", "pain_diary", null, client.id);
      return entries;
    },
  );

  app.get(
    "/me/progress",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["diary"],
        summary:
          "Your progress: pain per region over time, pain before/after and points per session, range of motion",
        response: { 200: ProgressSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return buildProgress(db, scope.clinicId, ownClientId(scope));
    },
  );

  app.get(
    "/clients/:id/progress",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["diary"],
        summary: "A client's progress data for the charts (audited)",
        params: IdParamsSchema,
        response: { 200: ProgressSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, request.params.id);
      const progress = await buildProgress(db, scope.clinicId, client.id);
      await audited(db, scope, request, "read", "progress", null, client.id);
      return progress;
    },
  );
};
