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
