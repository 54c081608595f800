/** API contracts for records (F11): the FHIR export and erasure requests. */
import { z } from "zod";
import { ClientExportSchema } from "./intake";

export const EXPORT_FORMATS = ["json", "fhir"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportQuerySchema = z.object({
  format: z
    .enum(EXPORT_FORMATS, { message: 'format is "json" or "fhir".' })
    .default("json")
    .describe('"json": Knotwork\'s own export; "fhir": a FHIR R4 Bundle (type collection)'),
});

/** Only the Bundle's frame is described here; the resources are FHIR R4 (docs/decisions/0018-fhir-export.md). */
export const FhirBundleSchema = z
  .object({
    resourceType: z.literal("Bundle"),
    id: z.string(),
    type: z.literal("collection"),
    timestamp: z.string(),
    entry: z.array(
      z.object({
        fullUrl: z.string(),
        resource: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .describe("A FHIR R4 Bundle of type collection");

export const RecordExportSchema = z.union([ClientExportSchema, FhirBundleSchema]);

// ---- Erasure with retention (docs/decisions/0019-backup-and-erasure.md).

export const ERASURE_STATUSES = ["requested", "erased", "purged", "withdrawn"] as const;

export const ErasurePreviewSchema = z.object({
  erased: z.object({
    contactDetails: z.boolean(),
    account: z.boolean(),
    diaryEntries: z.number(),
    messages: z.number(),
    waitlistEntries: z.number(),
    intakeDraft: z.boolean(),
    futureAppointments: z.number().describe("Requested or confirmed bookings still ahead: cancelled"),
  }),
  kept: z.object({
    intakes: z.number(),
    consentSignatures: z.number(),
    treatmentSessions: z.number(),
    treatmentPlans: z.number(),
    homeCarePlans: z.number(),
    sorenessCheckIns: z.number().describe("Next-day soreness check-ins the client answered"),
    pastAppointments: z.number(),
  }),
  lastVisit: z.string().nullable(),
  retentionYears: z.number(),
  retainUntil: z.string().describe("When the kept records are purged if the erasure is carried out now"),
});
export type ErasurePreview = z.infer<typeof ErasurePreviewSchema>;

export const MyErasureRequestSchema = z.object({
  request: z
    .object({
      id: z.string(),
      status: z.enum(ERASURE_STATUSES),
      requestedAt: z.string(),
    })
    .nullable(),
});
export type MyErasureRequest = z.infer<typeof MyErasureRequestSchema>;

export const ErasureRequestBodySchema = z.object({
  confirm: z.literal(true, { message: "Tick the box to confirm you want your account erased." }),
});

export const ErasureRequestSummarySchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string().nullable().describe("Null once purged"),
  status: z.enum(ERASURE_STATUSES),
  requestedAt: z.string(),
  erasedAt: z.string().nullable(),
  retainUntil: z.string().nullable(),
  purgedAt: z.string().nullable(),
  preview: ErasurePreviewSchema.nullable().describe("What carrying it out would do (requested only)"),
});
export type ErasureRequestSummary = z.infer<typeof ErasureRequestSummarySchema>;

export const ErasureRequestListSchema = z.object({ requests: z.array(ErasureRequestSummarySchema) });
