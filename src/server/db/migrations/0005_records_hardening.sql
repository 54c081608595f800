-- Invitations can give a sign-in to a therapist row that already exists (a therapist without one).
ALTER TABLE "invitations" ADD COLUMN "therapist_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_clinic_id_therapist_id_therapists_clinic_id_id_fk" FOREIGN KEY ("clinic_id","therapist_id") REFERENCES "public"."therapists"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Feed tokens are kept only as their SHA-256 (hex of the UTF-8 token, as tokenHash() computes it):
-- existing feed URLs keep working, and a leaked table no longer leaks them.
ALTER TABLE "therapists" ADD COLUMN "feed_token_hash" text;--> statement-breakpoint
UPDATE "therapists" SET "feed_token_hash" = encode(sha256(convert_to("feed_token", 'UTF8')), 'hex');--> statement-breakpoint
ALTER TABLE "therapists" ALTER COLUMN "feed_token_hash" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "therapists" DROP COLUMN "feed_token";--> statement-breakpoint
CREATE UNIQUE INDEX "therapists_feed_token_hash_key" ON "therapists" USING btree ("feed_token_hash");--> statement-breakpoint
-- One therapist row per person and clinic. Duplicates made by the invitation race cannot be merged
-- automatically: their bookings may overlap (that is how one person got booked twice at one
-- instant). The oldest row keeps the sign-in; later duplicates keep their appointments but lose
-- the link to the account, so they show on the Team page as therapists without a sign-in, for the
-- owner to sort out by hand.
UPDATE "therapists" AS t SET "user_id" = NULL
WHERE t."user_id" IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM "therapists" AS older
    WHERE older."clinic_id" = t."clinic_id" AND older."user_id" = t."user_id"
      AND (older."created_at", older."id") < (t."created_at", t."id")
  );--> statement-breakpoint
ALTER TABLE "therapists" ADD CONSTRAINT "therapists_clinic_user_key" UNIQUE("clinic_id","user_id");--> statement-breakpoint
-- The audit log is append-only: TRUNCATE (which row triggers do not see) is refused too.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
