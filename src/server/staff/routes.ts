import { and, eq, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { InvitationPreviewSchema } from "../../core/api/auth";
import {
  IdParamsSchema,
  InvitationSchema,
  InviteStaffRequestSchema,
  StaffMemberSchema,
  TherapistSchema,
  UpdateTherapistBioRequestSchema,
} from "../../core/api/clinic";
import { CLINICAL, DESK, OWNER, scopeOf } from "../auth/access";
import { newToken, tokenHash } from "../auth/tokens";
import { invitations, therapists, users } from "../db/schema";
import { forbidden, notFound } from "../http/errors";
import { enqueueMessage } from "../notify/outbox";
import { INVITATION_DAYS, listTeam, previewInvitation, therapistRowFor } from "./invitations";

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/staff",
    {
      config: { access: DESK },
      schema: {
        tags: ["staff"],
        summary: "The clinic's team: staff and their roles, and therapists without a sign-in",
        response: { 200: z.array(StaffMemberSchema) },
      },
    },
    async (request) => listTeam(db, scopeOf(request).clinicId),
  );

  app.post(
    "/staff/invitations",
    {
      config: { access: OWNER },
      schema: {
        tags: ["staff"],
        summary: "Invite a staff member by e-mail (owner)",
        description:
          "With `therapistId`, the invitation gives a sign-in to that therapist (one on the calendar without a sign-in). An address that already has an account is asked to sign in and accept.",
        body: InviteStaffRequestSchema,
        response: { 201: InvitationSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { email, name, role } = request.body;
      const therapistId = await therapistRowFor(db, scope.clinicId, request.body);
      const [existing] = await db
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
      const token = newToken();
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      const [invitation] = await db
        .insert(invitations)
        .values({
          clinicId: scope.clinicId,
          email,
          name,
          role,
          tokenHash: tokenHash(token),
          invitedBy: scope.userId,
          expiresAt,
          therapistId,
        })
        .returning();
      if (!invitation) throw new Error("invitation insert returned nothing");
      const acceptUrl = `${app.config.publicUrl}/invite/${token}`;
      const step = existing
        ? "You already have a Knotwork account with this address: open this link and sign in to accept"
        : "Set your password here";
      await enqueueMessage(db, {
        clinicId: scope.clinicId,
        dedupeKey: `invitation:${invitation.id}`,
        kind: "staff_invitation",
        to: email,
        subject: `You're invited to join ${scope.clinicName} on Knotwork`,
        body: `Hello ${name},\n\n${scope.clinicName} has invited you to Knotwork. ${step} within ${INVITATION_DAYS} days:\n\n${acceptUrl}\n`,
      });
      reply.status(201);
      return {
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISOString(),
        existingAccount: existing !== undefined,
        acceptUrl,
      };
    },
  );

  app.get(
    "/staff/therapists/me",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["staff"],
        summary: "The caller's own therapist row in this clinic (name and public bio), if they treat clients",
        response: { 200: TherapistSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const [mine] = await db
        .select({ id: therapists.id, displayName: therapists.displayName, bio: therapists.bio })
        .from(therapists)
        .where(and(eq(therapists.clinicId, scope.clinicId), eq(therapists.userId, scope.userId)));
      if (!mine) throw notFound("You are not on this clinic's calendar as a therapist.");
      return mine;
    },
  );

  app.put(
    "/staff/therapists/:id/bio",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["staff"],
        summary: "A therapist's short bio for the public clinic page (owner: anyone's; therapist: their own)",
        params: IdParamsSchema,
        body: UpdateTherapistBioRequestSchema,
        response: { 200: TherapistSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const [therapist] = await db
        .select({ id: therapists.id, userId: therapists.userId })
        .from(therapists)
        .where(and(eq(therapists.clinicId, scope.clinicId), eq(therapists.id, request.params.id)));
      // Another clinic's therapist does not exist here; a colleague's is visible but not the caller's to edit.
      if (!therapist) throw notFound("Therapist not found.");
      if (scope.role !== "owner" && therapist.userId !== scope.userId)
        throw forbidden("You can edit your own bio only.");
      const [updated] = await db
        .update(therapists)
        .set({ bio: request.body.bio })
        .where(and(eq(therapists.clinicId, scope.clinicId), eq(therapists.id, therapist.id)))
        .returning({ id: therapists.id, displayName: therapists.displayName, bio: therapists.bio });
      if (!updated) throw notFound("Therapist not found.");
      return updated;
    },
  );

  app.get(
    "/auth/invitations/preview",
    {
      config: { access: "public", rateLimit: { max: 30, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Who an invitation is for, so the accept page can ask for a new password or a sign-in",
        description: "The token goes in the query string, which request logs never record.",
        querystring: z.object({ token: z.string().min(10).max(200) }),
        response: { 200: InvitationPreviewSchema },
      },
    },
    async (request) => previewInvitation(db, request.query.token),
  );
};
