import { asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { InvitationSchema, InviteStaffRequestSchema, StaffMemberSchema } from "../../core/api/clinic";
import { DESK, OWNER, scopeOf } from "../auth/access";
import { newToken, tokenHash } from "../auth/tokens";
import { invitations, memberships, users } from "../db/schema";
import { enqueueMessage } from "../notify/outbox";

const INVITATION_DAYS = 7;

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/staff",
    {
      config: { access: DESK },
      schema: {
        tags: ["staff"],
        summary: "The clinic's staff and their roles",
        response: { 200: z.array(StaffMemberSchema) },
      },
    },
    async (request) =>
      db
        .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.clinicId, scopeOf(request).clinicId))
        .orderBy(asc(users.name)),
  );

  app.post(
    "/staff/invitations",
    {
      config: { access: OWNER },
      schema: {
        tags: ["staff"],
        summary: "Invite a staff member by e-mail (owner)",
        body: InviteStaffRequestSchema,
        response: { 201: InvitationSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const token = newToken();
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      const [invitation] = await db
        .insert(invitations)
        .values({
          clinicId: scope.clinicId,
          email: request.body.email,
          name: request.body.name,
          role: request.body.role,
          tokenHash: tokenHash(token),
          invitedBy: scope.userId,
          expiresAt,
        })
        .returning();
      if (!invitation) throw new Error("invitation insert returned nothing");
      const acceptUrl = `${app.config.publicUrl}/invite/${token}`;
      await enqueueMessage(db, {
        clinicId: scope.clinicId,
        dedupeKey: `invitation:${invitation.id}`,
        kind: "staff_invitation",
        to: request.body.email,
        subject: `You're invited to join ${scope.clinicName} on Knotwork`,
        body: `Hello ${request.body.name},\n\n${scope.clinicName} has invited you to Knotwork. Set your password here within ${INVITATION_DAYS} days:\n\n${acceptUrl}\n`,
      });
      reply.status(201);
      return {
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISOString(),
        acceptUrl,
      };
    },
  );
};
