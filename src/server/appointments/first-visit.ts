/**
 * Whether a signed-in client's next booking would be a first visit. Online booking words its
 * button from this ("Request this time", not "Book this time"): a first visit is always a request
 * the clinic confirms, even for a service booked straight away for returning clients.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ownClientId, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import { appointments } from "../db/schema";

export const FirstVisitSchema = z.object({
  firstVisit: z
    .boolean()
    .describe("No confirmed or completed appointment here yet: the next booking starts as a request"),
});

/** The same test the slot planner makes ("returning" in scheduling/schedule.ts). */
export async function isFirstVisit(db: Db, clinicId: string, clientId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.clientId, clientId),
        inArray(appointments.status, ["confirmed", "completed"]),
      ),
    )
    .limit(1);
  return !row;
}

export const firstVisitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  app.get(
    "/me/first-visit",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["appointments"],
        summary: "Whether the signed-in client's next booking here is a first visit",
        response: { 200: FirstVisitSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return { firstVisit: await isFirstVisit(db, scope.clinicId, ownClientId(scope)) };
    },
  );
};
