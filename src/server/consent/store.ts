/**
 * Consent text per clinic and the clients' signatures (F5). A clinic that never wrote its own text
 * uses Knotwork's default (core/consent DEFAULT_CONSENT_V1, version 1); the owner's first own text is
 * version 2, and every later one the next number. A signature counts only for the version in force.
 */
import { and, desc, eq, inArray, max } from "drizzle-orm";
import type { z } from "zod";
import type { ConsentStatus, ConsentUpdate } from "../../core/api/intake";
import {
  type ConsentDocument,
  ConsentDocumentSchema,
  DEFAULT_CONSENT_V1,
  isConsentCurrent,
} from "../../core/consent";
import type { Db } from "../db/connect";
import { consentSignatures, consentVersions } from "../db/schema";

/** A consent document as the API sends it (plain, mutable arrays). */
export type ConsentText = z.infer<typeof ConsentDocumentSchema>;

function parseDocument(body: string): ConsentText {
  return ConsentDocumentSchema.parse(JSON.parse(body));
}

function builtIn(document: ConsentDocument): ConsentText {
  return { ...document, sections: document.sections.map((section) => ({ ...section })) };
}

/** The consent text in force at a clinic. */
export async function currentConsent(db: Db, clinicId: string): Promise<ConsentText> {
  const [row] = await db
    .select({ body: consentVersions.body })
    .from(consentVersions)
    .where(eq(consentVersions.clinicId, clinicId))
    .orderBy(desc(consentVersions.version))
    .limit(1);
  return row ? parseDocument(row.body) : builtIn(DEFAULT_CONSENT_V1);
}

/** The exact text of one version, as a client saw it when they signed. */
export async function consentAtVersion(
  db: Db,
  clinicId: string,
  version: number,
): Promise<ConsentText | null> {
  const [row] = await db
    .select({ body: consentVersions.body })
    .from(consentVersions)
    .where(and(eq(consentVersions.clinicId, clinicId), eq(consentVersions.version, version)));
  if (row) return parseDocument(row.body);
  return version === DEFAULT_CONSENT_V1.version ? builtIn(DEFAULT_CONSENT_V1) : null;
}

export async function listConsentVersions(db: Db, clinicId: string) {
  const rows = await db
    .select({ body: consentVersions.body, createdAt: consentVersions.createdAt })
    .from(consentVersions)
    .where(eq(consentVersions.clinicId, clinicId))
    .orderBy(desc(consentVersions.version));
  const own = rows.map((row) => {
    const document = parseDocument(row.body);
    return {
      version: document.version,
      title: document.title,
      effectiveDate: document.effectiveDate,
      createdAt: row.createdAt.toISOString(),
    };
  });
  const builtIn = {
    version: DEFAULT_CONSENT_V1.version,
    title: DEFAULT_CONSENT_V1.title,
    effectiveDate: DEFAULT_CONSENT_V1.effectiveDate,
    createdAt: null,
  };
  return own.some((v) => v.version === builtIn.version) ? own : [...own, builtIn];
}

function slugPart(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "clinic"
  );
}

/**
 * Publishes an owner's text as the next version, in force from `today` (the clinic's local date).
 * Two owners publishing at once: the unique (clinic, version) key lets one win; the other gets a 409.
 */
export async function publishConsent(
  db: Db,
  clinic: { id: string; slug: string },
  update: ConsentUpdate,
  today: string,
): Promise<ConsentText> {
  const [latest] = await db
    .select({ version: max(consentVersions.version) })
    .from(consentVersions)
    .where(eq(consentVersions.clinicId, clinic.id));
  const version = Math.max(latest?.version ?? 0, DEFAULT_CONSENT_V1.version) + 1;
  const document = ConsentDocumentSchema.parse({
    version,
    id: `${slugPart(clinic.slug)}-v${version}`,
    effectiveDate: today,
    title: update.title,
    sections: update.sections.map((section, index) => ({ id: `section-${index + 1}`, ...section })),
    agreement: update.agreement,
  });
  await db.insert(consentVersions).values({ clinicId: clinic.id, version, body: JSON.stringify(document) });
  return document;
}

const NO_SIGNATURE = { signedVersion: null, signedAt: null, typedName: null };

/** Consent status of several clients against the version in force. */
export async function consentStatuses(
  db: Db,
  clinicId: string,
  clientIds: readonly string[],
): Promise<Map<string, ConsentStatus>> {
  const current = await currentConsent(db, clinicId);
  const statuses = new Map<string, ConsentStatus>();
  const ids = [...new Set(clientIds)];
  for (const id of ids)
    statuses.set(id, { currentVersion: current.version, ...NO_SIGNATURE, signedCurrent: false });
  if (ids.length === 0) return statuses;
  const rows = await db
    .select({
      clientId: consentSignatures.clientId,
      version: consentSignatures.version,
      typedName: consentSignatures.typedName,
      signedAt: consentSignatures.signedAt,
    })
    .from(consentSignatures)
    .where(and(eq(consentSignatures.clinicId, clinicId), inArray(consentSignatures.clientId, ids)))
    .orderBy(desc(consentSignatures.signedAt));
  for (const row of rows) {
    const status = statuses.get(row.clientId);
    if (!status) continue;
    if (status.signedVersion === null) {
      status.signedVersion = row.version;
      status.signedAt = row.signedAt.toISOString();
      status.typedName = row.typedName;
    }
    if (isConsentCurrent(row.version, current.version)) status.signedCurrent = true;
  }
  return statuses;
}

export async function consentStatus(db: Db, clinicId: string, clientId: string): Promise<ConsentStatus> {
  const statuses = await consentStatuses(db, clinicId, [clientId]);
  return statuses.get(clientId) as ConsentStatus;
}
