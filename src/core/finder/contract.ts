import { z } from "zod";
import { MUSCLE_IDS } from "../atlas";
import type { FinderResult } from "./rank";

/**
 * The finder's API contract (docs/product.md F3), shared by the server route (`POST /api/finder`),
 * the web app and the CLI. One schema per shape; the OpenAPI document is generated from them.
 */

export const MAX_FINDER_REGIONS = 40;
/** Intensity used when a mark leaves it out (the CLI takes bare region ids). */
export const DEFAULT_INTENSITY = 5;

export const RegionMarkSchema = z.object({
  id: z
    .string({ error: "Region id must be a string" })
    .min(1, { error: "Region id must not be empty" })
    .max(64, { error: "Region id is too long" })
    .describe("A body-map region id, e.g. `temple-left` or `sacrum`; checked by validateFinderInput"),
  intensity: z
    .number({ error: "Intensity must be a number" })
    .int({ error: "Intensity must be a whole number from 1 to 10" })
    .min(1, { error: "Intensity must be a whole number from 1 to 10" })
    .max(10, { error: "Intensity must be a whole number from 1 to 10" })
    .default(DEFAULT_INTENSITY)
    .describe(`Pain intensity 1-10; ${DEFAULT_INTENSITY} when omitted`),
});

/**
 * `{ regions: [{ id, intensity }] }`, 1-40 regions. Unknown region ids pass this schema on purpose:
 * validateFinderInput reports them as `unknown_region` naming the id, which a generic schema error cannot.
 */
export const FinderRequestSchema = z.object({
  regions: z
    .array(RegionMarkSchema, { error: "regions must be a list of { id, intensity }" })
    .min(1, { error: "Mark at least one region" })
    .max(MAX_FINDER_REGIONS, { error: `Mark at most ${MAX_FINDER_REGIONS} regions` }),
});

export type FinderRequest = z.output<typeof FinderRequestSchema>;
/** What a client may send (intensity optional). */
export type FinderRequestInput = z.input<typeof FinderRequestSchema>;

export const FinderResultSchema = z.object({
  muscle: z.enum(MUSCLE_IDS).describe("Muscle id of the atlas"),
  side: z
    .enum(["left", "right"])
    .nullable()
    .describe("Side of the body the muscle would be on; null when only midline regions are explained"),
  score: z
    .number()
    .min(0)
    .max(1)
    .describe("0-1, two decimals: share of the marked pain the pattern explains"),
  explains: z.object({
    essential: z.array(z.string()).describe("Marked region ids in the muscle's essential zone"),
    spillover: z.array(z.string()).describe("Marked region ids in the muscle's spillover zone"),
  }),
  unexplained: z.array(z.string()).describe("Marked region ids this muscle does not explain"),
}) satisfies z.ZodType<FinderResult>;

export const FinderResponseSchema = z.object({
  results: z.array(FinderResultSchema).describe("Muscles commonly associated with pain here, best first"),
});

export type FinderResponse = z.output<typeof FinderResponseSchema>;
