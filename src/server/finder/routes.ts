/**
 * Public finder and atlas routes (docs/product.md F2, F3). Pure computations over the core data: no
 * database, no session needed, nothing logged about the regions a visitor marks.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ErrorSchema } from "../../core/api/auth";
import { GENERAL_SELF_TREATMENT_RULES, MUSCLES, muscleById, SOURCES, searchMuscles } from "../../core/atlas";
import {
  FinderRequestSchema,
  FinderResponseSchema,
  rankMuscles,
  validateFinderInput,
} from "../../core/finder";
import { badRequest, notFound } from "../http/errors";
import {
  AtlasQuerySchema,
  MuscleDetailSchema,
  MuscleIdParamsSchema,
  MuscleListSchema,
  toSummary,
} from "./schemas";

/** Atlas text changes only with a release; let browsers and proxies keep it a while. */
const ATLAS_CACHE = "public, max-age=300";

export const finderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/finder",
    {
      config: { access: "public" },
      schema: {
        tags: ["finder"],
        summary: "Muscles commonly associated with pain in the marked regions (not a diagnosis)",
        description:
          "Ranks muscles by how well their referral patterns explain the marked regions, best first: the side, a 0-1 score, the marked regions each explains (essential vs spillover) and those it does not. An unknown region id is a 400 `unknown_region` naming it.",
        body: FinderRequestSchema,
        response: { 200: FinderResponseSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      // The schema has checked the shape; the vocabulary check names the first unknown id.
      const checked = validateFinderInput(request.body);
      if (!checked.ok) throw badRequest(checked.error.code, checked.error.message, checked.error.field);
      return { results: rankMuscles(checked.value.regions) };
    },
  );

  app.get(
    "/atlas/muscles",
    {
      config: { access: "public" },
      schema: {
        tags: ["atlas"],
        summary: "The muscle atlas: every muscle, or those matching a search",
        querystring: AtlasQuerySchema,
        response: { 200: MuscleListSchema },
      },
    },
    async (request, reply) => {
      const q = request.query.q ?? "";
      const muscles = q === "" ? MUSCLES : searchMuscles(q);
      reply.header("cache-control", ATLAS_CACHE);
      return { muscles: muscles.map(toSummary) };
    },
  );

  app.get(
    "/atlas/muscles/:id",
    {
      config: { access: "public" },
      schema: {
        tags: ["atlas"],
        summary:
          "One atlas entry: pattern, trigger points, causes, self-treatment, stretch, cautions, sources",
        params: MuscleIdParamsSchema,
        response: { 200: MuscleDetailSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const muscle = muscleById(request.params.id);
      if (!muscle) throw notFound(`No muscle in the atlas has the id ${JSON.stringify(request.params.id)}.`);
      reply.header("cache-control", ATLAS_CACHE);
      return {
        muscle: {
          ...toSummary(muscle),
          triggerPoints: muscle.triggerPoints,
          causes: [...muscle.causes],
          activators: muscle.activators,
          selfTreatment: {
            ...muscle.selfTreatment,
            holdSeconds: [muscle.selfTreatment.holdSeconds[0], muscle.selfTreatment.holdSeconds[1]] as [
              number,
              number,
            ],
          },
          stretch: muscle.stretch,
          cautions: [...muscle.cautions],
          sources: [...muscle.sources],
          confidence: muscle.confidence,
        },
        sources: muscle.sources.map((key) => ({ key, citation: SOURCES[key] })),
        generalRules: [...GENERAL_SELF_TREATMENT_RULES],
      };
    },
  );
};
