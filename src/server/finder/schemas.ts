/**
 * Response shapes of the public atlas routes. The finder's own contract (request and response)
 * lives in core/finder/contract.ts; these describe atlas entries as the API serves them.
 */
import { z } from "zod";
import { CAUSE_TAGS, MUSCLE_IDS, type Muscle, SELF_TREATMENT_TOOLS, SOURCES } from "../../core/atlas";
import { REGION_GROUPS } from "../../core/body/regions";

const SOURCE_KEYS = Object.keys(SOURCES) as [keyof typeof SOURCES, ...(keyof typeof SOURCES)[]];

export const MuscleIdParamsSchema = z.object({
  id: z.string().min(1).max(64).describe("Muscle id of the atlas, e.g. `upper-trapezius`"),
});

export const AtlasQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100, { error: "Search text is too long" })
    .optional()
    .describe("Search by muscle name or by where it hurts (`temple`, `SCM`, `heel`); best match first"),
});

/** What the index and search need: names, body area and referral pattern (region type ids). */
export const MuscleSummarySchema = z.object({
  id: z.enum(MUSCLE_IDS),
  name: z.string().describe("Plain-language name"),
  anatomicalName: z.string(),
  alsoKnownAs: z.array(z.string()),
  group: z.enum(REGION_GROUPS).describe("Body area the muscle sits in"),
  essential: z.array(z.string()).describe("Region TYPE ids where its referred pain is usually felt"),
  spillover: z.array(z.string()).describe("Region TYPE ids where the pain sometimes spreads"),
});

export const MuscleListSchema = z.object({
  muscles: z.array(MuscleSummarySchema).describe("Catalogue order (head to foot), or best match first"),
});

export const MuscleSchema = MuscleSummarySchema.extend({
  triggerPoints: z.string(),
  causes: z.array(z.enum(CAUSE_TAGS)),
  activators: z.string(),
  selfTreatment: z.object({
    tool: z.enum(SELF_TREATMENT_TOOLS),
    how: z.string(),
    holdSeconds: z.tuple([z.number().int(), z.number().int()]).describe("[min, max] seconds, within 10-60"),
    frequency: z.string(),
  }),
  stretch: z.string(),
  cautions: z.array(z.string()),
  sources: z.array(z.enum(SOURCE_KEYS)),
  confidence: z.enum(["high", "medium", "low"]),
});

export const MuscleDetailSchema = z.object({
  muscle: MuscleSchema,
  sources: z.array(z.object({ key: z.string(), citation: z.string() })).describe("The entry's sources"),
  generalRules: z.array(z.string()).describe("Safety rules for every self-treatment"),
});

export type MuscleSummary = z.output<typeof MuscleSummarySchema>;

export function toSummary(muscle: Muscle): MuscleSummary {
  return {
    id: muscle.id,
    name: muscle.name,
    anatomicalName: muscle.anatomicalName,
    alsoKnownAs: [...muscle.alsoKnownAs],
    group: muscle.group,
    essential: [...muscle.essential],
    spillover: [...muscle.spillover],
  };
}
